/**
 * The largest file a person can import: a valid CSV in the template's format (src/lib/import/template.ts), as
 * close under the import's 5 MB limit as whole rows allow. It is what a researcher who asked every force of
 * England and Wales for a monthly breakdown would type up: per force and month, the offences, how many had a
 * platform recorded, four platforms, the victims' genders and two age bands, each citing that force's FOI
 * reply; and each force's total for the latest year. Deterministic (a seeded generator), so every run measures the same bytes. Never shipped.
 */
import { IMPORT_MAX_BYTES } from '../src/lib/import/decode.ts';
import { random } from './steps.ts';

/** The 43 forces of England and Wales as a person writes them: names and usual aliases, not ids. */
const FORCES = [
  'Avon and Somerset Constabulary',
  'Bedfordshire Police',
  'Cambridgeshire',
  'Cheshire',
  'City of London',
  'Cleveland',
  'Cumbria',
  'Derbyshire',
  'Devon and Cornwall',
  'Dorset',
  'Durham',
  'Dyfed-Powys',
  'Essex',
  'Gloucestershire',
  'Greater Manchester',
  'Gwent',
  'Hampshire Constabulary',
  'Hertfordshire',
  'Humberside',
  'Kent',
  'Lancashire',
  'Leicestershire',
  'Lincolnshire',
  'Merseyside',
  'Metropolitan Police',
  'Norfolk',
  'North Wales',
  'North Yorkshire',
  'Northamptonshire',
  'Northumbria',
  'Nottinghamshire',
  'South Wales',
  'South Yorkshire',
  'Staffordshire',
  'Suffolk',
  'Surrey',
  'Sussex',
  'Thames Valley',
  'Warwickshire',
  'West Mercia',
  'West Midlands',
  'West Yorkshire',
  'Wiltshire',
];
const PLATFORMS = ['Snapchat', 'Instagram', 'Facebook', 'WhatsApp'];
const HEADER =
  'area,period_start,period_end,measure,category,value,qualifier,unit,share_base,note,evidence,' +
  'source_url,source_name,source_date,source_kind';

const pad = (n: number) => String(n).padStart(2, '0');
const slug = (name: string) => name.toLowerCase().replace(/[^a-z]+/g, '-');

/** The months from April 2017 (the offence began on the 3rd) as [start, end] dates, `count` of them. */
export function months(count: number): [string, string][] {
  return Array.from({ length: count }, (_, i) => {
    const y = 2017 + Math.floor((i + 3) / 12);
    const m = ((i + 3) % 12) + 1;
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return [`${y}-${pad(m)}-${i === 0 ? '03' : '01'}`, `${y}-${pad(m)}-${last}`];
  });
}

/** One force's month: the rows of its reply, with values drawn from `rnd`. */
function monthRows(
  force: string,
  [start, end]: [string, string],
  reply: number,
  rnd: () => number,
): string[] {
  const year = Number(end.slice(0, 4)) + 1;
  const source =
    `https://www.${slug(force)}.police.uk/foi/${year}-${reply},` +
    `FOI reply ${year}/${reply},${year}-0${1 + (reply % 9)},foi_disclosure`;
  const offences = 5 + Math.floor(rnd() * 60);
  const known = Math.floor(offences * (0.5 + rnd() * 0.4));
  // A small count is published as "<5", as forces do to protect victims.
  const count = (n: number) => (n < 5 ? '<5' : String(n));
  const row = (measure: string, category: string, value: string, evidence: string, note = '') =>
    `${force},${start},${end},${measure},${category},${value},,count,,${note},${evidence},${source}`;
  const rows = [
    row('offences', '', String(offences), 'Table 1'),
    row('platform_known', '', String(known), 'Table 2'),
  ];
  for (const p of PLATFORMS)
    rows.push(row('platform', p, count(Math.floor(known * rnd() * 0.4)), `Table 2 ${p}`));
  const female = Math.floor(offences * (0.7 + rnd() * 0.2));
  rows.push(row('victim_gender', 'female', count(female), 'Table 3'));
  rows.push(row('victim_gender', 'male', count(offences - female), 'Table 3'));
  const young = Math.floor(offences * rnd() * 0.3);
  rows.push(row('victim_age', '11 and under', count(young), 'Table 4', 'age when offended against'));
  rows.push(row('victim_age', '12-15', count(offences - young), 'Table 4'));
  return rows;
}

/**
 * The file's text: the header, then force by force, month by month, as many whole months as fit in
 * `maxBytes` (the import's limit by default). Every byte is ASCII, so its length is its size.
 */
export function importFile(maxBytes = IMPORT_MAX_BYTES, seed = 25): { text: string; rows: number } {
  const rnd = random(seed);
  // First each force's total for 2025/26, a year the published data does not have yet: the rows a chart of
  // financial years shows as "Your data".
  const lines = [HEADER];
  for (const [f, force] of FORCES.entries())
    lines.push(
      `${force},2025-04-01,2026-03-31,offences,,${100 + Math.floor(rnd() * 900)},,count,,,Table 1,` +
        `https://www.${slug(force)}.police.uk/foi/2026-${f},FOI reply 2026/${f},2026-05,foi_disclosure`,
    );
  let bytes = lines.reduce((n, l) => n + l.length + 1, 0);
  let rows = FORCES.length;
  const periods = months(8 * 12);
  for (let m = 0; m < periods.length; m++)
    for (const [f, force] of FORCES.entries()) {
      const block = monthRows(force, periods[m]!, 100 + f * 7 + Math.floor(m / 12), rnd);
      const size = block.reduce((n, l) => n + l.length + 1, 0);
      if (bytes + size > maxBytes) return { text: lines.join('\n') + '\n', rows };
      lines.push(...block);
      bytes += size;
      rows += block.length;
    }
  return { text: lines.join('\n') + '\n', rows };
}
