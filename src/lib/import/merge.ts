/**
 * Imported figures joined to the bundled dataset, beside it or instead of it, as one Dataset that every
 * query, chart and table already understands. User rows keep their own ids (u0001…) and sources (user…),
 * so the UI can mark them "your data" anywhere.
 */
import * as aq from 'arquero';
import { makePeriod, type Dataset } from '../data/load.ts';
import { FIGURE_COLUMNS, type Period, type PeriodKind } from '../data/schema.ts';
import { labelForUnknown } from './outcome.ts';
import type { ImportedData } from './import.ts';
import { periodKeyOf } from '../query/period.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const day = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}`;
};

/** A period the bundled data lacks, labelled by its dates and never given an id the dataset already uses. */
function userPeriod(start: string, end: string, takenIds: ReadonlySet<string>): Period {
  const y = Number(start.slice(0, 4));
  const financialYear = (start === `${y}-04-01` || start === '2017-04-03') && end === `${y + 1}-03-31`;
  const days = (Date.parse(end) - Date.parse(start)) / 86_400_000 + 1;
  const label = `${day(start)}–${day(end)}`;
  let kind: PeriodKind = financialYear ? 'financial_year' : days > 366 ? 'multi_year' : 'partial';
  if (kind === 'financial_year' && takenIds.has(makePeriod(start, end, label, '', kind).id)) kind = 'partial';
  return makePeriod(start, end, label, label, kind);
}

/**
 * The dataset with the imported figures beside the bundled ones (`beside`) or alone (`instead`); their
 * sources, periods and unknown platform labels are added. Nothing of `ds` is changed.
 */
export function withImported(
  ds: Dataset,
  data: ImportedData,
  mode: 'beside' | 'instead' = 'beside',
): Dataset {
  const columns: Record<string, unknown[]> = {};
  for (const c of FIGURE_COLUMNS) columns[c] = data.figures.map((f) => f[c]);
  const user = aq.table(columns);
  const figures = mode === 'instead' ? user : ds.figures.concat(user);

  const sources = new Map(ds.sources);
  for (const s of data.sources) sources.set(s.id, s);

  const labels = new Map(ds.labels);
  for (const label of data.unknownLabels) if (!labels.has(label)) labels.set(label, labelForUnknown(label));

  const periods = [...ds.periods];
  const keys = new Set(ds.periodByKey.keys());
  const ids = new Set(ds.periodById.keys());
  for (const f of data.figures) {
    const key = periodKeyOf(f);
    if (keys.has(key)) continue;
    const p = userPeriod(f.period_start, f.period_end, ids);
    periods.push(p);
    keys.add(key);
    ids.add(p.id);
  }
  periods.sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));

  return {
    ...ds,
    figures,
    sources,
    labels,
    periods,
    periodByKey: new Map(periods.map((p) => [p.key, p])),
    periodById: new Map(periods.map((p) => [p.id, p])),
  };
}
