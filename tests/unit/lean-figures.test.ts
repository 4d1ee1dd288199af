/** The embed's lighter figures file (build/lean-figures.ts): the same figures, fewer columns. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { LEAN_DROPS, leanFiguresCSV } from '../../build/lean-figures.ts';
import { buildDataset, figureObjects, figuresFromCSV, loadTable } from '../../src/lib/data/load.ts';
import { dataFiles, readText } from '../support/dataset.ts';

describe("the embed's lighter figures file", () => {
  const full = readFileSync(dataFiles.figures, 'utf8');
  const lean = leanFiguresCSV(full);

  it('drops note and evidence and keeps every other cell exactly', () => {
    const a = figuresFromCSV(full);
    const b = figuresFromCSV(lean);
    expect(b.numRows()).toBe(a.numRows());
    expect(b.columnNames()).toEqual(
      a.columnNames().filter((c) => !(LEAN_DROPS as readonly string[]).includes(c)),
    );
    for (const c of b.columnNames()) expect(b.array(c), c).toEqual(a.array(c));
    expect(lean.length).toBeLessThan(full.length / 2);
  });

  it('loads into the same figures, with empty note and evidence', async () => {
    const tables = {
      sources: await loadTable(dataFiles.sources, readText),
      areas: await loadTable(dataFiles.areas, readText),
      periods: await loadTable(dataFiles.periods, readText),
      platforms: await loadTable(dataFiles.platforms, readText),
      labels: await loadTable(dataFiles.labels, readText),
      population: await loadTable(dataFiles.population, readText),
    };
    const withFull = figureObjects(buildDataset({ ...tables, figures: figuresFromCSV(full) }).figures);
    const withLean = figureObjects(buildDataset({ ...tables, figures: figuresFromCSV(lean) }).figures);
    expect(withLean).toEqual(withFull.map((f) => ({ ...f, note: '', evidence: '' })));
    // The full file really has notes and evidence to lose.
    expect(withFull.filter((f) => f.note !== '').length).toBeGreaterThan(100);
  });
});
