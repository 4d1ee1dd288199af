import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { playwright } from '@vitest/browser-playwright';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/support/chromium.ts';
import { arqueroStandIns } from './build/arquero-stand-ins.ts';

// Where a test runs is said by its file name: *.test.ts in Node, *.browser.test.ts in Chromium,
// *.e2e.test.ts against the built app served on 127.0.0.1, *.engines.test.ts against the same in Firefox and WebKit.
export default defineConfig({
  // The same stand-ins for Arquero as the build (build/arquero-stand-ins.ts): tests run what ships.
  plugins: [arqueroStandIns()],
  test: {
    reporters: ['default', './tests/support/count-reporter.ts'],
    expect: { requireAssertions: true },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Arquero is run through Vite so that its imports meet the same stand-ins as in the build.
          server: { deps: { inline: ['arquero'] } },
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          exclude: ['**/*.browser.test.ts', '**/*.e2e.test.ts'],
        },
      },
      {
        extends: true,
        plugins: [svelte()],
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.browser.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } }),
            instances: [{ browser: 'chromium' }],
            screenshotFailures: false,
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/support/e2e-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // The same build and server as e2e (one build for both), in Firefox and WebKit (tests/support/engines.ts).
          name: 'engines',
          environment: 'node',
          include: ['tests/engines/**/*.engines.test.ts'],
          globalSetup: ['tests/support/e2e-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
