/**
 * Arquero runs with the stand-ins of build/stand-ins in every mode: the unit tests, the dev server, the
 * build-time render and the build. Nothing parses an Arquero expression, and no mode differs from another.
 */
import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'vite';
import { renderServerConfig } from '../../build/prerender.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const PROBE = '/tests/fixtures/stand-ins/probe.ts';
type Probe = { filterWithExpression: () => number };

describe('Arquero stand-ins', () => {
  it('in the unit tests: an Arquero expression string fails loudly', () => {
    // With the real acorn this filter would keep one row; with the stand-in Arquero cannot parse it.
    expect(() => aq.table({ a: [1, 2] }).filter('d => d.a > 1')).toThrow(/Expression parse error/);
  });

  it('in the unit tests: Arrow support is not loaded', () => {
    expect(() => aq.table({ a: [1] }).toArrow()).toThrow(/Apache Arrow is not part of this app/);
  });

  it('in the dev server: Arquero is not pre-bundled past the plugin, and its acorn is the stand-in', async () => {
    const server = await createServer({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      logLevel: 'error',
      server: { middlewareMode: true, hmr: false, ws: false },
      appType: 'custom',
    });
    try {
      expect(server.config.optimizeDeps.exclude).toContain('arquero');
      const importer = join(ROOT, 'node_modules', 'arquero', 'src', 'expression', 'parse-expression.js');
      expect(readFileSync(importer, 'utf8')).toMatch(/from 'acorn'/);
      const resolved = await server.pluginContainer.resolveId('acorn', importer);
      expect(resolved?.id).toMatch(/build[\\/]stand-ins[\\/]acorn\.ts$/);
    } finally {
      await server.close();
    }
  }, 30_000);

  it('in the build-time render: the same expression string throws', async () => {
    const server = await createServer(renderServerConfig(ROOT));
    try {
      const probe = (await server.ssrLoadModule(PROBE)) as Probe;
      expect(() => probe.filterWithExpression()).toThrow(/Expression parse error/);
    } finally {
      await server.close();
    }
  }, 30_000);
});
