/**
 * `npm run bench`: the performance budgets of DESIGN.md, each measured side by side in one run.
 * Prints one table (measure, value, budget, ok) and exits 1 when a budget is missed. See bench/README.md.
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launch } from './browser.ts';
import { firstChartRounds, staticPage } from './first-chart.ts';
import { runInteractions, type StepResult } from './interaction.ts';
import { runScale, scaleRows } from './scale.ts';
import { buildApp, DIST, OUT, ROOT, serve, type Served } from './server.ts';
import { info, kB, median, ms, p95, printTable, ratio, type Row } from './stats.ts';
import { measureWeight, sumKind, type PageWeight } from './weight.ts';

const INTERACTIONS = 100;
/** An address with a filter: the first chart of the same view, drawn by the app rather than the HTML. */
const FILTERED = '?force=hampshire';
const ROUNDS = 21;

const started = performance.now();
const log = (s: string) => {
  const t = ((performance.now() - started) / 1000).toFixed(1).padStart(5);
  process.stderr.write(`[${t} s] ${s}\n`);
};
const rows: Row[] = [];
const failed = (measure: string, e: unknown): Row => ({
  measure,
  value: `error: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
  budget: '',
  ok: false,
});

mkdirSync(OUT, { recursive: true });

// 2. Scale (Node only), first, while no browser competes for the two cores.
log('scale: generating synthetic rows; timing makeContext + timeView against the typed-array loops');
try {
  rows.push(...scaleRows(await runScale(join(ROOT, 'data'), log)));
} catch (e) {
  rows.push(failed('scale', e));
}

log('building the explorer (vite build, NODE_ENV=production) into bench/out/dist');
let served: Served | undefined;
let browser: Browser | undefined;
try {
  await buildApp();
  served = await serve();
  browser = await launch();
  await browserBudgets(browser, served.base);
} catch (e) {
  rows.push(failed('build, preview server or Chromium', e));
} finally {
  await browser?.close();
  await served?.server.close();
}

log('done');
process.stdout.write(`\n${printTable(rows)}\n`);
const misses = rows.filter((r) => r.ok === false).length;
process.stdout.write(misses ? `\n${misses} budget(s) missed\n` : '\nall budgets met\n');
process.exitCode = misses ? 1 : 0;

async function browserBudgets(browser: Browser, base: string): Promise<void> {
  const hasEmbed = existsSync(join(DIST, 'embed.html'));
  const urls = { explorer: base, embed: `${base}embed.html`, static: `${base}static.html` };

  // 3. Weight; the explorer's load also yields its first chart for the static page.
  log('weight: loading each page once and recording what Chromium fetches');
  const weights: Partial<Record<'explorer' | 'embed', PageWeight>> = {};
  for (const [name, file, limit] of [
    ['explorer', 'index.html', 260_000],
    ['embed', 'embed.html', 200_000],
  ] as const) {
    if (name === 'embed' && !hasEmbed) {
      rows.push({ measure: 'weight embed: total gzip', value: 'n/a', budget: '< 200 kB', ok: null });
      continue;
    }
    try {
      const w = await measureWeight(browser, urls[name], join(DIST, file));
      weights[name] = w;
      const missing = w.fromHtml.filter((p) => !w.files.some((f) => f.path === p));
      log(
        `weight ${name}: HTML names ${w.fromHtml.length} files${missing.length ? ` (${missing.join(', ')} not fetched)` : ''}; ` +
          `Chromium fetched ${w.files.length}: ` +
          w.files
            .slice()
            .sort((a, b) => b.gzip - a.gzip)
            .map((f) => `${f.path} ${kB(f.bytes)} -> ${kB(f.gzip)}`)
            .join(', '),
      );
      const parts = (['js', 'css', 'html', 'data'] as const).map(
        (k) => `${k} ${(sumKind(w, k) / 1000).toFixed(1)}`,
      );
      rows.push({
        measure: `weight ${name}: total gzip`,
        value: `${kB(w.total)} (${parts.join(', ')})`,
        budget: `< ${limit / 1000} kB`,
        ok: w.total < limit,
      });
    } catch (e) {
      rows.push(failed(`weight ${name}: total gzip`, e));
    }
  }

  // 4. First chart against a static page holding the same chart.
  const svg = weights.explorer?.svg;
  if (svg) {
    const html = staticPage(svg);
    writeFileSync(join(OUT, 'static.html'), html);
    copyFileSync(join(OUT, 'static.html'), join(DIST, 'static.html'));
    const pages: Record<string, string> = { static: urls.static, explorer: urls.explorer };
    if (hasEmbed) pages.embed = urls.embed;
    // Addresses the prerendered markup does not fit: the app draws their chart (the same kind of chart).
    pages['explorer filtered'] = `${urls.explorer}${FILTERED}`;
    if (hasEmbed) pages['embed filtered'] = `${urls.embed}${FILTERED}`;
    log(`first chart: ${ROUNDS} rounds of ${Object.keys(pages).join(', ')} in rotating order`);
    try {
      const t = await firstChartRounds(browser, pages, ROUNDS, log);
      const dom = (name: string) => median(t[name]!.map((x) => x.dom));
      const painted = (name: string) => median(t[name]!.map((x) => x.frame));
      const vs = (name: string) => `${ms(dom(name))} / ${ms(dom('static'))}`;
      const re = dom('explorer') / dom('static');
      rows.push({
        measure: 'first chart explorer / static',
        value: `${ratio(re)} (${vs('explorer')})`,
        budget: '< 2x',
        ok: re < 2,
      });
      if (hasEmbed) {
        const rb = dom('embed') / dom('static');
        rows.push({
          measure: 'first chart embed / static',
          value: `${ratio(rb)} (${vs('embed')})`,
          budget: '< 1.5x',
          ok: rb < 1.5,
        });
      } else rows.push({ measure: 'first chart embed / static', value: 'n/a', budget: '< 1.5x', ok: null });
      const appPages = Object.keys(pages).filter((n) => n !== 'static');
      rows.push(
        info(
          `first chart, ${FILTERED} (drawn by the app) / static`,
          appPages
            .filter((n) => n.endsWith('filtered'))
            .map((n) => `${n.split(' ')[0]} ${ratio(dom(n) / dom('static'))} (${ms(dom(n))})`)
            .join(', '),
        ),
      );
      const live = (name: string) => median(t[name]!.map((x) => x.live ?? Number.NaN));
      rows.push(
        info('app running, chart on screen: median', appPages.map((n) => `${n} ${ms(live(n))}`).join(', ')),
      );
      log(
        `first chart painted (frame after the svg), medians: ` +
          Object.keys(pages)
            .map((n) => `${n} ${ms(painted(n))}`)
            .join(', '),
      );
    } catch (e) {
      rows.push(failed('first chart', e));
    }
  } else rows.push(failed('first chart', 'no chart captured from the explorer'));

  // 1. Interaction.
  log(`interaction: ${INTERACTIONS} filter changes that redraw a chart, timed inside the page`);
  try {
    const results: StepResult[] = await runInteractions(browser, urls.explorer, INTERACTIONS);
    const drawn = results.filter((r) => r.frame !== null);
    const frame = drawn.map((r) => r.frame!);
    const dom = drawn.map((r) => r.dom!);
    const within = drawn.filter((r) => r.frames === 0).length;
    rows.push({
      measure: 'interaction: change to chart + frame, p95',
      value: ms(p95(frame)),
      budget: '< 16 ms',
      ok: p95(frame) < 16,
    });
    rows.push(
      info(
        'interaction: median; svg in DOM median / p95',
        `${ms(median(frame))}; ${ms(median(dom))} / ${ms(p95(dom))}`,
      ),
    );
    rows.push(
      info(
        'interaction: timed, without redraw, in 1 frame',
        `${drawn.length}, ${results.length - drawn.length}, ${within} of ${drawn.length}`,
      ),
    );
    const byKind = (['force', 'platform', 'period', 'year', 'tab'] as const).map((kind) => {
      const k = drawn.filter((r) => r.kind === kind).map((r) => r.frame!);
      return `${kind} ${p95(k).toFixed(1)} (${k.length})`;
    });
    rows.push(info('interaction: p95 ms by kind (n)', byKind.join(', ')));
    const slow = drawn
      .slice()
      .sort((a, b) => b.frame! - a.frame!)
      .slice(0, 5);
    log(
      `interaction: slowest ${slow.map((r) => `${r.kind} "${r.name}${r.value ? ` ${r.value}` : ''}" ${ms(r.frame!)}`).join('; ')}`,
    );
  } catch (e) {
    rows.push(failed('interaction', e));
  }
}
