/** The height reporter in real Chromium: a real ResizeObserver, real frames. */
import { afterEach, describe, expect, it } from 'vitest';
import { FALLBACK_MS, reportHeight, type OwnMessage } from '../../src/lib/embed/resize.ts';

const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
let box: HTMLDivElement;
afterEach(() => box?.remove());

describe('reportHeight', () => {
  it('posts once per real change, at most once per frame, in all formats', async () => {
    box = document.createElement('div');
    box.style.height = '100px';
    document.body.append(box);
    const posted: (OwnMessage | string)[] = [];
    const reporter = reportHeight(box, 'https://x/embed.html', 'c1', (m) => posted.push(m));
    await frame();
    expect(posted).toEqual([
      { type: 'foi-explorer:resize', height: 100, src: 'https://x/embed.html' },
      JSON.stringify({ context: 'iframe.resize', height: 100, src: 'https://x/embed.html' }),
      'pymxPYMxc1xPYMxheightxPYMx100',
    ]);

    // Several changes within one frame: one report, of the last height.
    box.style.height = '150px';
    box.style.height = '180px';
    await frame();
    await frame();
    const own = () => posted.filter((m): m is OwnMessage => typeof m === 'object').map((m) => m.height);
    expect(own()).toEqual([100, 180]);

    // A change that does not alter the height posts nothing.
    box.style.width = '50%';
    await frame();
    await frame();
    expect(own()).toEqual([100, 180]);

    // pym asks again after a width message: the same height is resent.
    reporter.resend();
    expect(own()).toEqual([100, 180, 180]);
    reporter.stop();
    box.style.height = '300px';
    await frame();
    await frame();
    expect(own()).toEqual([100, 180, 180]);
  });

  it('still reports when the browser runs no frames for an off-screen iframe', async () => {
    box = document.createElement('div');
    box.style.height = '120px';
    document.body.append(box);
    const posted: (OwnMessage | string)[] = [];
    const noFrames = {
      requestAnimationFrame: () => 1,
      cancelAnimationFrame: () => {},
      setTimeout: window.setTimeout.bind(window),
      clearTimeout: window.clearTimeout.bind(window),
    };
    const reporter = reportHeight(box, 'https://x/embed.html', null, (m) => posted.push(m), noFrames);
    await new Promise((r) => setTimeout(r, FALLBACK_MS + 100));
    expect(posted.filter((m) => typeof m === 'object')).toEqual([
      { type: 'foi-explorer:resize', height: 120, src: 'https://x/embed.html' },
    ]);
    reporter.stop();
  });
});
