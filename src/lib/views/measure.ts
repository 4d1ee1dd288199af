/**
 * Counts or rates: what a force-level figure is drawn as. A rate is a count over the children of the forces
 * that reported it (src/lib/query/rates.ts); where a rate would not be honest, it is refused with a reason.
 */
import { aggregateRate, forceRate, RATE_WORDING, type RateBase, type RateEstimate } from '../query/rates.ts';

import type { Per } from './state.ts';
import { areaName, factWords, joinWords, type Context } from './context.ts';
import type { Fact } from '../query/resolve.ts';

import { formatEstimate, formatNumber, formatRate } from '../words/numbers.ts';

export const PER_BASE: Readonly<Record<Exclude<Per, 'count'>, RateBase>> = { u16: 'under16', u18: 'under18' };

export const PER_WORDS: Readonly<Record<Per, string>> = {
  count: 'Offences',
  u16: 'Offences per 100,000 children under 16',
  u18: 'Offences per 100,000 children under 18',
};

/** The denominator in words, wherever a rate appears; '' for counts. */
export const perWording = (per: Per): string => (per === 'count' ? '' : RATE_WORDING[PER_BASE[per]]);

export interface RateCell {
  rate: RateEstimate | null;
  refused: string | null;
  children: number | null;
  notAYear: boolean;
  smallBase: boolean;
  /** For regions and countries: the forces whose counts and children the rate covers. */
  covered: string[] | null;
  missing: string[];
  /** Words for a tooltip: "41.8 per 100,000 … · 152 offences over 363,247 children". */
  text: string;
}

/** The rate for one area and period, or the reason there is none. */
export function rateCell(
  ctx: Context,
  per: Exclude<Per, 'count'>,
  areaId: string,
  periodKey: string,
): RateCell {
  const { ds, index } = ctx;
  const base = PER_BASE[per];
  const area = ds.areas.get(areaId);
  if (!area) return refused(`unknown area`);
  if (area.type === 'force') {
    const r = forceRate(ds, index, areaId, periodKey, base);
    if (!r.rate) return refused(r.refused ?? 'no rate', r.children);
    return made(r.rate, r.children, r.notAYear, r.smallBase, null, []);
  }
  const r = aggregateRate(ds, index, areaId, periodKey, base);
  if (r.noPopulation.length)
    return refused(
      `no population figure for ${r.noPopulation.map((id) => areaName(ds, id)).join(' and ')}, so no rate for ${area.name}`,
    );
  if (!r.rate) return refused(r.refused ?? 'no rate', r.children);
  return made(r.rate, r.children, r.notAYear, r.smallBase, r.covered, r.missing);

  function refused(reason: string, children: number | null = null): RateCell {
    return {
      rate: null,
      refused: reason,
      children,
      notAYear: false,
      smallBase: false,
      covered: null,
      missing: [],
      text: `no rate: ${reason}`,
    };
  }
  function made(
    rate: RateEstimate,
    children: number | null,
    notAYear: boolean,
    smallBase: boolean,
    covered: string[] | null,
    missing: string[],
  ): RateCell {
    const parts = [
      `${formatRate(rate)} ${RATE_WORDING[base]}`,
      `${formatEstimate(rate.count)} offences over ${formatNumber(rate.children)} children`,
    ];
    if (covered)
      parts.push(
        `computed from the ${covered.length} of ${covered.length + missing.length} forces with a figure`,
      );
    if (notAYear) parts.push('the period is not a year: the rate is for the period, not annualised');
    if (smallBase) parts.push('very few children: a handful of offences moves this rate a lot');
    return { rate, refused: null, children, notAYear, smallBase, covered, missing, text: parts.join(' · ') };
  }
}

/** A rate's tooltip: where and when, the rate in words, and the source of the count it is made from. */
export function rateTip(ctx: Context, where: string, rateText: string, fact: Fact | null): string {
  const words = fact ? factWords(ctx.ds, fact) : null;
  return joinWords(where, rateText, words ? `count from ${joinWords(words.source, words.conflict)}` : '');
}
