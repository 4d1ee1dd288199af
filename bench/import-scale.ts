/**
 * Scale a person can reach: the largest file the import accepts (bench/import-file.ts, just under 5 MB),
 * from choosing it to the chart redrawn with its rows merged in, in the built explorer at 1x CPU.
 *
 * Timed inside the page by bench/page/import-scale.js, so that no Playwright round trip is counted. The
 * time is the person's wait in two parts, without the time they take to read the report and click:
 * - report: from the file input's `change` event to the end of the frame that shows the report's
 *   "Use these figures" button;
 * - apply: from the click on that button to the end of the first frame in which the chart in
 *   '#view-panel' has a mark whose tooltip starts "Your data:" (an imported figure). The address shows
 *   Hampshire by financial year; the file has Hampshire's total for 2025/26, a year the published data
 *   lacks, so that mark is the file's own row, drawn from the merged figures.
 * The longest task is the longest of the long tasks (PerformanceObserver 'longtask') that overlap either
 * part. The file is handed to the page before the clock starts and set on the input as a file chooser
 * sets it (a DataTransfer, then `change`): Playwright's setInputFiles would decode the 5 MB in the page,
 * inside the very task that fires `change`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { importFile } from './import-file.ts';

const SCRIPT = readFileSync(join(import.meta.dirname, 'page', 'import-scale.js'), 'utf8');
/** Hampshire over time, by financial year (see above). */
export const IMPORT_ADDRESS = '?force=hampshire';
const FILE_NAME = 'your-foi-figures.csv';
const TIMEOUT = 120_000;

export interface ImportScale {
  /** reportMs + applyMs. */
  totalMs: number;
  reportMs: number;
  applyMs: number;
  /** The longest main-thread task during either part; 0 when none was over 50 ms. */
  longestTaskMs: number;
  /** Tasks over 100 ms during either part. */
  tasksOver100: number;
  /** A <progress> showed in the import panel before the report. */
  progressSeen: boolean;
  /** Rows in the file, and the rows the report accepted. */
  rows: number;
  accepted: number;
  bytes: number;
}

interface PageRecord {
  chosen: number;
  progress: boolean;
  reported: number;
  clicked: number;
  drawn: number;
  tasks: [number, number][];
}

/** One import of the largest file into a fresh page of the explorer served at `baseUrl`. */
export async function measureImport(
  baseUrl: string,
  browser: Browser,
  file: { text: string; rows: number } = importFile(),
): Promise<ImportScale> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(SCRIPT);
    await page.goto(new URL(IMPORT_ADDRESS, baseUrl).href);
    await page.locator('html[data-app="live"]').waitFor({ state: 'attached', timeout: TIMEOUT });
    await page.getByText('Load your own figures').click();
    const input = page.getByLabel('Choose a CSV file, or drop it here');
    await input.waitFor({ state: 'attached' });
    await page.evaluate(
      ([text, name]) => {
        (window as unknown as { __file: File }).__file = new File([text], name, { type: 'text/csv' });
      },
      [file.text, FILE_NAME] as const,
    );
    await page.waitForTimeout(200); // the page settles before the clock starts
    await input.evaluate((el: HTMLInputElement) => {
      const chosen = new DataTransfer();
      chosen.items.add((window as unknown as { __file: File }).__file);
      el.files = chosen.files;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.evaluate(
      () => (window as unknown as { __importScale: { report: Promise<void> } }).__importScale.report,
    );
    const status = await page.locator('.import-report [role="status"]').first().textContent();
    const accepted = Number(/(\d+) accepted/.exec(status ?? '')?.[1] ?? 0);
    await page.getByRole('button', { name: 'Use these figures' }).click();
    await page.evaluate(
      () => (window as unknown as { __importScale: { redrawn: Promise<void> } }).__importScale.redrawn,
    );
    const r = await page.evaluate(() => {
      const s = (window as unknown as { __importScale: PageRecord }).__importScale;
      return {
        chosen: s.chosen,
        progress: s.progress,
        reported: s.reported,
        clicked: s.clicked,
        drawn: s.drawn,
        tasks: s.tasks,
      };
    });
    const during = r.tasks.filter(
      ([start, d]) =>
        (start < r.reported && start + d > r.chosen) || (start < r.drawn && start + d > r.clicked),
    );
    const reportMs = r.reported - r.chosen;
    const applyMs = r.drawn - r.clicked;
    return {
      totalMs: reportMs + applyMs,
      reportMs,
      applyMs,
      longestTaskMs: Math.max(0, ...during.map(([, d]) => d)),
      tasksOver100: during.filter(([, d]) => d > 100).length,
      progressSeen: r.progress,
      rows: file.rows,
      accepted,
      bytes: Buffer.byteLength(file.text),
    };
  } finally {
    await context.close();
  }
}
