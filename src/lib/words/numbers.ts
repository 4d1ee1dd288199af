/**
 * Every number the explorer writes, in one place: counts and shares, ranges, rates and file sizes, British
 * English. Charts, views, downloads and the import all format through these, so a figure reads the same in a
 * tooltip, a table cell and a citation.
 */
import type { Estimate } from '../query/estimate.ts';

const count = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const rate = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A count or a published share: "1,628", "40.2". */
export const formatNumber = (n: number): string => count.format(n);

/** A rate to one decimal: "41.8", "1,234.5". */
export const formatRateValue = (n: number): string => rate.format(n);

const suppressedParts = (n: number): string => (n > 0 ? ` (${n} suppressed part${n > 1 ? 's' : ''})` : '');

/** A range in words with the given number format: "62", "≈ 992", "200 or more", "62 to 70 (1 suppressed part)". */
function formatRange(e: Estimate, format: (n: number) => string, suppressed: number): string {
  const approx = e.approximate ? '≈ ' : '';
  let text: string;
  if (e.lo === e.hi) text = `${approx}${format(e.lo)}`;
  else if (e.hi === Infinity) text = `${approx}${format(e.lo)} or more`;
  else text = `${approx}${format(e.lo)} to ${format(e.hi)}`;
  return text + suppressedParts(suppressed);
}

/** "62", "≈ 992", "200 or more", "62 to 70", "62 or more (1 part suppressed)". */
export const formatEstimate = (e: Estimate): string => formatRange(e, formatNumber, e.suppressedParts);

/** A rate's range: "41.8", "≈ 41.8", "41.8 or more", "0.0 to 2.5 (1 suppressed part)". */
export const formatRate = (r: Pick<Estimate, 'lo' | 'hi' | 'approximate'> & { count: Estimate }): string =>
  formatRange(
    { ...r.count, lo: r.lo, hi: r.hi, approximate: r.approximate },
    formatRateValue,
    r.count.suppressedParts,
  );

/** A file size in mebibytes to one decimal, as the import's limit and refusals give it: "5.0 MB". */
export const formatMegabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
