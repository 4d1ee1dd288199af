/**
 * The build's Arquero runs under the site's policy (build/arquero-csp.ts): its row objects are the ones
 * Arquero's generated builder makes, on every data file, and no `Function(...)` is called to make them.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import * as aq from 'arquero';
import { arqueroStandIns } from '../../build/arquero-stand-ins.ts';
import { arqueroUnderCsp, patch, PATCHES } from '../../build/arquero-csp.ts';
import { DATA_FILES } from '../../src/lib/data/load.ts';

const ROOT = join(import.meta.dirname, '..', '..');
let server: ViteDevServer;
/** Arquero as the build bundles it: the same stand-ins and patches. */
let shipped: typeof aq;

beforeAll(async () => {
  server = await createServer({
    configFile: false,
    root: ROOT,
    logLevel: 'error',
    plugins: [arqueroStandIns(), arqueroUnderCsp()],
    ssr: { noExternal: ['arquero'] },
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  shipped = (await server.ssrLoadModule('arquero')) as typeof aq;
}, 30_000);
afterAll(async () => {
  await server?.close();
});

/** Runs `make` and says whether it called Function (the global, as Arquero's generated code does). */
function compiles<T>(make: () => T): { value: T; compiled: boolean } {
  const spy = vi.spyOn(globalThis, 'Function');
  try {
    const value = make();
    return { value, compiled: spy.mock.calls.length > 0 };
  } finally {
    spy.mockRestore();
  }
}

describe('Arquero without eval', () => {
  it.each(Object.values(DATA_FILES))(
    'reads %s into the same row objects, compiling nothing',
    async (file) => {
      const text = await readFile(join(ROOT, 'data', file), 'utf8');
      const options = { autoType: false } as const;
      const original = compiles(() => aq.fromCSV(text, options).objects());
      const built = compiles(() => shipped.fromCSV(text, options).objects());
      expect(original.compiled).toBe(true); // the spy sees Arquero's own builder: this test can fail
      expect(built.compiled).toBe(false);
      expect(built.value).toEqual(original.value);
      expect(built.value.length).toBeGreaterThan(0);
    },
  );

  it('keeps column selection, renaming, slicing, typed arrays and columns read with at()', () => {
    const column = { length: 3, at: (i: number) => `c${i}` };
    const make = (lib: typeof aq) => {
      const t = lib.table({ a: [3, 1, 2], b: Float64Array.from([0.5, 1.5, 2.5]), c: column as never });
      return [
        t.objects(),
        t.objects({ columns: ['b', 'a'] }),
        t.objects({ columns: { a: 'x', c: 'y' } as never }),
        t.slice(1).objects(),
        t.slice(1).object(0),
        t.object(2),
      ];
    };
    const built = compiles(() => make(shipped));
    expect(built.compiled).toBe(false);
    expect(built.value).toEqual(make(aq));
    expect(built.value[0]).toEqual([
      { a: 3, b: 0.5, c: 'c0' },
      { a: 1, b: 1.5, c: 'c1' },
      { a: 2, b: 2.5, c: 'c2' },
    ]);
  });

  it('fails the build when Arquero no longer has the code it replaces', () => {
    expect(() => patch('export function rowObjectBuilder() {}', PATCHES.rowObjects)).toThrow(/a new version/);
  });
});
