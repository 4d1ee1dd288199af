/**
 * The rules every figure row must meet, as pure functions over raw CSV text values.
 * Shared by the bundled data's check (scripts/data-check.ts) and anything that reads figures from elsewhere.
 */
import {
  AREA_TYPES,
  COMPLETENESS,
  INCOMPLETE_REASON,
  LABEL_SCOPES,
  MEASURES,
  PERIOD_KINDS,
  PLATFORM_MEASURES,
  QUALIFIERS,
  SHARE_BASES,
  SOURCE_KINDS,
  UNITS,
  VALUELESS_QUALIFIERS,
  type Measure,
  type Qualifier,
} from './schema.ts';
import { isIsoDate, isPublicationDate } from './dates.ts';

/** A raw CSV record: column name to text (null where the cell was empty). */
export type RawRow = Readonly<Record<string, string | null | undefined>>;

export interface Problem {
  file: string;
  /** 1-based line of the file where the record starts. */
  line: number;
  column: string;
  message: string;
}

/** What a figure row may refer to. */
export interface References {
  areas: ReadonlySet<string>;
  sources: ReadonlySet<string>;
  labels: ReadonlySet<string>;
  /** Known `start..end` period keys; when given, a figure's period must be one of them. */
  periods?: ReadonlySet<string>;
  /**
   * Areas that count an offence older than s.15A (Police Scotland, PSNI); when given, only they may have a
   * figure for a period that ends before s.15A began.
   */
  olderOffence?: ReadonlySet<string>;
}

/** The day s.15A came into force. */
export const S15A_START = '2017-04-03';

const NUMBER = /^-?\d+(\.\d+)?$/;

const text = (row: RawRow, column: string): string => (row[column] ?? '').trim();
const oneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/** Checks one figure row; returns its problems (none when the row is sound). */
export function checkFigure(row: RawRow, refs: References, file: string, line: number): Problem[] {
  const problems: Problem[] = [];
  const fail = (column: string, message: string) => problems.push({ file, line, column, message });

  const area = text(row, 'area');
  if (!area) fail('area', 'area is empty');
  else if (!refs.areas.has(area)) fail('area', `unknown area "${area}"`);

  const start = text(row, 'period_start');
  const end = text(row, 'period_end');
  const startOk = isIsoDate(start);
  const endOk = isIsoDate(end);
  if (!startOk) fail('period_start', `"${start}" is not a date (YYYY-MM-DD)`);
  if (!endOk) fail('period_end', `"${end}" is not a date (YYYY-MM-DD)`);
  if (startOk && endOk) {
    if (start > end) fail('period_start', `period starts (${start}) after it ends (${end})`);
    else if (refs.periods && !refs.periods.has(`${start}..${end}`))
      fail('period_start', `period ${start}..${end} is not listed in periods.csv`);
    if (end < S15A_START && refs.olderOffence && area && !refs.olderOffence.has(area))
      fail(
        'period_end',
        `period ends (${end}) before s.15A began (${S15A_START}): only an area counting an older offence (Scotland's, Northern Ireland's) can have a figure for it`,
      );
  }

  const measure = text(row, 'measure');
  const measureOk = oneOf(MEASURES, measure);
  if (!measureOk) fail('measure', `unknown measure "${measure}"`);

  const category = text(row, 'category');
  if (measureOk && PLATFORM_MEASURES.has(measure as Measure)) {
    if (!category) fail('category', `a ${measure} row needs a platform label`);
    else if (!refs.labels.has(category)) fail('category', `platform label "${category}" is not mapped`);
  }
  if (measureOk && (measure === 'offences' || measure === 'platform_known') && category)
    fail('category', `a ${measure} row has no category, found "${category}"`);

  const qualifier = text(row, 'qualifier');
  const qualifierOk = oneOf(QUALIFIERS, qualifier);
  if (!qualifierOk) fail('qualifier', `unknown qualifier "${qualifier}"`);

  const value = text(row, 'value');
  if (qualifierOk) {
    if (VALUELESS_QUALIFIERS.has(qualifier as Qualifier)) {
      if (value) fail('value', `a ${qualifier} row must leave the value empty, found "${value}"`);
    } else if (!NUMBER.test(value)) {
      fail('value', value ? `"${value}" is not a number` : `a ${qualifier} row needs a number`);
    } else if (text(row, 'unit') === 'percent' && Number(value) > 100) {
      fail('value', `a share of ${value}% is over 100`);
    }
  }

  // An older file (an earlier release, a person's own) has no completeness column: nothing is flagged.
  const completeness = text(row, 'completeness');
  if (!oneOf(COMPLETENESS, completeness))
    fail('completeness', `unknown completeness "${completeness}" (empty or possibly_incomplete)`);
  else if (completeness && !INCOMPLETE_REASON.test(text(row, 'note')))
    fail(
      'note',
      'a figure marked possibly_incomplete needs its reason in the note ("possibly partial", "did not provide", "39 of 43 forces" …)',
    );

  const unit = text(row, 'unit');
  if (!oneOf(UNITS, unit)) fail('unit', `unknown unit "${unit}" (count or percent)`);
  else if (measure === 'platform_share' && unit !== 'percent')
    fail('unit', 'a platform_share row is a percent');
  else if (
    (measure === 'offences' || measure === 'platform_known' || measure === 'platform') &&
    unit !== 'count'
  )
    fail('unit', `a ${measure} row is a count`);

  const shareBase = text(row, 'share_base');
  if (measure === 'platform_share') {
    if (!oneOf(SHARE_BASES, shareBase)) fail('share_base', `unknown share base "${shareBase}"`);
  } else if (shareBase) {
    fail('share_base', `only platform_share rows have a share base, found "${shareBase}"`);
  }

  const source = text(row, 'source');
  if (!source) fail('source', 'row has no source');
  else if (!refs.sources.has(source)) fail('source', `unknown source "${source}"`);

  return problems;
}

export function checkSource(row: RawRow, file: string, line: number): Problem[] {
  const problems: Problem[] = [];
  const fail = (column: string, message: string) => problems.push({ file, line, column, message });
  if (!text(row, 'id')) fail('id', 'source has no id');
  const url = text(row, 'url');
  if (!/^https?:\/\/\S+$/.test(url)) fail('url', `"${url}" is not a web address`);
  const kind = text(row, 'kind');
  if (!oneOf(SOURCE_KINDS, kind)) fail('kind', `unknown source kind "${kind}"`);
  const date = text(row, 'date');
  if (date && !isPublicationDate(date)) fail('date', `"${date}" is not YYYY-MM-DD or YYYY-MM`);
  return problems;
}

export function checkArea(row: RawRow, forces: ReadonlySet<string>, file: string, line: number): Problem[] {
  const problems: Problem[] = [];
  const fail = (column: string, message: string) => problems.push({ file, line, column, message });
  if (!text(row, 'id')) fail('id', 'area has no id');
  if (!text(row, 'name')) fail('name', 'area has no name');
  const type = text(row, 'type');
  if (!oneOf(AREA_TYPES, type)) fail('type', `unknown area type "${type}"`);
  for (const member of text(row, 'members').split(';').filter(Boolean))
    if (!forces.has(member)) fail('members', `member "${member}" is not a force`);
  if (type === 'force' && text(row, 'members')) fail('members', 'a force has no members');
  if (type !== 'force' && !text(row, 'members')) fail('members', `a ${type} lists the forces it covers`);
  return problems;
}

export function checkPeriod(row: RawRow, file: string, line: number): Problem[] {
  const problems: Problem[] = [];
  const fail = (column: string, message: string) => problems.push({ file, line, column, message });
  const start = text(row, 'start');
  const end = text(row, 'end');
  if (!isIsoDate(start)) fail('start', `"${start}" is not a date`);
  if (!isIsoDate(end)) fail('end', `"${end}" is not a date`);
  if (start > end) fail('start', 'period starts after it ends');
  if (!text(row, 'label')) fail('label', 'period has no label');
  if (!oneOf(PERIOD_KINDS, text(row, 'kind'))) fail('kind', `unknown period kind "${text(row, 'kind')}"`);
  return problems;
}

export function checkLabel(
  row: RawRow,
  platforms: ReadonlyMap<string, string>,
  file: string,
  line: number,
): Problem[] {
  const problems: Problem[] = [];
  const fail = (column: string, message: string) => problems.push({ file, line, column, message });
  const scope = text(row, 'scope');
  if (!oneOf(LABEL_SCOPES, scope)) fail('scope', `unknown scope "${scope}"`);
  const ids = text(row, 'platforms').split(';').filter(Boolean);
  for (const id of ids) if (!platforms.has(id)) fail('platforms', `unknown platform "${id}"`);
  const owners = [...new Set(ids.map((id) => platforms.get(id)).filter((o): o is string => !!o))].sort();
  const stated = text(row, 'owners').split(';').filter(Boolean).sort();
  if (scope !== 'any' && owners.join(';') !== stated.join(';'))
    fail('owners', `owners "${stated.join(';')}" do not match the platforms' owners "${owners.join(';')}"`);
  if (scope === 'platform' && ids.length !== 1)
    fail('platforms', 'a single-platform label names one platform');
  if (scope === 'combined' && ids.length < 2)
    fail('platforms', 'a combined label names two or more platforms');
  return problems;
}

const POSITIVE_INTEGER = /^[1-9]\d*$/;

/**
 * Checks one row of population.csv. `forces` holds the ids of the 43 forces of England and Wales (ew43),
 * the only areas with a population figure. Whether each force appears exactly once is checked over the file.
 */
export function checkPopulation(
  row: RawRow,
  forces: ReadonlySet<string>,
  file: string,
  line: number,
): Problem[] {
  const problems: Problem[] = [];
  const fail = (column: string, message: string) => problems.push({ file, line, column, message });
  const area = text(row, 'area');
  if (!area) fail('area', 'area is empty');
  else if (!forces.has(area)) fail('area', `"${area}" is not one of the 43 forces of England and Wales`);
  const date = text(row, 'reference_date');
  if (!isIsoDate(date)) fail('reference_date', `"${date}" is not a date (YYYY-MM-DD)`);
  const counts: number[] = [];
  for (const column of ['children_under_16', 'children_under_18', 'all_ages']) {
    const value = text(row, column);
    if (POSITIVE_INTEGER.test(value)) counts.push(Number(value));
    else fail(column, value ? `"${value}" is not a whole number above 0` : `${column} is empty`);
  }
  const [under16, under18, all] = counts;
  if (counts.length === 3 && under16! > under18!)
    fail('children_under_16', `children under 16 (${under16}) exceed children under 18 (${under18})`);
  if (counts.length === 3 && under18! > all!)
    fail('children_under_18', `children under 18 (${under18}) exceed all ages (${all})`);
  if (!text(row, 'source_name')) fail('source_name', 'population row has no source');
  const url = text(row, 'source_url');
  if (!/^https?:\/\/\S+$/.test(url)) fail('source_url', `"${url}" is not a web address`);
  if (!text(row, 'licence')) fail('licence', 'population row has no licence');
  if (!text(row, 'credit')) fail('credit', 'population row has no credit line');
  return problems;
}
