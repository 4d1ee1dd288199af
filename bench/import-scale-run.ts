/**
 * Runs the import's scale measure alone (bench/import-scale.ts): builds the app into bench/out/import-dist,
 * serves it with nginx as the bench does (build/nginx.ts), imports the largest file `--runs` times (5 by
 * default) in fresh pages, and prints each run and the medians. `--url <address>` measures an app already
 * served there instead. Exits 1 when the median misses the budget: the report and the redrawn chart within
 * 3 s, no task over 100 ms, progress shown.
 *
 *   npx tsx bench/import-scale-run.ts [--runs 5] [--url http://127.0.0.1:8080/]
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { startNginx } from '../build/nginx.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/support/chromium.ts';
import { importFile } from './import-file.ts';
import { measureImport, type ImportScale } from './import-scale.ts';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, url: { type: 'string' } },
});
const ROOT = join(import.meta.dirname, '..');

async function served(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (values.url) return { url: values.url, stop: async () => {} };
  const outDir = join(ROOT, 'bench', 'out', 'import-dist');
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production'; // as tests/support/e2e-setup.ts: a production bundle
  try {
    await build({ root: ROOT, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = previous;
  }
  const nginx = await startNginx(outDir);
  return { url: nginx.url, stop: () => nginx.stop() };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const server = await served();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const file = importFile();
  const runs: ImportScale[] = [];
  for (let i = 0; i < Number(values.runs); i++) {
    const r = await measureImport(server.url, browser, file);
    runs.push(r);
    console.log(
      `run ${i + 1}: ${r.totalMs.toFixed(0)} ms (report ${r.reportMs.toFixed(0)} + apply ` +
        `${r.applyMs.toFixed(0)}), longest task ${r.longestTaskMs.toFixed(0)} ms, ${r.tasksOver100} over ` +
        `100 ms, progress ${r.progressSeen ? 'seen' : 'not seen'}, ${r.accepted} of ${r.rows} rows accepted`,
    );
  }
  const total = median(runs.map((r) => r.totalMs));
  const longest = median(runs.map((r) => r.longestTaskMs));
  const progress = runs.every((r) => r.progressSeen);
  const first = runs[0]!;
  console.log(
    `import ${first.rows} rows, ${first.bytes} bytes: median ${total.toFixed(0)} ms (report ` +
      `${median(runs.map((r) => r.reportMs)).toFixed(0)} + apply ${median(runs.map((r) => r.applyMs)).toFixed(0)}), ` +
      `longest task median ${longest.toFixed(0)} ms, progress ${progress ? 'seen' : 'NOT seen'} ` +
      `(budget: <= 3000 ms, no task over 100 ms, progress shown)`,
  );
  process.exitCode = total <= 3000 && longest <= 100 && progress ? 0 : 1;
} finally {
  await browser.close();
  await server.stop();
}
