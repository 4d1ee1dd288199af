/**
 * The dataset's vocabularies and row types: one place that says what a figure, a source, an area,
 * a period and a platform label are. The data check, the loader and the import share it.
 */

export const MEASURES = [
  'offences',
  'platform',
  'platform_share',
  'platform_known',
  'victim_age',
  'victim_gender',
  'youngest_victim_age',
] as const;
export type Measure = (typeof MEASURES)[number];

/** How far a published number can be taken at its word. */
export const QUALIFIERS = ['exact', 'at_least', 'approximate', 'suppressed', 'not_available'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/**
 * Whether a figure may count less than its area and period hold (figures.csv `completeness`): '' when nothing
 * says so; `possibly_incomplete` when its page, or the data's own cross-check, says it may be partial (a value
 * the page calls "possibly partial", a total a force "did not provide" figures for). The note says why; the
 * data check requires it. Distinct from the qualifier: a possibly incomplete figure can be exact as published.
 */
export const COMPLETENESS = ['', 'possibly_incomplete'] as const;
export type Completeness = (typeof COMPLETENESS)[number];

/** Words a flagged figure's note must use to say why it may be incomplete (checked by the data check). */
export const INCOMPLETE_REASON =
  /partial|incomplete|did not provide|not provided|gave no data|missing|\b\d+ (of (the )?\d+ )?(UK )?(police )?forces/i;

/** True for a figure marked as possibly counting less than its area and period hold. */
export const isPossiblyIncomplete = (f: { completeness?: string }): boolean =>
  f.completeness === 'possibly_incomplete';

/**
 * The categories of `victim_age`. `under 13` is Police Scotland's band (the Scottish offence's own line at 13):
 * it overlaps `11 and under` and `12-15`, and is never added to them.
 */
export const VICTIM_AGE_CATEGORIES = ['11 and under', 'under 13', '12-15', '16 and over', 'unknown'] as const;

/** Qualifiers whose row carries no number: the source withheld or lacked it. Never zero. */
export const VALUELESS_QUALIFIERS: ReadonlySet<Qualifier> = new Set(['suppressed', 'not_available']);

/** Whether the value counts something or is a published percentage. */
export const UNITS = ['count', 'percent'] as const;
export type Unit = (typeof UNITS)[number];

/** What a published percentage is a percentage of. */
export const SHARE_BASES = ['platform_known', 'platform_records', 'offences', 'unstated'] as const;
export type ShareBase = (typeof SHARE_BASES)[number];

export const SOURCE_KINDS = ['foi_disclosure', 'official', 'nspcc', 'news'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const AREA_TYPES = ['force', 'region', 'country'] as const;
export type AreaType = (typeof AREA_TYPES)[number];

/**
 * `before_s15a`: a financial year before 3 April 2017, when s.15A did not exist; only Police Scotland's and
 * PSNI's own, older offences have figures for it. Never joined to the s.15A years as one series.
 */
export const PERIOD_KINDS = ['financial_year', 'round', 'partial', 'multi_year', 'before_s15a'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const LABEL_SCOPES = ['platform', 'combined', 'owner', 'any'] as const;
export type LabelScope = (typeof LABEL_SCOPES)[number];

/** Measures whose category names a platform label (mapped in platform-labels.csv). */
export const PLATFORM_MEASURES: ReadonlySet<Measure> = new Set(['platform', 'platform_share']);
/** Measures that are counts of offences or records, and so may be added within one period. */
export const COUNT_MEASURES: ReadonlySet<Measure> = new Set([
  'offences',
  'platform',
  'platform_known',
  'victim_age',
  'victim_gender',
]);

/** One published fact, as the row of data/figures.csv that states it. */
export interface Figure {
  id: string;
  area: string;
  period_start: string;
  period_end: string;
  measure: Measure;
  /** The platform label, age band or gender exactly as published; '' where the measure has none. */
  category: string;
  /** null exactly when the qualifier is suppressed or not_available. */
  value: number | null;
  qualifier: Qualifier;
  /** 'possibly_incomplete' where the page or the data's cross-check says the figure may be partial. */
  completeness: Completeness;
  /** percent for every platform_share row and for victim rows published as a share, not a count. */
  unit: Unit;
  share_base: ShareBase | '';
  note: string;
  source: string;
  evidence: string;
}

export interface Source {
  id: string;
  url: string;
  kind: SourceKind;
  publisher: string;
  /** YYYY-MM-DD, YYYY-MM or '' where the page shows no date. */
  date: string;
}

export interface Area {
  id: string;
  name: string;
  type: AreaType;
  region: string;
  nation: string;
  /** One of the 43 territorial forces of England and Wales. */
  ew43: boolean;
  /** The force's cell on the tile map and its short label there (data/areas.csv); null for other areas. */
  tile: { col: number; row: number; label: string } | null;
  /** For regions and countries: the forces the area covers by definition. */
  members: string[];
  aliases: string[];
  note: string;
}

export interface Period {
  /** Short, readable id used in URLs: "2017-18" for a financial year, "2017-04-03_2018-01-02" otherwise. */
  id: string;
  /** "start..end", the key figures are grouped by. */
  key: string;
  start: string;
  end: string;
  label: string;
  short: string;
  kind: PeriodKind;
}

export interface Platform {
  id: string;
  name: string;
  owner: string;
  owner_name: string;
}

export interface PlatformLabel {
  label: string;
  platforms: string[];
  owners: string[];
  scope: LabelScope;
}

/** The columns of data/figures.csv, in order. */
export const FIGURE_COLUMNS = [
  'id',
  'area',
  'period_start',
  'period_end',
  'measure',
  'category',
  'value',
  'qualifier',
  'completeness',
  'unit',
  'share_base',
  'note',
  'source',
  'evidence',
] as const;

/**
 * Children and residents of one force area of England and Wales on the reference date (data/population.csv):
 * the denominator of a rate. Only the 43 forces of England and Wales have one.
 */
export interface Population {
  /** Force id (→ areas.id, one of the 43). */
  area: string;
  /** ISO date the estimate is for (30 June 2020). */
  reference_date: string;
  children_under_16: number;
  children_under_18: number;
  all_ages: number;
  source_name: string;
  source_url: string;
  licence: string;
  /** The credit the licence asks for: "Source: Office for National Statistics". */
  credit: string;
  /** How local-authority figures were summed into the force area. */
  method: string;
}

/** The columns of data/population.csv, in order. */
export const POPULATION_COLUMNS = [
  'area',
  'reference_date',
  'children_under_16',
  'children_under_18',
  'all_ages',
  'source_name',
  'source_url',
  'licence',
  'credit',
  'method',
] as const;

/** Figures a person imported carry ids u0001, u0002…: "your data" wherever they appear. */
export const isUserFigure = (f: Pick<Figure, 'id'>): boolean => /^u\d+$/.test(f.id);
