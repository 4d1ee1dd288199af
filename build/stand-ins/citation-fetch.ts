/**
 * Stands in for `sync-fetch` and `node-fetch` inside Citation.js (build/citation-stand-ins.ts). Citation.js
 * imports them to read citations from the web (a DOI, a URL); the site only writes a citation it already has,
 * and fetches nothing but its own files.
 */
const refuse = (): never => {
  throw new Error('Citation.js fetches nothing on this site');
};

export const Headers = globalThis.Headers;
export default Object.assign(refuse, { Headers });
