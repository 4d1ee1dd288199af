/** Platforms: platform records as published for each area and period, with their denominator, never split. */
import type { Area, PlatformLabel, ShareBase } from '../data/schema.ts';
import { platformBreakdown } from '../query/platforms.ts';
import { estimateOfFigure } from '../query/estimate.ts';

import { labelMatches, matchingLabels } from '../query/filter.ts';

import type { Fact } from '../query/resolve.ts';
import type { ViewState } from './state.ts';

import {
  INCOMPLETE_MEANING,
  describeFact,
  factIncomplete,
  isUserFact,
  displayValue,
  selectedAreas,
  selectedPeriods,
  nearestPeriod,
  type Context,
  type Nearest,
} from './context.ts';
import { formatEstimate } from '../words/numbers.ts';
import { SHARE_BASE_WORDS, panelBaseWords } from '../words/bases.ts';

export interface PlatformBar {
  label: string;
  /** Combined and owner-group labels cover several platforms: drawn distinctly, never split. */
  combined: boolean;
  /** What the label covers (data/platform-labels.csv): the chart colours it by this. */
  mapping: PlatformLabel | undefined;
  lo: number;
  hi: number;
  atLeast: boolean;
  approximate: boolean;
  disagree: boolean;
  tip: string;
  fact: Fact;
  user: boolean;
  /** Flagged possibly incomplete: marked "?" on the bar. */
  incomplete: boolean;
}

export interface PlatformPanel {
  id: string;
  area: string;
  period: string;
  title: string;
  bars: PlatformBar[];
  shares: { label: string; value: string; base: string; tip: string; fact: Fact }[];
  /** The denominator, in words, named wherever the records appear. */
  denominator: string;
  recordsExceedOffences: boolean;
  /** Combined labels whose published value differs from the sum of their published parts. */
  inconsistencies: string[];
}

export interface PlatformView {
  panels: PlatformPanel[];
  /** When no panel has figures: the nearest area and period that has platform figures. */
  nearest: Nearest | null;
  /** Combined labels that also include a selected platform (shown whole, never split). */
  alsoIncluded: string[];
  title: string;
  subtitle: string;
  notes: string[];
}

export function platformView(ctx: Context, state: ViewState): PlatformView {
  const { ds, index } = ctx;
  const chosen = new Set(state.platforms);
  const keep = (label: string) => {
    if (chosen.size === 0) return true;
    const l = ds.labels.get(label);
    return !!l && labelMatches(l, chosen);
  };
  const areas = state.areas.length ? selectedAreas(ds, state, []) : [...ds.areas.values()];
  const panels: PlatformPanel[] = [];
  for (const area of areas) {
    for (const p of selectedPeriods(ds, state)) {
      const b = platformBreakdown(ds, index, area.id, p.key, keep);
      if (b.records.length === 0 && b.shares.length === 0) continue;
      const bars = b.records
        .map((fact): PlatformBar | null => {
          const est = estimateOfFigure(fact.preferred);
          if (!est) return null;
          const label = ds.labels.get(fact.preferred.category);
          return {
            label: fact.preferred.category,
            combined: !label || label.scope !== 'platform',
            mapping: label,
            lo: est.lo,
            hi: est.hi,
            atLeast: est.hi === Infinity,
            approximate: est.approximate,
            disagree: fact.disagree,
            tip: describeFact(ds, fact, `platform records for "${fact.preferred.category}"`),
            fact,
            user: isUserFact(fact),
            incomplete: factIncomplete(fact),
          };
        })
        .filter((x): x is PlatformBar => x !== null)
        .sort((a, b) => b.lo - a.lo || a.label.localeCompare(b.label, 'en-GB'));
      const knownEst = b.platformKnown ? estimateOfFigure(b.platformKnown.preferred) : null;
      const offEst = b.offences ? estimateOfFigure(b.offences.preferred) : null;
      const knownLo = knownEst?.lo;
      const offLo = offEst?.lo;
      const denominator = panelBaseWords({
        known: b.platformKnown ? displayValue(b.platformKnown.preferred) : null,
        offences: b.offences ? displayValue(b.offences.preferred) : null,
        knownCountsRecords: !!knownEst && !!offEst && knownEst.lo > offEst.hi,
      });
      const recordSum = bars.reduce((s, x) => s + x.lo, 0);
      panels.push({
        id: `${area.id}|${p.key}`,
        area: area.id,
        period: p.key,
        title: `${area.name}, ${p.label}`,
        bars,
        shares: b.shares.map((fact) => ({
          label: fact.preferred.category,
          value: displayValue(fact.preferred),
          base: SHARE_BASE_WORDS[(fact.preferred.share_base || 'unstated') as ShareBase],
          tip: describeFact(ds, fact, `share "${fact.preferred.category}"`),
          fact,
        })),
        denominator,
        recordsExceedOffences:
          (knownLo !== undefined && offLo !== undefined && knownLo > offLo) ||
          (offLo !== undefined && recordSum > offLo),
        inconsistencies: b.combinedVsParts
          .filter((c) => c.differs && keep(c.combined.preferred.category))
          .map(
            (c) =>
              `"${c.combined.preferred.category}" is published as ${displayValue(c.combined.preferred)}, ` +
              `but its parts as published (${c.parts.map((x) => `${x.preferred.category} ${displayValue(x.preferred)}`).join(' + ')}) ` +
              `add up to ${formatEstimate(c.partsSum)}. Offences using several of these apps would explain a smaller combined figure; the sources do not say.`,
          ),
      });
    }
  }
  const { combined } = matchingLabels(ds, chosen);
  const alsoIncluded = chosen.size ? combined : [];
  const notes = [
    'Platform records are not offences: one offence can involve several platforms, so records can add up to more than the offences.',
    'Combined labels (outlined) are shown as published and never split into their platforms.',
  ];
  if (panels.some((p) => p.bars.some((b) => b.incomplete)))
    notes.push(`Bars marked "?" are figures ${INCOMPLETE_MEANING}.`);
  if (panels.some((p) => p.shares.length))
    notes.push('Shares are shown as published, each with the base the source gives; they are never added.');
  const where = state.areas.length ? areas.map((a) => a.name).join(', ') : 'every area with platform figures';
  return {
    panels,
    nearest: panels.length ? null : nearestPlatformFigures(ctx, state, areas),
    alsoIncluded,
    title: `Platforms recorded in offences: ${state.areas.length <= 3 ? where : `${areas.length} areas`}`,
    subtitle: `Times each platform or label was recorded, as published; the denominator is named in each panel.`,
    notes,
  };
}

/** The nearest area and period with platform figures: among the chosen areas first, then any area. */
function nearestPlatformFigures(ctx: Context, state: ViewState, chosen: readonly Area[]): Nearest | null {
  const { ds, index } = ctx;
  const withFigures = (areas: readonly Area[]) =>
    areas.flatMap((area) =>
      ds.periods
        .filter((p) => index.get(area.id, 'platform', p.key).length > 0)
        .map((period) => ({ area, period })),
    );
  const found = withFigures(chosen).length ? withFigures(chosen) : withFigures([...ds.areas.values()]);
  const period = nearestPeriod(
    ds,
    state,
    found.map((f) => f.period),
  );
  const pick = found.find((f) => f.period === period);
  if (!pick) return null;
  return {
    label: `${pick.area.name}, ${pick.period.label}`,
    areas: [pick.area.id],
    periods: [pick.period.id],
  };
}
