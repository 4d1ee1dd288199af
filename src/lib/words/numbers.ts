/**
 * Every number the explorer writes, in one place: counts and shares, ranges, rates and file sizes, British
 * English. Charts, views, downloads and the import all format through these, so a figure reads the same in a
 * tooltip, a table cell and a citation.
 */
import type { Estimate } from '../query/estimate.ts';

/**
 * A number as `Intl.NumberFormat('en-GB', { minimumFractionDigits: min, maximumFractionDigits: max })` writes
 * it (a unit test holds the two equal over any double), without Intl: the page's first `Intl.NumberFormat`
 * loads the browser's locale data, 20 to 55 ms of one task on this project's machine, before any first chart
 * drawn by the app. Like Intl it rounds the shortest decimal that reads back as the number (0.15 is "0.2",
 * half away from zero), and groups thousands with commas.
 */
export function formatDecimal(n: number, min: number, max: number): string {
  if (Number.isNaN(n)) return 'NaN';
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  if (!Number.isFinite(n)) return `${sign}∞`;
  // The shortest digits that read back as |n|, and where the point goes: |n| = 0.d1d2d3… × 10^point.
  const [mantissa = '', exponent = '0'] = String(Math.abs(n)).split('e');
  const [whole = '', fraction = ''] = mantissa.split('.');
  let digits = whole + fraction;
  let point = whole.length + Number(exponent);
  const lead = digits.length - digits.replace(/^0+/, '').length;
  digits = digits.slice(lead);
  point -= lead;
  const keep = point + max;
  if (keep < 0 || digits === '') digits = '';
  else if (keep < digits.length) {
    const up = digits.charCodeAt(keep) >= 53; // '5'
    const kept = digits.slice(0, keep).split('').map(Number);
    let i = kept.length - 1;
    if (up) {
      while (i >= 0 && kept[i] === 9) kept[i--] = 0;
      if (i >= 0) kept[i]! += 1;
      else {
        kept.unshift(1);
        point += 1;
      }
    }
    digits = kept.join('').replace(/0+$/, '');
  }
  const intDigits =
    point <= 0
      ? '0'
      : (digits.slice(0, point) + '0'.repeat(Math.max(0, point - digits.length))).replace(/^0+(?=\d)/, '');
  let frac = point < 0 ? '0'.repeat(-point) + digits : digits.slice(point);
  frac = frac.slice(0, max).replace(/0+$/, '');
  if (frac.length < min) frac += '0'.repeat(min - frac.length);
  const grouped = intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${frac ? `.${frac}` : ''}`;
}

/** A count or a published share: "1,628", "40.2". */
export const formatNumber = (n: number): string => formatDecimal(n, 0, 1);

/** A rate to one decimal: "41.8", "1,234.5". */
export const formatRateValue = (n: number): string => formatDecimal(n, 1, 1);

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
