/**
 * The start-up's pieces (src/lib/state/start-up.ts): a dataset's context is made once and kept, so the task
 * that draws the first chart finds the one made before it.
 */
import { describe, expect, it } from 'vitest';
import { contextOf, makeContext } from '../../src/lib/views/context.ts';
import { nextTask, withContext } from '../../src/lib/state/start-up.ts';
import { fixtureDataset, syntheticDataset, figure, plainFacts } from '../support/dataset.ts';

describe('the start-up', () => {
  it('keeps one context per dataset: the same for the same dataset, another for another', async () => {
    const ds = await fixtureDataset();
    const ctx = contextOf(ds);
    expect(contextOf(ds)).toBe(ctx);
    expect(plainFacts(ctx.index.facts)).toEqual(plainFacts(makeContext(ds).index.facts));
    const other = syntheticDataset(
      [figure({ id: 'f1' })],
      [{ id: 's1', url: 'https://x.org/', kind: 'news', publisher: 'P', date: '' }],
    );
    expect(contextOf(other)).not.toBe(ctx);
    expect(contextOf(other).index.facts).toHaveLength(1);
  });

  it('makes the context between two tasks and gives the dataset back', async () => {
    const ds = syntheticDataset(
      [figure({ id: 'f1' }), figure({ id: 'f2', area: 'a2' })],
      [{ id: 's1', url: 'https://x.org/', kind: 'news', publisher: 'P', date: '' }],
    );
    const order: string[] = [];
    const timer = new Promise<void>((resolve) => setTimeout(() => (order.push('timer'), resolve()), 0));
    void nextTask().then(() => order.push('next task'));
    await expect(withContext(ds)).resolves.toBe(ds);
    await timer;
    expect(order).toContain('next task');
    expect(contextOf(ds).index.facts).toHaveLength(2);
  });
});
