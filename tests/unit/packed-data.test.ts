/**
 * The pages load their dataset packed into one file (src/lib/data/packed.ts, build/packed-data.ts): read
 * back, it gives the tables and the dataset that the CSV files give, cell for cell.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { buildDataset, dataFilesIn, loadDataset, loadNotes, readTables } from '../../src/lib/data/load.ts';
import { packNotes, packTables, readNotes, unpackTables } from '../../src/lib/data/packed.ts';
import { LEAN_DROPS } from '../../build/lean-figures.ts';
import { packDataDir, packNotesOf, PACKED } from '../../build/packed-data.ts';
import { FIXTURE_DIR, readText } from '../support/dataset.ts';
import type { Figure } from '../../src/lib/data/schema.ts';

const DATA_DIR = join(import.meta.dirname, '..', '..', 'data');

describe.each([
  ['data/', DATA_DIR],
  ['the fixture dataset', FIXTURE_DIR],
])('the packed dataset of %s', (_name, dir) => {
  it('reads back into the same tables as its CSV files: columns, rows, cells', async () => {
    const csv = await readTables(dataFilesIn(dir), readText);
    const packed = unpackTables(await packDataDir(dir));
    for (const [name, table] of Object.entries(csv)) {
      const back = packed[name as keyof typeof packed];
      expect(back.columnNames(), name).toEqual(table.columnNames());
      expect(back.numRows(), name).toBe(table.numRows());
      expect(back.objects(), name).toEqual(table.objects());
    }
    // A figure's value stays a number (or null where the cell is empty), dates stay text.
    const values = packed.figures.array('value') as ArrayLike<unknown>;
    expect(Array.from(values).every((v) => v === null || typeof v === 'number')).toBe(true);
    expect(
      Array.from(packed.figures.array('period_start') as ArrayLike<unknown>).every(
        (v) => typeof v === 'string',
      ),
    ).toBe(true);
  });

  it('gives the same dataset as the CSV files', async () => {
    const fromCsv = await loadDataset(dataFilesIn(dir), readText);
    const fromPack = await loadDataset({ packed: 'dataset.json' }, () => packDataDir(dir));
    expect(fromPack.figures.objects()).toEqual(fromCsv.figures.objects());
    for (const key of ['sources', 'areas', 'periods', 'platforms', 'labels', 'population'] as const)
      expect(fromPack[key], key).toEqual(fromCsv[key]);
  });

  it("leaves the figures' note and evidence out of the embed's lean pack, and nothing else", async () => {
    const full = await loadDataset(dataFilesIn(dir), readText);
    const lean = buildDataset(unpackTables(await packDataDir(dir, LEAN_DROPS)));
    expect(lean.figures.columnNames().sort()).toEqual(full.figures.columnNames().sort());
    const blank = { note: '', evidence: '' };
    expect(lean.figures.objects()).toEqual(full.figures.objects().map((f) => ({ ...f, ...blank })));
  });
});

describe("the pages' pack and the figures' notes", () => {
  it('the pack leaves the notes out; with the notes pack looked up, each figure has what the CSV files give', async () => {
    const { file, make } = PACKED['virtual:packed-dataset'];
    const first = await loadDataset({ packed: file }, () => make(DATA_DIR));
    expect(first.notes).toBe(false);
    expect(first.figures.array('note')).toSatisfy((notes: ArrayLike<unknown>) =>
      Array.from(notes).every((n) => n === ''),
    );
    const notesOf = await loadNotes(first, 'notes.json', () => packNotesOf(DATA_DIR));
    const fromCsv = await loadDataset(dataFilesIn(DATA_DIR), readText);
    expect(fromCsv.notes).toBe(true);
    const figures = first.figures.objects() as Figure[];
    const looked = figures.map((f) => ({ ...f, ...notesOf(f) }));
    expect(looked).toEqual(fromCsv.figures.objects());
    expect(looked.some((f) => f.note !== '')).toBe(true);
    expect(looked.some((f) => f.evidence !== '')).toBe(true);
    // A figure the pack does not name (the person's own) keeps its own.
    const yours = { ...figures[0]!, id: 'u1', note: 'mine', evidence: 'p. 2' };
    expect(notesOf(yours)).toEqual({ ...yours });
    // Figures that carry their notes: nothing read, each keeps its own.
    const own = await loadNotes(fromCsv, 'notes.json', () => Promise.reject(new Error('read')));
    expect(own(yours)).toBe(yours);
  });

  it('refuses notes that are not those of the figures', async () => {
    const { figures } = await readTables(dataFilesIn(FIXTURE_DIR), readText);
    const notes = JSON.parse(packNotes(figures)) as { id: string[] };
    notes.id = [...notes.id].reverse();
    expect(() => readNotes(figures, JSON.stringify(notes))).toThrow(
      'the notes are not those of these figures',
    );
    expect(() => readNotes(figures.slice(1), packNotes(figures))).toThrow(
      'the notes are not those of these figures',
    );
  });
});

describe('unpackTables', () => {
  it('refuses a pack without one of the tables', async () => {
    const tables = await readTables(dataFilesIn(FIXTURE_DIR), readText);
    const text = packTables(tables).replace('"population":', '"people":');
    expect(() => unpackTables(text)).toThrow('the packed dataset has no population table');
  });
});
