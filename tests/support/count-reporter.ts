import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints one closing line CI can read: `vitest: N passed, N failed, N skipped`.
 * A test file that fails to load counts as one failure, so a broken import never passes silently.
 */
export default class CountReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = errors.length;
    let skipped = 0;
    for (const mod of modules) {
      let cases = 0;
      for (const test of mod.children.allTests()) {
        cases++;
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      if (cases === 0 || mod.state() === 'failed') {
        if (mod.errors().length > 0) failed++;
      }
    }
    process.stdout.write(`\nvitest: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
