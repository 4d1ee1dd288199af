/** Runs every data-file rule over the text of the bundled files; pure, so the tests can feed it broken files. */
import * as aq from 'arquero';
import { FIGURE_COLUMNS, POPULATION_COLUMNS, VICTIM_AGE_CATEGORIES } from './schema.ts';
import { rowsOf } from './rows.ts';
import { DATA_FILES } from './load.ts';
import {
  checkArea,
  checkFigure,
  checkLabel,
  checkPeriod,
  checkPopulation,
  checkSource,
  S15A_START,
  type Problem,
  type RawRow,
} from './validate.ts';
import { findDuplicates, findRepeatedKeys, findShareBaseConflicts, recordLines } from './file-rules.ts';
import { ID_PATTERN } from './order.ts';

interface Parsed {
  file: string;
  rows: RawRow[];
  lines: number[];
  columns: string[];
}

function parse(text: string, file: string): Parsed {
  const table = aq.fromCSV(text, { autoType: false });
  return {
    file,
    rows: rowsOf<RawRow>(table),
    lines: recordLines(text),
    columns: table.columnNames(),
  };
}

/** Ids are lower-case letters, digits and hyphens, so that ordering them by code units is a reader's order. */
function checkIds(p: Parsed, problems: Problem[]): void {
  p.rows.forEach((r, i) => {
    const id = cell(r, 'id');
    if (id && !ID_PATTERN.test(id))
      problems.push({
        file: p.file,
        line: p.lines[i] ?? i + 2,
        column: 'id',
        message: `id "${id}" has more than lower-case letters, digits and hyphens`,
      });
  });
}

function requireColumns(p: Parsed, columns: readonly string[], problems: Problem[]): void {
  const missing = columns.filter((c) => !p.columns.includes(c));
  if (missing.length)
    problems.push({ file: p.file, line: 1, column: '*', message: `missing columns: ${missing.join(', ')}` });
}

const cell = (row: RawRow, c: string) => (row[c] ?? '').trim();

export function checkData(
  read: (name: string) => string,
  dir = 'data',
): { problems: Problem[]; counts: Record<string, number> } {
  const problems: Problem[] = [];
  const file = (name: string) => `${dir}/${name}`;
  const figures = parse(read(DATA_FILES.figures), file(DATA_FILES.figures));
  const sources = parse(read(DATA_FILES.sources), file(DATA_FILES.sources));
  const areas = parse(read(DATA_FILES.areas), file(DATA_FILES.areas));
  const periods = parse(read(DATA_FILES.periods), file(DATA_FILES.periods));
  const platforms = parse(read(DATA_FILES.platforms), file(DATA_FILES.platforms));
  const labels = parse(read(DATA_FILES.labels), file(DATA_FILES.labels));
  const population = parse(read(DATA_FILES.population), file(DATA_FILES.population));

  requireColumns(figures, FIGURE_COLUMNS, problems);
  requireColumns(sources, ['id', 'url', 'kind', 'publisher', 'date'], problems);
  requireColumns(
    areas,
    ['id', 'name', 'type', 'region', 'nation', 'ew43', 'tile_col', 'tile_row', 'tile_label', 'members'],
    problems,
  );
  requireColumns(periods, ['start', 'end', 'label', 'short', 'kind'], problems);
  requireColumns(platforms, ['id', 'name', 'owner', 'owner_name'], problems);
  requireColumns(labels, ['label', 'platforms', 'owners', 'scope'], problems);
  requireColumns(population, POPULATION_COLUMNS, problems);
  if (problems.length) return { problems, counts: {} };

  const line = (p: Parsed, i: number) => p.lines[i] ?? i + 2;

  sources.rows.forEach((r, i) => problems.push(...checkSource(r, sources.file, line(sources, i))));
  problems.push(...findRepeatedKeys(sources.rows, 'id', sources.lines, sources.file));
  checkIds(sources, problems);
  problems.push(...findRepeatedKeys(sources.rows, 'url', sources.lines, sources.file));

  const forces = new Set(areas.rows.filter((r) => cell(r, 'type') === 'force').map((r) => cell(r, 'id')));
  areas.rows.forEach((r, i) => problems.push(...checkArea(r, forces, areas.file, line(areas, i))));
  problems.push(...findRepeatedKeys(areas.rows, 'id', areas.lines, areas.file));
  problems.push(...findRepeatedKeys(areas.rows, 'name', areas.lines, areas.file));
  const ew43 = areas.rows.filter((r) => cell(r, 'ew43') === '1');
  if (ew43.length !== 43)
    problems.push({
      file: areas.file,
      line: 1,
      column: 'ew43',
      message: `${ew43.length} forces marked ew43, expected 43`,
    });
  const tiles = new Map<string, number>();
  const tileLabels = new Map<string, number>();
  areas.rows.forEach((r, i) => {
    if (!cell(r, 'tile_col')) return;
    const key = `${cell(r, 'tile_col')},${cell(r, 'tile_row')}`;
    const first = tiles.get(key);
    if (first)
      problems.push({
        file: areas.file,
        line: line(areas, i),
        column: 'tile_col',
        message: `tile ${key} already used at line ${first}`,
      });
    else tiles.set(key, line(areas, i));
    const label = cell(r, 'tile_label');
    const labelled = tileLabels.get(label);
    if (!label || labelled)
      problems.push({
        file: areas.file,
        line: line(areas, i),
        column: 'tile_label',
        message: label
          ? `tile label "${label}" already used at line ${labelled}`
          : 'a force on the tile map needs a short label',
      });
    else tileLabels.set(label, line(areas, i));
  });

  periods.rows.forEach((r, i) => problems.push(...checkPeriod(r, periods.file, line(periods, i))));
  periods.rows.forEach((r, i) => {
    const before = cell(r, 'end') < S15A_START;
    if (before !== (cell(r, 'kind') === 'before_s15a'))
      problems.push({
        file: periods.file,
        line: line(periods, i),
        column: 'kind',
        message: before
          ? `a period ending before s.15A began (${S15A_START}) is of kind before_s15a`
          : 'only a period ending before s.15A began is of kind before_s15a',
      });
  });
  const periodKeys = new Set(periods.rows.map((r) => `${cell(r, 'start')}..${cell(r, 'end')}`));
  if (periodKeys.size !== periods.rows.length)
    problems.push({ file: periods.file, line: 1, column: 'start', message: 'a period is listed twice' });

  const platformOwner = new Map(platforms.rows.map((r) => [cell(r, 'id'), cell(r, 'owner')]));
  problems.push(...findRepeatedKeys(platforms.rows, 'id', platforms.lines, platforms.file));
  labels.rows.forEach((r, i) => problems.push(...checkLabel(r, platformOwner, labels.file, line(labels, i))));
  problems.push(...findRepeatedKeys(labels.rows, 'label', labels.lines, labels.file));

  const refs = {
    areas: new Set(areas.rows.map((r) => cell(r, 'id'))),
    sources: new Set(sources.rows.map((r) => cell(r, 'id'))),
    labels: new Set(labels.rows.map((r) => cell(r, 'label'))),
    periods: periodKeys,
    olderOffence: new Set(
      areas.rows
        .filter((r) => cell(r, 'type') === 'force' && !['england', 'wales'].includes(cell(r, 'nation')))
        .map((r) => cell(r, 'id')),
    ),
  };
  figures.rows.forEach((r, i) => problems.push(...checkFigure(r, refs, figures.file, line(figures, i))));
  // The published age bands are a closed list (a person's own file may use its source's bands).
  figures.rows.forEach((r, i) => {
    const band = cell(r, 'category');
    if (cell(r, 'measure') === 'victim_age' && !(VICTIM_AGE_CATEGORIES as readonly string[]).includes(band))
      problems.push({
        file: figures.file,
        line: line(figures, i),
        column: 'category',
        message: `unknown age band "${band}" (one of ${VICTIM_AGE_CATEGORIES.join(', ')})`,
      });
  });
  problems.push(...findRepeatedKeys(figures.rows, 'id', figures.lines, figures.file));
  checkIds(figures, problems);
  problems.push(...findDuplicates(figures.rows, FIGURE_COLUMNS, figures.lines, figures.file));
  problems.push(...findShareBaseConflicts(figures.rows, figures.lines, figures.file));

  const ew43Ids = new Set(ew43.map((r) => cell(r, 'id')));
  population.rows.forEach((r, i) =>
    problems.push(...checkPopulation(r, ew43Ids, population.file, line(population, i))),
  );
  problems.push(...findRepeatedKeys(population.rows, 'area', population.lines, population.file));
  const withPopulation = new Set(population.rows.map((r) => cell(r, 'area')));
  const lacking = [...ew43Ids].filter((id) => !withPopulation.has(id));
  if (lacking.length)
    problems.push({
      file: population.file,
      line: 1,
      column: 'area',
      message: `no row for ${lacking.length} of the 43 forces: ${lacking.join(', ')}`,
    });

  return {
    problems,
    counts: {
      [DATA_FILES.figures]: figures.rows.length,
      [DATA_FILES.sources]: sources.rows.length,
      [DATA_FILES.areas]: areas.rows.length,
      [DATA_FILES.periods]: periods.rows.length,
      [DATA_FILES.platforms]: platforms.rows.length,
      [DATA_FILES.labels]: labels.rows.length,
      [DATA_FILES.population]: population.rows.length,
    },
  };
}
