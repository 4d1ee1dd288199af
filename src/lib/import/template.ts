/**
 * The import file format as a person meets it: the template to download, what each column means, and the
 * export of figures in the same format (import → export → import gives the same figures).
 */
import type { Dataset } from '../data/load.ts';
import { MEASURES, SHARE_BASES, type Figure, type Source } from '../data/schema.ts';
import { toCSV } from '../export/csv.ts';
import { IMPORT_COLUMNS, REQUIRED_COLUMNS, type ImportColumn } from './cells.ts';
import { USER_SOURCE } from './outcome.ts';

export interface TemplateColumn {
  name: ImportColumn;
  required: boolean;
  description: string;
}

const describe = (name: ImportColumn, description: string): TemplateColumn => ({
  name,
  required: REQUIRED_COLUMNS.includes(name),
  description,
});

/** Every column of the import format, in template order, with what a person should write in it. */
export const TEMPLATE_COLUMNS: readonly TemplateColumn[] = [
  describe(
    'area',
    'Police force, region or country: its id ("hampshire"), its name ("Hampshire") or a usual alias ' +
      '("Hampshire Constabulary"), in any case.',
  ),
  describe('period_start', 'First day of the period: YYYY-MM-DD, DD/MM/YYYY (day first) or "3 April 2017".'),
  describe('period_end', 'Last day of the period, included; the same formats.'),
  describe('measure', `One of ${MEASURES.join(', ')}.`),
  describe(
    'category',
    'The platform label as published (platform and platform_share rows), the age band or the gender; empty ' +
      'for offences and platform_known. An unknown platform label is kept as a platform of its own, with a warning.',
  ),
  describe(
    'value',
    'The number as published: 1628, "1,628" or 1 628; 40.2 or 40.2% for a share. "*" or "<5": suppressed ' +
      '("<5" is kept in the note); "n/a": not available; ">200": at least 200; "~1000": approximate.',
  ),
  describe(
    'qualifier',
    'exact (the default), at_least ("at least"), approximate ("approx"), suppressed, not_available ("n/a").',
  ),
  describe(
    'completeness',
    'Empty, or possibly_incomplete where the source says the figure may be partial (a force that did not ' +
      'provide figures, a value it calls partial); the note must then say why.',
  ),
  describe(
    'unit',
    'count (the default) or percent (the default for platform_share and for a value with "%").',
  ),
  describe(
    'share_base',
    `platform_share rows only: what the share is of, one of ${SHARE_BASES.join(', ')}. Empty: unstated, with a warning.`,
  ),
  describe('note', "What a reader must know: the source's own hedging words, a partial period, a conflict."),
  describe('evidence', 'Where on the source the figure is, for re-checking.'),
  describe(
    'source_url',
    'Web address (http or https) of the FOI reply or page; rows with the same address share one source.',
  ),
  describe('source_name', 'Who published it, e.g. "Kent Police, FOI reply 2024/123".'),
  describe('source_date', 'Publication date: YYYY-MM-DD or YYYY-MM.'),
  describe(
    'source_kind',
    "foi_disclosure (a force's own FOI reply), official, nspcc or news. Empty: news, the least authoritative " +
      'when sources disagree.',
  ),
];

/** The template: every import column and two figures from the NSPCC's 17 April 2018 release. */
export function templateCSV(): string {
  const source = {
    source_url:
      'https://www.portsmouth.co.uk/news/crime/charity-reveals-which-apps-perverts-use-contact-children-1037945',
    source_name: 'Portsmouth News',
    source_date: '2018-04-17',
    source_kind: 'news',
  };
  const hampshire = { area: 'Hampshire', period_start: '2017-04-03', period_end: '2018-01-02' };
  return toCSV(
    [
      {
        ...hampshire,
        measure: 'offences',
        value: 62,
        qualifier: 'exact',
        unit: 'count',
        note: 'first nine months',
        evidence: 'Hampshire saw 62 cases of sexual communication with a child in first nine months',
        ...source,
      },
      {
        ...hampshire,
        measure: 'platform',
        category: 'Snapchat',
        value: 16,
        qualifier: 'exact',
        unit: 'count',
        evidence: 'Snapchat used in 16 offences',
        ...source,
      },
    ],
    IMPORT_COLUMNS,
  );
}

/** Figures as an import file, so that import → export → import gives the same figures. */
export function figuresToImportCSV(
  figures: readonly Figure[],
  ds: Dataset,
  sources: Iterable<Source> = [],
): string {
  const byId = new Map(ds.sources);
  for (const s of sources) byId.set(s.id, s);
  const rows = figures.map((f) => {
    const s = byId.get(f.source);
    return {
      ...f,
      value: f.value ?? '',
      source_url: s?.url ?? '',
      source_name: s && s.id !== USER_SOURCE ? s.publisher : '',
      source_date: s?.date ?? '',
      source_kind: s?.kind ?? '',
    };
  });
  return toCSV(rows, IMPORT_COLUMNS);
}
