/** Dates as the data and the releases write them. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * True for a real calendar date written YYYY-MM-DD, from year 100 on (JavaScript's dates read a two-digit year
 * as 19xx). Counted without a Date object: an imported file checks three dates on each of its rows.
 */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = mo === 2 && leap ? 29 : DAYS_IN_MONTH[mo - 1];
  return y >= 100 && days !== undefined && d >= 1 && d <= days;
}

/** A source's publication date: YYYY-MM-DD or YYYY-MM. */
export function isPublicationDate(text: string): boolean {
  return isIsoDate(text) || (/^\d{4}-\d{2}$/.test(text) && isIsoDate(`${text}-01`));
}
