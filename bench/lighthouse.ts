/**
 * Lighthouse 12.2.3 through its Node API, with its default settings (the mobile profile, simulated
 * throttling), driving Debian's Chromium launched by chrome-launcher with the tests' flags. One fresh
 * Chromium per run. The full report is kept in bench/out/lighthouse-<address>-<run>.json.
 */
import { writeFileSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/support/chromium.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;

export interface Finding {
  id: string;
  title: string;
  /** What Lighthouse shows beside it ("Est savings of 45 KiB", "2 long tasks found"). */
  display: string;
}

export interface LighthouseResult {
  scores: Record<(typeof CATEGORIES)[number], number | null>;
  /** Total blocking time and largest contentful paint, ms (simulated). */
  tbt: number;
  lcp: number;
  /**
   * The performance audits that fail or carry an estimated saving ("Reduce unused JavaScript", "Avoid long
   * main-thread tasks"), largest saving first.
   */
  findings: Finding[];
  /** Failing accessibility and best-practices audits. */
  failing: Finding[];
}

type Audit = Result['audits'][string];

const finding = (a: Audit): Finding => {
  const saves = Object.entries(a.metricSavings ?? {})
    .filter(([, v]) => (v ?? 0) > 0)
    .map(([k, v]) => `${k} -${Math.round(v!)} ms`);
  return {
    id: a.id,
    title: a.title,
    display: [a.displayValue ?? '', saves.length ? `(${saves.join(', ')})` : ''].filter(Boolean).join(' '),
  };
};
const failed = (a: Audit): boolean =>
  a.score !== null && a.score < 1 && !['notApplicable', 'manual', 'informative'].includes(a.scoreDisplayMode);
const savings = (a: Audit): number =>
  Object.values(a.metricSavings ?? {}).reduce<number>((s, v) => s + (v ?? 0), 0) +
  ((a.details as { overallSavingsMs?: number } | undefined)?.overallSavingsMs ?? 0);

export async function runLighthouse(url: string, saveAs: string): Promise<LighthouseResult> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: CHROMIUM_ARGS,
    logLevel: 'silent',
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    });
    if (!result) throw new Error('Lighthouse returned nothing');
    const lhr = result.lhr;
    writeFileSync(saveAs, JSON.stringify(lhr));
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const audit = (id: string) => lhr.audits[id];
    const refs = (category: string, group?: string) =>
      (lhr.categories[category]?.auditRefs ?? [])
        .filter((r) => group === undefined || r.group === group)
        .map((r) => audit(r.id))
        .filter((a): a is Audit => !!a);
    const findings = refs('performance', 'diagnostics')
      .filter((a) => failed(a) || savings(a) > 0)
      .sort((a, b) => savings(b) - savings(a));
    return {
      scores: Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score ?? null])) as Record<
        (typeof CATEGORIES)[number],
        number | null
      >,
      tbt: audit('total-blocking-time')?.numericValue ?? Number.NaN,
      lcp: audit('largest-contentful-paint')?.numericValue ?? Number.NaN,
      findings: findings.map(finding),
      failing: [...refs('accessibility'), ...refs('best-practices')].filter(failed).map(finding),
    };
  } finally {
    chrome.kill();
  }
}
