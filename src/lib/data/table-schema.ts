/**
 * The Table Schema of each data file (./datapackage.ts puts them in one package): the fields' types, formats
 * and vocabularies, taken from ./schema.ts, and a file described as a tabular resource.
 */
import { COMPLETENESS, MEASURES, QUALIFIERS, SHARE_BASES, UNITS } from './schema.ts';
import { DATA_FILES, type DataFiles } from './load.ts';

export interface License {
  name?: string;
  path: string;
  title: string;
}

export interface Source {
  title: string;
  path?: string;
}

/** A Table Schema field (the properties this package uses). */
export interface Field {
  name: string;
  type: 'string' | 'number' | 'integer' | 'date' | 'boolean';
  format?: 'uri';
  description: string;
  trueValues?: string[];
  falseValues?: string[];
  constraints?: {
    required?: boolean;
    unique?: boolean;
    enum?: string[];
    pattern?: string;
    minimum?: number;
    maximum?: number;
  };
}

export interface ForeignKey {
  fields: string | string[];
  reference: { resource: string; fields: string | string[] };
}

export interface TableSchema {
  fields: Field[];
  primaryKey: string | string[];
  foreignKeys?: ForeignKey[];
  missingValues: string[];
}

export interface Resource {
  name: string;
  path: string;
  title: string;
  description: string;
  profile: 'tabular-data-resource';
  format: 'csv';
  mediatype: 'text/csv';
  encoding: 'utf-8';
  dialect: { delimiter: ','; doubleQuote: true; lineTerminator: '\n'; header: true };
  schema: TableSchema;
  licenses?: License[];
  sources?: Source[];
}

/** What the files write for "none" or "not applicable": an empty cell, never zero. */
export const MISSING_VALUES = [''];

export const ID = '^[a-z0-9-]+$';
export const ID_LIST = '^[a-z0-9-]+(;[a-z0-9-]+)*$';
export const MONTH_OR_DAY = '^\\d{4}-\\d{2}(-\\d{2})?$';

export const required = { required: true } as const;
export const text = (name: string, description: string, constraints?: Field['constraints']): Field => ({
  name,
  type: 'string',
  description,
  ...(constraints ? { constraints } : {}),
});
export const oneOf = (name: string, description: string, list: readonly string[], isRequired = true): Field =>
  text(name, description, { ...(isRequired ? required : {}), enum: [...list] });
export const id = (name: string, description: string): Field =>
  text(name, description, { ...required, pattern: ID });
export const date = (name: string, description: string): Field => ({
  name,
  type: 'date',
  description,
  constraints: required,
});
export const count = (name: string, description: string): Field => ({
  name,
  type: 'integer',
  description,
  constraints: { required: true, minimum: 1 },
});
export const url = (name: string, description: string): Field => ({
  name,
  type: 'string',
  format: 'uri',
  description,
  constraints: { required: true, pattern: '^https?://\\S+$' },
});

/** The fields of figures.csv, by column; their order is FIGURE_COLUMNS'. */
export const FIGURE_FIELDS: Record<string, Field> = {
  id: id('id', '"f" and the row number of the gathered file, zero-padded to four digits; stable'),
  area: id('area', 'The force, region or country the figure is for (areas.id)'),
  period_start: date('period_start', 'First day of the period the figure covers, as its page states it'),
  period_end: date(
    'period_end',
    'Last day of the period (inclusive); with period_start, a row of periods.csv',
  ),
  measure: oneOf('measure', 'What the figure counts', MEASURES),
  category: text(
    'category',
    'The platform label exactly as printed (platform-labels.label), the age band or the gender; empty for offences and platform_known',
  ),
  value: {
    name: 'value',
    type: 'number',
    description:
      'The number as published; empty exactly when the qualifier is suppressed or not_available (never zero)',
    constraints: { minimum: 0 },
  },
  qualifier: oneOf('qualifier', 'How far the published number can be taken at its word', QUALIFIERS),
  completeness: oneOf(
    'completeness',
    "possibly_incomplete where the page or the data's own cross-check says the figure may be partial (the note says why); else empty",
    COMPLETENESS.filter((c) => c !== ''),
    false,
  ),
  unit: oneOf(
    'unit',
    'count, or percent for every platform_share row and victim rows published as a share',
    UNITS,
  ),
  share_base: oneOf(
    'share_base',
    'What a published percentage is a percentage of; only for platform_share rows, else empty',
    SHARE_BASES,
    false,
  ),
  note: text('note', 'What a reader must know, verbatim from the gathered data'),
  source: id('source', 'The page the figure was read from (sources.id)'),
  evidence: text('evidence', 'Short paraphrase locating the figure on its page'),
};

/** The fields of population.csv, by column; their order is POPULATION_COLUMNS'. */
export const POPULATION_FIELDS: Record<string, Field> = {
  area: id('area', 'One of the 43 forces of England and Wales (areas.id)'),
  reference_date: date('reference_date', 'The date the estimate is for'),
  children_under_16: count('children_under_16', 'Residents aged 0-15'),
  children_under_18: count('children_under_18', 'Residents aged 0-17'),
  all_ages: count('all_ages', 'All residents'),
  source_name: text('source_name', 'The population estimates used', required),
  source_url: url('source_url', 'The dataset page of the estimates'),
  licence: text('licence', 'The licence of the estimates', required),
  credit: text('credit', 'The credit the licence asks for', required),
  method: text('method', 'How local-authority figures were summed into the force area', required),
};

/** The fields of a file whose columns schema.ts lists, in that order; a column without a field is an error. */
export function fieldsOf(columns: readonly string[], fields: Record<string, Field>, file: string): Field[] {
  const missing = columns.filter((c) => !(c in fields));
  if (missing.length)
    throw new Error(
      `${file}: no field describes the column(s) ${missing.join(', ')}: add them to src/lib/data/table-schema.ts`,
    );
  return columns.map((c) => fields[c]!);
}

export const resource = (
  key: keyof DataFiles,
  title: string,
  description: string,
  schema: Omit<TableSchema, 'missingValues'>,
  extra: Partial<Resource> = {},
): Resource => ({
  name: DATA_FILES[key].replace(/\.csv$/, ''),
  path: DATA_FILES[key],
  title,
  description,
  profile: 'tabular-data-resource',
  format: 'csv',
  mediatype: 'text/csv',
  encoding: 'utf-8',
  dialect: { delimiter: ',', doubleQuote: true, lineTerminator: '\n', header: true },
  ...extra,
  schema: { ...schema, missingValues: [...MISSING_VALUES] },
});
