/**
 * The dataset as a Frictionless Data Package (Data Package and Table Schema v1): one resource per CSV file of
 * data/, each with its fields' types, formats and vocabularies, its primary key, its foreign keys into the other
 * files and the missing-value code the files write (an empty cell). Made from this folder's schema
 * (./schema.ts: vocabularies, column lists), never written by hand: `npm run datapackage` writes
 * data/datapackage.json and each release's copy (build/datapackage.ts), and the data check fails when the
 * committed file and this description differ, or when a file does not validate against it.
 *
 * Pure and free of Node: the data check, the release script and the build all call it.
 */
import {
  FIGURE_FIELDS,
  ID,
  ID_LIST,
  MONTH_OR_DAY,
  POPULATION_FIELDS,
  date,
  fieldsOf,
  id,
  oneOf,
  required,
  resource,
  text,
  url,
  type Resource,
  type License,
  type Source,
} from './table-schema.ts';
import {
  AREA_TYPES,
  FIGURE_COLUMNS,
  LABEL_SCOPES,
  PERIOD_KINDS,
  POPULATION_COLUMNS,
  SOURCE_KINDS,
} from './schema.ts';
import { DATA_FILES } from './load.ts';

export interface DataPackage {
  profile: 'tabular-data-package';
  name: string;
  title: string;
  description: string;
  version: string;
  created: string;
  keywords: string[];
  licenses: License[];
  sources: Source[];
  resources: Resource[];
}

/** The release a package describes: its id and date (data/releases/index.json). */
export interface PackageRelease {
  id: string;
  date: string;
}

/** The file name of the package, in data/ and beside each release's files. */
export const DATAPACKAGE_FILE = 'datapackage.json';

const OGL = {
  name: 'OGL-UK-3.0',
  path: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
  title: 'Open Government Licence v3.0',
};

/** The Data Package of the dataset as the release `release` holds it. */
export function dataPackage(release: PackageRelease): DataPackage {
  return {
    profile: 'tabular-data-package',
    name: 'foi-grooming-figures',
    title: 'Sexual communication with a child: police FOI figures by force, platform and period',
    description:
      'Police-recorded figures for the offence of sexual communication with a child (s.15A Sexual Offences Act ' +
      '2003, Home Office crime code 71/17) and the nearest offences in Scotland and Northern Ireland, as published ' +
      'in police FOI disclosures, NSPCC releases and news reports, one published fact per row, each with its page. ' +
      'Nothing is estimated or interpolated; an empty value is a gap, never zero. ' +
      `Data release ${release.id}: the files, the changelog entry and this description are frozen under releases/${release.id}/.`,
    version: release.id,
    created: `${release.date}T00:00:00Z`,
    keywords: ['online grooming', 'sexual communication with a child', 'police', 'FOI', 'NSPCC', 'platforms'],
    licenses: [
      {
        path: 'README.md#licence-and-credit',
        title:
          'Facts reported by the pages cited in sources.csv (cite the page with each figure); the curation (ids, ' +
          'mappings, qualifiers, documentation) may be reused with credit to the FOI grooming-data explorer',
      },
    ],
    sources: [
      { title: 'Police FOI disclosures, NSPCC releases and news reports: one page per row of sources.csv' },
      {
        title: 'ONS mid-2020 population estimates (released 25 June 2021)',
        path: 'https://www.ons.gov.uk/peoplepopulationandcommunity/populationandmigration/populationestimates',
      },
    ],
    resources: [
      resource(
        'figures',
        'Figures',
        'One published fact per row: one area, one period, one measure, one category, as its page gives it.',
        {
          fields: fieldsOf(FIGURE_COLUMNS, FIGURE_FIELDS, DATA_FILES.figures),
          primaryKey: 'id',
          foreignKeys: [
            { fields: 'area', reference: { resource: 'areas', fields: 'id' } },
            { fields: 'source', reference: { resource: 'sources', fields: 'id' } },
            {
              fields: ['period_start', 'period_end'],
              reference: { resource: 'periods', fields: ['start', 'end'] },
            },
          ],
        },
      ),
      resource('sources', 'Sources', 'One page (distinct URL) per row: where the figures were read.', {
        fields: [
          id('id', '"s" and a three-digit number, in order of first appearance in figures.csv'),
          url('url', 'The page, as visited'),
          oneOf('kind', 'What kind of page it is', SOURCE_KINDS),
          text('publisher', 'Human name of the site; for copies, what the page is', required),
          text('date', 'Publication date (YYYY-MM-DD or YYYY-MM) where the page shows one', {
            pattern: MONTH_OR_DAY,
          }),
        ],
        primaryKey: 'id',
      }),
      resource(
        'areas',
        'Areas',
        'Police forces (43 of England and Wales, Police Scotland, PSNI) and the published aggregates (countries, regions).',
        {
          fields: [
            id('id', 'Lower-case slug of the name'),
            text('name', 'The name used in the gathered data', required),
            oneOf('type', 'force, region or country', AREA_TYPES),
            text('region', 'Forces only: ONS region, or Wales / Scotland / Northern Ireland'),
            text(
              'nation',
              'england, wales, scotland or northern-ireland; for aggregates the nation if inside one',
            ),
            {
              name: 'ew43',
              type: 'boolean',
              description: '1 for the 43 territorial forces of England and Wales, else 0',
              trueValues: ['1'],
              falseValues: ['0'],
              constraints: required,
            },
            {
              name: 'tile_col',
              type: 'integer',
              description: 'The 43 forces only: column of the tile map (0 = west)',
              constraints: { minimum: 0 },
            },
            {
              name: 'tile_row',
              type: 'integer',
              description: 'The 43 forces only: row of the tile map (0 = north)',
              constraints: { minimum: 0 },
            },
            text('tile_label', "The force's short label on the tile map"),
            text('members', 'Aggregates only: the forces it covers by definition, ids separated by ";"', {
              pattern: ID_LIST,
            }),
            text('aliases', 'Other names pages and people use, separated by ";"'),
            text('note', 'Definitional facts about the area'),
          ],
          primaryKey: 'id',
        },
      ),
      resource('periods', 'Periods', 'Each distinct (start, end) period a figure covers.', {
        fields: [
          date('start', 'First day of the period'),
          date('end', 'Last day of the period (inclusive)'),
          text('label', 'Human label', required),
          text('short', 'Short label for axes and chips', required),
          oneOf('kind', 'What kind of period it is', PERIOD_KINDS),
        ],
        primaryKey: ['start', 'end'],
      }),
      resource('platforms', 'Platforms', 'Each platform a platform label names.', {
        fields: [
          id('id', 'Platform id'),
          text('name', 'Display name', required),
          text('owner', 'Owner id', { required: true, pattern: ID }),
          text('owner_name', 'Owner name', required),
        ],
        primaryKey: 'id',
      }),
      resource(
        'labels',
        'Platform labels',
        'Each raw platform label of figures.csv, mapped to the platforms and owners it covers; a label is never split.',
        {
          fields: [
            text('label', 'A category of platform and platform_share rows, byte for byte', required),
            text('platforms', 'Ids of the platforms the label covers (platforms.id), separated by ";"', {
              pattern: ID_LIST,
            }),
            text('owners', 'Owner ids of those platforms, separated by ";"', { pattern: ID_LIST }),
            oneOf('scope', 'platform, combined, owner or any', LABEL_SCOPES),
          ],
          primaryKey: 'label',
        },
      ),
      resource(
        'population',
        'Population',
        'Children and residents of each force area of England and Wales on 30 June 2020: the denominators of rates.',
        {
          fields: fieldsOf(POPULATION_COLUMNS, POPULATION_FIELDS, DATA_FILES.population),
          primaryKey: 'area',
          foreignKeys: [{ fields: 'area', reference: { resource: 'areas', fields: 'id' } }],
        },
        {
          licenses: [OGL],
          sources: [{ title: 'Source: Office for National Statistics' }],
        },
      ),
    ],
  };
}

/** The package as its file holds it: two-space JSON and a final newline. */
export const dataPackageText = (release: PackageRelease): string =>
  `${JSON.stringify(dataPackage(release), null, 2)}\n`;
