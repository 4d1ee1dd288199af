/**
 * A data release's id: the date of its changelog entry and the first six hex digits of a hash of the seven data
 * files (build/release-archive.ts computes it), e.g. `2026-12-01-a1b2c3`. Pure and small: the pages carry it.
 */
import { isIsoDate } from '../data/dates.ts';

/** What a page knows of a release: its id and the two parts the id is made of. */
export interface ReleaseInfo {
  /** `<date>-<hash>`: the only form a release is named by in a URL or a folder. */
  id: string;
  /** ISO date of the release's changelog entry. */
  date: string;
  /** First six hex digits of the SHA-256 of the data files (see build/release-archive.ts). */
  hash: string;
}

/** How many hex digits of the content hash an id keeps. */
export const HASH_LENGTH = 6;
/** The only shape a release id can have: nothing else is ever put into a path. */
export const RELEASE_ID = /^(\d{4}-\d{2}-\d{2})-([0-9a-f]{6})$/;
/** The length of every release id. */
export const RELEASE_ID_LENGTH = 17;

/** True when `text` has the shape of a release id (a real date, six lowercase hex digits), and nothing more. */
export function isReleaseId(text: unknown): text is string {
  if (typeof text !== 'string' || text.length !== RELEASE_ID_LENGTH) return false;
  const m = RELEASE_ID.exec(text);
  return m !== null && isIsoDate(m[1]!);
}

/** The release named by an id, or null when the id is not one. */
export function parseReleaseId(text: unknown): ReleaseInfo | null {
  if (!isReleaseId(text)) return null;
  return { id: text, date: text.slice(0, 10), hash: text.slice(11) };
}

/** The id of the release made on `date` from files whose content hash starts with `hash`. */
export function releaseId(date: string, hash: string): string {
  const id = `${date}-${hash.slice(0, HASH_LENGTH)}`;
  if (!isReleaseId(id)) throw new Error(`not a release id: ${JSON.stringify(id)}`);
  return id;
}
