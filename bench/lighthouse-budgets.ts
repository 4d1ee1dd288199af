/**
 * The Lighthouse budgets at every address. One Lighthouse run models a whole load from one trace, so a single
 * run moves with whatever else the machine is doing: each address is run `runs` times, the rounds going over all
 * addresses in turn (so that a busy minute falls on several addresses rather than all runs of one), and the
 * median of each figure is judged, the spread printed beside it.
 */
import { join } from 'node:path';
import { slug, urlOf, type Address } from './addresses.ts';
import { runLighthouse, type Finding, type LighthouseResult } from './lighthouse.ts';
import { failed, median, spread, type Row } from './stats.ts';

/** Performance score, total blocking time and largest contentful paint: the mobile profile's budgets. */
const PERFORMANCE = 0.95;
const TBT_MS = 150;
const LCP_MS = 2500;

export async function lighthouseRuns(
  base: string,
  out: string,
  addresses: readonly Address[],
  runs: number,
  log: (s: string) => void,
): Promise<Map<Address, (LighthouseResult | Error)[]>> {
  const results = new Map<Address, (LighthouseResult | Error)[]>(addresses.map((a) => [a, []]));
  for (let i = 1; i <= runs; i++)
    for (const a of addresses) {
      const at = `lighthouse ${a.name} (run ${i} of ${runs})`;
      try {
        const r = await runLighthouse(urlOf(base, a), join(out, `lighthouse-${slug(a)}-${i}.json`));
        results.get(a)!.push(r);
        const s = r.scores;
        log(
          `${at}: ${s.performance}, ${s.accessibility}, ${s['best-practices']}; TBT ${r.tbt.toFixed(0)} ms; ` +
            `LCP ${r.lcp.toFixed(0)} ms; ${list(r.findings.slice(0, 3))}`,
        );
        if (r.failing.length) log(`${at}: failing accessibility / best practices: ${list(r.failing)}`);
      } catch (e) {
        results.get(a)!.push(e instanceof Error ? e : new Error(String(e)));
        log(`${at}: ${String(e)}`);
      }
    }
  return results;
}

const list = (fs: readonly Finding[]) =>
  fs.length ? fs.map((f) => `${f.title}${f.display ? ` ${f.display}` : ''}`).join('; ') : 'none';

/** Three rows per address: the scores, total blocking time, largest contentful paint. */
export function lighthouseRows(results: Map<Address, (LighthouseResult | Error)[]>): Row[] {
  return [...results].flatMap(([a, all]) => {
    const at = `lighthouse ${a.name}`;
    const done = all.filter((r): r is LighthouseResult => !(r instanceof Error));
    if (!done.length) return [failed(at, all[0] ?? 'not run')];
    const of = (f: (r: LighthouseResult) => number | null) => done.map((r) => f(r) ?? Number.NaN);
    const perf = of((r) => r.scores.performance);
    const a11y = of((r) => r.scores.accessibility);
    const bp = of((r) => r.scores['best-practices']);
    const tbt = of((r) => r.tbt);
    const lcp = of((r) => r.lcp);
    const score = (v: number) => v.toFixed(2);
    const n = `${done.length} run${done.length === 1 ? '' : 's'}${done.length < all.length ? `, ${all.length - done.length} failed` : ''}`;
    return [
      {
        measure: `${at}: performance, accessibility, best practices (${n})`,
        value: [perf, a11y, bp].map((v) => spread(v, score)).join(', '),
        budget: `>= ${PERFORMANCE}, 1, 1`,
        ok: median(perf) >= PERFORMANCE && median(a11y) === 1 && median(bp) === 1,
      },
      {
        measure: `${at}: total blocking time`,
        value: spread(tbt, (v) => `${v.toFixed(0)} ms`),
        budget: `<= ${TBT_MS} ms`,
        ok: median(tbt) <= TBT_MS,
      },
      {
        measure: `${at}: largest contentful paint`,
        value: spread(lcp, (v) => `${(v / 1000).toFixed(2)} s`),
        budget: `<= ${LCP_MS / 1000} s`,
        ok: median(lcp) <= LCP_MS,
      },
    ];
  });
}
