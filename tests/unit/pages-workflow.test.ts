/**
 * The GitHub Pages recipe (.github/workflows/pages.yml), read as YAML: it runs the README's commands (install,
 * test, build) in that order and deploys dist/ with GitHub's Pages actions.
 */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..', '..');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  steps: Step[];
  environment?: { name?: string };
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflow = parse(await readFile(join(ROOT, '.github', 'workflows', 'pages.yml'), 'utf8')) as Workflow;
const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
const runs = steps.flatMap((s) => (s.run ? s.run.split('\n').filter(Boolean) : []));
const action = (name: string) => steps.find((s) => s.uses?.split('@')[0] === name);
const jobOf = (name: string) =>
  Object.entries(workflow.jobs).find(([, j]) => j.steps.some((s) => s.uses?.split('@')[0] === name));

describe('the GitHub Pages workflow', () => {
  it('runs the README’s install, test and build commands, in that order', () => {
    const commands = ['npm ci', 'npm test', 'npm run build'];
    for (const command of commands) expect(readme).toContain(command);
    const at = commands.map((c) => runs.findIndex((r) => r === c || r.startsWith(`${c} `)));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('uploads dist/ as the Pages artifact after the build, and deploys it', () => {
    const upload = action('actions/upload-pages-artifact');
    expect(upload?.with?.path).toBe('dist');
    const [buildJob] = jobOf('actions/upload-pages-artifact')!;
    const buildSteps = workflow.jobs[buildJob]!.steps;
    expect(buildSteps.indexOf(upload!)).toBeGreaterThan(
      buildSteps.findIndex((s) => s.run === 'npm run build'),
    );
    const [deployJob, deploy] = jobOf('actions/deploy-pages')!;
    expect([deploy.needs].flat()).toContain(buildJob);
    expect(deploy.environment?.name).toBe('github-pages');
    expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    expect(deployJob).not.toBe(buildJob);
  });

  it('publishes from the main branch', () => {
    expect(workflow.on).toMatchObject({ push: { branches: ['main'] } });
  });
});
