/**
 * A link pins a data release with `data=<release id>`. The id is checked twice before it names any file: it
 * must have the strict shape of an id (./id.ts: a date and six hex digits, nothing else), and it must be in the
 * published list of releases (`releases/index.json`, written by build/releases.ts). Only then are its files
 * read, from `releases/<id>/` beside the page. Anything else is ignored with the notice every stale key gets,
 * and the page shows the current release.
 */
import { DATA_FILES, type DataFiles } from '../data/load.ts';
import type { Ignored } from '../views/state.ts';
import { isReleaseId, parseReleaseId, type ReleaseInfo } from './id.ts';

/** The key that pins a data release, `data=<release id>`: read here, not by the view state (src/lib/state/url.ts). */
export const RELEASE_KEY = 'data';

/** The query with the data release `id` pinned (last), or with no pin when `id` is null. */
export function withRelease(query: string, id: string | null): string {
  if (id === null && !new URLSearchParams(query).has(RELEASE_KEY)) return query;
  const q = new URLSearchParams(query);
  q.delete(RELEASE_KEY);
  if (id) q.set(RELEASE_KEY, id);
  // Commas stay readable, as the state's own addresses write them (src/lib/state/url.ts).
  return q.toString().replace(/%2C/gi, ',');
}

/** Where releases are published, relative to the pages. */
export const RELEASES_PATH = 'releases/';
export const INDEX_FILE = 'index.json';
/** The embed's figures file without the note and evidence columns (build/lean-figures.ts), in every release. */
export const LEAN_FIGURES = 'figures-lean.csv';
/** The zip of a release's files, Data Package and changelog entry (build/datapackage.ts), beside its files. */
export const releaseZipPath = (id: string): string => `${RELEASES_PATH}${id}/foi-grooming-data-${id}.zip`;

/** What a page's address pins. */
export type Pin =
  /** No pin, or one that could not be used (then `ignored` says why). */
  | { kind: 'none'; ignored: Ignored[] }
  /** The current release, named: the page shows it, and says so. */
  | { kind: 'current'; release: ReleaseInfo; ignored: Ignored[] }
  /** An earlier release, checked against the published list: its files. */
  | { kind: 'earlier'; release: ReleaseInfo; files: DataFiles; ignored: Ignored[] };

export const NO_SUCH_RELEASE = 'no such data release: showing the current release';
export const NO_RELEASE_LIST = 'the list of data releases could not be loaded: showing the current release';

const ignore = (value: string, reason: string): Ignored => ({
  key: RELEASE_KEY,
  value: value.slice(0, 80),
  reason,
});

/** The URL of the published list of releases, for a page at `base`. */
export const indexUrl = (base: string | URL): string => new URL(`${RELEASES_PATH}${INDEX_FILE}`, base).href;

/**
 * The URLs of a release's files for a page at `base`: `releases/<id>/<file>`, the lean figures on the embed.
 * Throws for anything but a release id, so that no other string ever becomes a path.
 */
export function releaseFiles(id: string, base: string | URL, lean = false): DataFiles {
  if (!isReleaseId(id)) throw new Error('not a release id');
  const dir = new URL(`${RELEASES_PATH}${id}/`, base);
  const files = Object.entries(DATA_FILES).map(([key, name]) => [
    key,
    new URL(key === 'figures' && lean ? LEAN_FIGURES : name, dir).href,
  ]);
  return Object.fromEntries(files) as unknown as DataFiles;
}

/** The release ids of a published list, keeping only well-formed entries. */
export function publishedIds(index: unknown): Set<string> {
  const releases = (index as { releases?: unknown } | null)?.releases;
  if (!Array.isArray(releases)) return new Set();
  return new Set(releases.map((r) => (r as { id?: unknown } | null)?.id).filter(isReleaseId));
}

export interface PinOptions {
  /** The release the page was built with. */
  current: ReleaseInfo;
  /** The page's URL: releases are found beside it. */
  base: string | URL;
  /** On the embed: the lean figures file. */
  lean?: boolean;
  /** Reads JSON from a URL (fetch in the browser); only ever called with {@link indexUrl}. */
  fetchJson: (url: string) => Promise<unknown>;
}

/** Reads and checks the pin of an address (`search`); never throws, never reads anything but the list. */
export async function resolvePin(search: string, options: PinOptions): Promise<Pin> {
  let values: string[];
  try {
    values = new URLSearchParams(search).getAll(RELEASE_KEY);
  } catch {
    return { kind: 'none', ignored: [] };
  }
  const [value, ...others] = values;
  if (value === undefined) return { kind: 'none', ignored: [] };
  const ignored = others
    .filter((v) => v !== value)
    .map((v) => ignore(v, 'a link pins one data release: the first one is used'));
  if (value === options.current.id) return { kind: 'current', release: options.current, ignored };
  const release = parseReleaseId(value);
  if (!release) return { kind: 'none', ignored: [ignore(value, NO_SUCH_RELEASE), ...ignored] };
  let published: Set<string>;
  try {
    published = publishedIds(await options.fetchJson(indexUrl(options.base)));
  } catch {
    return { kind: 'none', ignored: [ignore(value, NO_RELEASE_LIST), ...ignored] };
  }
  if (!published.has(release.id))
    return { kind: 'none', ignored: [ignore(value, NO_SUCH_RELEASE), ...ignored] };
  return { kind: 'earlier', release, files: releaseFiles(release.id, options.base, options.lean), ignored };
}

/** A page's address with the release `id` pinned (or no pin when null): for links, citations and stamps. */
export function pinnedHref(href: string, id: string | null): string {
  const url = new URL(href);
  const query = withRelease(url.search, id);
  url.search = query ? `?${query}` : '';
  return url.href;
}
