/** The current selection in words, shown above the charts and used in citations. */
import { OWNER_PREFIX } from '../query/filter.ts';
import type { ViewState } from './state.ts';
import type { Context } from './context.ts';

const list = (items: string[], max = 4): string =>
  items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;

export function platformName(ctx: Context, id: string): string {
  if (id.startsWith(OWNER_PREFIX)) {
    const owner = id.slice(OWNER_PREFIX.length);
    const p = [...ctx.ds.platforms.values()].find((x) => x.owner === owner);
    return `${p?.owner_name ?? owner} (all its apps)`;
  }
  return ctx.ds.platforms.get(id)?.name ?? id;
}

export function summarise(ctx: Context, state: ViewState): string {
  const { ds } = ctx;
  const areas = state.areas.length
    ? list(state.areas.map((id) => ds.areas.get(id)?.name ?? id))
    : 'all areas';
  const platforms = state.platforms.length
    ? list(state.platforms.map((id) => platformName(ctx, id)))
    : 'all platforms';
  const chosen = state.periods.length ? ds.periods.filter((p) => state.periods.includes(p.id)) : ds.periods;
  const years = chosen.filter((p) => p.kind === 'financial_year');
  const others = chosen.filter((p) => p.kind !== 'financial_year');
  const parts: string[] = [];
  if (state.periods.length === 0) parts.push('every period');
  else {
    if (years.length === 1) parts.push(years[0]!.label);
    else if (years.length > 1)
      parts.push(`${years[0]!.label} to ${years[years.length - 1]!.label} (${years.length} years)`);
    if (others.length) parts.push(list(others.map((p) => p.short)));
  }
  return `${areas} · ${platforms} · ${parts.join(' and ') || 'no period'}`;
}
