/**
 * The layout's rules, read from the source itself: imports run one way (state → views → query → data; the
 * charts take view models and import only their types), no module imports itself back through others, and
 * build code stays out of src/.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const SRC = join(ROOT, 'src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|svelte)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

interface Edge {
  to: string;
  typeOnly: boolean;
}
const IMPORT = /import\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"](\.{1,2}\/[^'"?]+)(?:\?[^'"]*)?['"]/g;

const graph = new Map<string, Edge[]>(
  files(SRC).map((file) => [
    relative(SRC, file),
    [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => ({
      to: relative(SRC, resolve(dirname(file), m[2]!)),
      typeOnly: Boolean(m[1]),
    })),
  ]),
);

/** The folder under src/lib a module belongs to ('' for the rest). */
const area = (path: string) => /^lib\/([^/]+)\//.exec(path)?.[1] ?? '';

/** What each folder of src/lib may import at run time; charts also take the types of view models and data. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  data: ['data'],
  query: ['query', 'data'],
  words: ['words', 'query', 'data'],
  import: ['import', 'export', 'query', 'data', 'words'],
  views: ['views', 'query', 'data', 'words'],
  charts: ['charts', 'words'],
  export: ['export', 'views', 'query', 'data', 'words'],
  embed: ['embed', 'release', 'views', 'state', 'data'],
  release: ['release', 'views', 'query', 'data', 'words'],
  prerender: ['prerender', 'embed'],
  state: ['state', 'release', 'views', 'import', 'query', 'data', 'words', 'prerender'],
};

describe('the layout', () => {
  it('has a rule for every folder of src/lib', () => {
    const folders = readdirSync(join(SRC, 'lib'));
    expect(folders.sort()).toEqual(Object.keys(MAY_IMPORT).sort());
  });

  it('runs imports one way: state → views → query → data; charts import no view', () => {
    const wrong: string[] = [];
    for (const [from, edges] of graph) {
      const allowed = MAY_IMPORT[area(from)];
      if (!allowed) continue;
      for (const { to, typeOnly } of edges) {
        const target = area(to);
        if (typeOnly && area(from) === 'charts' && ['views', 'data'].includes(target)) continue;
        if (target && !allowed.includes(target)) wrong.push(`${from} → ${to}`);
        if (!target && !to.startsWith('lib/') && !to.startsWith('..')) wrong.push(`${from} → ${to}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no import cycles', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (node: string, path: string[]) => {
      if (state.get(node) === 'done') return;
      if (state.get(node) === 'open') {
        cycles.push([...path.slice(path.indexOf(node)), node].join(' → '));
        return;
      }
      state.set(node, 'open');
      for (const { to } of graph.get(node) ?? []) if (graph.has(to)) visit(to, [...path, node]);
      state.set(node, 'done');
    };
    for (const node of graph.keys()) visit(node, []);
    expect(cycles).toEqual([]);
  });

  it('keeps Node code out of src/', () => {
    const node = [...graph.keys()].filter((f) => /from ['"]node:/.test(readFileSync(join(SRC, f), 'utf8')));
    expect(node).toEqual([]);
  });
});
