/**
 * bench/RESULTS.md: the table of the last run, with what it ran on, so that a figure is read with its machine
 * and commit rather than copied into prose where it goes stale.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { CHROMIUM_PATH } from '../tests/support/chromium.ts';
import type { Row } from './stats.ts';

export interface Run {
  date: Date;
  /** Seconds the whole run took. */
  seconds: number;
  /** Load averages (1 min) at the start and the end: the machine may be shared. */
  load: [number, number];
  settings: string;
}

const tryRun = (f: () => string): string => {
  try {
    return f().trim();
  } catch {
    return 'unknown';
  }
};

export function commit(root: string): string {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
  return tryRun(() => {
    const hash = git('rev-parse', '--short', 'HEAD').trim();
    const dirty = git('status', '--porcelain', '--', '.', ':!bench/RESULTS.md').trim();
    return dirty ? `${hash} with uncommitted changes` : hash;
  });
}

export function machine(): string {
  const model = tryRun(
    () => /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? '',
  );
  const chromium = tryRun(() =>
    execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
  );
  const memory = (totalmem() / 2 ** 30).toFixed(1);
  return `${model || 'unknown CPU'}, ${cpus().length} cores, ${memory} GiB memory; ${chromium}`;
}

export const loadAverage = (): number => loadavg()[0]!;

const cell = (s: string) => s.replace(/\|/g, '\\|');

export function writeResults(file: string, rows: readonly Row[], run: Run, sha: string): void {
  const misses = rows.filter((r) => r.ok === false).length;
  const judged = rows.filter((r) => r.ok !== null).length;
  const table = rows.map(
    (r) =>
      `| ${[r.measure, r.value, r.budget, r.ok === null ? '' : r.ok ? 'ok' : 'MISS'].map(cell).join(' | ')} |`,
  );
  const text = `# Bench results

The last run of \`npm run bench\`, written by it. What each row measures and why the budgets are what they are:
[README.md](README.md). Rows without a budget are information.

- Date: ${run.date.toISOString().slice(0, 16).replace('T', ' ')} UTC
- Commit: ${sha}
- Machine: ${machine()}; load average ${run.load[0].toFixed(2)} at the start, ${run.load[1].toFixed(2)} at the end
- Settings: ${run.settings}; the run took ${(run.seconds / 60).toFixed(1)} min
- Result: ${misses ? `${misses} of ${judged} budgets missed` : `all ${judged} budgets met`}

| measure | value | budget | ok |
| --- | --- | --- | --- |
${table.join('\n')}
`;
  writeFileSync(file, text);
}
