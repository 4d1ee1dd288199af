/** afterFrame in real Chromium: the late value comes after the frame, never in it, and skips overtaken values. */
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { flushSync } from 'svelte';
import Harness from './AfterFrameHarness.svelte';

const frame = () => new Promise<void>((done) => requestAnimationFrame(() => done()));
const task = () => new Promise<void>((done) => setTimeout(done));

describe('afterFrame', () => {
  it('has nothing until the frame after mount, then the value', async () => {
    const { container } = await render(Harness);
    const late = () => container.querySelector('#late')!.textContent;
    expect(late()).toBe('none');
    await frame();
    await task();
    flushSync();
    expect(late()).toBe('0');
  });

  it('follows a change in the task after the next frame, not in the frame of the change', async () => {
    const { container } = await render(Harness);
    const now = () => container.querySelector('#now')!.textContent;
    const late = () => container.querySelector('#late')!.textContent;
    await expect.poll(late).toBe('0');
    container.querySelector('button')!.click();
    flushSync();
    expect([now(), late()]).toEqual(['1', '0']);
    await frame();
    expect(late()).toBe('0');
    await task();
    flushSync();
    expect(late()).toBe('1');
  });

  it('skips values overtaken within the frame', async () => {
    const { container } = await render(Harness);
    await expect.poll(() => container.querySelector('#late')!.textContent).toBe('0');
    const button = container.querySelector('button')!;
    button.click();
    flushSync();
    button.click();
    flushSync();
    await frame();
    await task();
    flushSync();
    expect(container.querySelector('#late')!.textContent).toBe('2');
  });
});
