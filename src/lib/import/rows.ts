/**
 * One imported row: friendly spellings read (cells.ts), then the shared row rules of the bundled data's check
 * (`checkFigure` in validate.ts; its source in ./source.ts) decide, then the few rules only imported rows need
 * (negative or absurdly large numbers, contradictory markers). The outcome is a figure or the list of reasons
 * it is not one; never both, never neither.
 */
import { parseValue } from '../data/load.ts';
import {
  MEASURES,
  PLATFORM_MEASURES,
  QUALIFIERS,
  SHARE_BASES,
  VALUELESS_QUALIFIERS,
  type Completeness,
  type Measure,
  type Qualifier,
  type ShareBase,
  type Unit,
} from '../data/schema.ts';
import { checkFigure, type RawRow, type References } from '../data/validate.ts';
import { areaIndex, type AreaIndex } from './areas.ts';
import {
  type CellProblem,
  type CellWarning,
  type ImportReference,
  type RowOutcome,
  USER_SOURCE,
  clip,
} from './outcome.ts';
import {
  foldLabel,
  normaliseMeasure,
  normaliseQualifier,
  normaliseShareBase,
  readDate,
  readValue,
  unitWord,
  type ImportColumn,
} from './cells.ts';
import { readSource } from './source.ts';

const PLAIN = /^-?\d+(\.\d+)?$/;
const HINTS: Record<string, string> = {
  measure: ` (one of ${MEASURES.join(', ')})`,
  qualifier: ` (one of ${QUALIFIERS.join(', ')}; "at least", "approx" and "n/a" also do)`,
  share_base: ` (one of ${SHARE_BASES.join(', ')})`,
};

/** What every row is checked against; built once per file. */
export class RowChecker {
  readonly areas: AreaIndex;
  private readonly refs: References & { labels: Set<string> };
  private readonly labelByFold = new Map<string, string>();

  constructor(
    private readonly ds: ImportReference,
    private readonly file: string,
  ) {
    this.areas = areaIndex(ds);
    for (const label of ds.labels.keys())
      if (!this.labelByFold.has(foldLabel(label))) this.labelByFold.set(foldLabel(label), label);
    // Unknown labels join `labels` as they are met: an imported row may name a platform of its own.
    this.refs = {
      areas: new Set(ds.areas.keys()),
      sources: new Set([USER_SOURCE]),
      labels: new Set(ds.labels.keys()),
    };
  }

  check(get: (column: ImportColumn) => string, line: number): RowOutcome {
    const problems: CellProblem[] = [];
    const warnings: CellWarning[] = [];
    const reject = (column: ImportColumn, reason: string) => {
      const value = get(column);
      problems.push(
        value
          ? { column, reason: clip(reason, 300), value: clip(value) }
          : { column, reason: clip(reason, 300) },
      );
    };
    const warn = (column: string, message: string) => warnings.push({ column, message: clip(message, 300) });

    const areaText = get('area');
    const area = areaText ? (this.areas.resolve(areaText) ?? areaText) : '';
    const start = readDate(get('period_start'));
    const end = readDate(get('period_end'));
    const measure = normaliseMeasure(get('measure'));
    const isPlatform = PLATFORM_MEASURES.has(measure as Measure);

    let category = get('category');
    let unknownLabel: string | undefined;
    if (isPlatform && category && !this.ds.labels.has(category)) {
      const known = this.labelByFold.get(foldLabel(category));
      if (known) {
        warn('category', `"${category}" read as the known platform label "${known}"`);
        category = known;
      } else {
        unknownLabel = category;
        this.refs.labels.add(category);
        warn(
          'category',
          `"${category}" is not a known platform label: kept as a platform of its own, which no platform ` +
            'filter selects',
        );
      }
    }

    const valueCell = get('value');
    const value = readValue(valueCell);
    let qualifier = normaliseQualifier(get('qualifier'));
    let valueText = '';
    let percentSign = false;
    const notes: string[] = [];
    if (value.kind === 'empty') {
      if (!qualifier || !VALUELESS_QUALIFIERS.has(qualifier as Qualifier))
        reject(
          'value',
          'the value is empty: give the number, or set the qualifier to suppressed or not_available',
        );
    } else if (value.kind === 'number') {
      valueText = value.text;
      percentSign = value.percent;
      if (VALUELESS_QUALIFIERS.has(qualifier as Qualifier))
        reject('value', `a ${qualifier} row leaves the value empty, found "${valueCell}"`);
    } else if (value.kind === 'marker') {
      if (qualifier && qualifier !== value.qualifier)
        reject(
          'value',
          `"${valueCell}" marks a ${value.qualifier} figure, but the qualifier says "${qualifier}"`,
        );
      qualifier = value.qualifier;
      valueText = value.text;
      // "<5" keeps its bound, ">200" and "~1,000" their wording; "*" and "n/a" say no more than the qualifier.
      if (value.qualifier === 'suppressed' ? value.bound !== undefined : value.qualifier !== 'not_available')
        notes.push(`published as "${valueCell}"`);
    } else {
      reject('value', `"${valueCell}" is not a number${value.hint ? `: ${value.hint}` : ''}`);
    }
    qualifier ||= 'exact';

    const unitCell = get('unit');
    const unit = unitCell
      ? unitWord(unitCell)
      : measure === 'platform_share' || percentSign
        ? 'percent'
        : 'count';
    if (percentSign && unit !== 'percent')
      reject('value', `"${valueCell}" is a percentage, but the unit is "${unitCell}"`);

    let shareBase = normaliseShareBase(get('share_base'));
    if (measure === 'platform_share' && !shareBase) {
      shareBase = 'unstated';
      warn('share_base', 'no share base given: recorded as "unstated" (the share of what is not said)');
    }

    if (PLAIN.test(valueText)) {
      const n = parseValue(valueText);
      if (n == null || Math.abs(n) >= 1e12)
        reject('value', `too large to be a published figure: ${clip(valueText, 30)}`);
      else if (n < 0) reject('value', `a count or a share cannot be negative: ${clip(valueText, 30)}`);
      else if ((valueText.split('.')[1] ?? '').length > 6)
        reject('value', `more than 6 decimals: ${clip(valueText, 30)}`);
      else if (unit === 'count' && !Number.isInteger(n))
        warn(
          'value',
          `a count of ${valueText} has decimals (if a point separates thousands, write ${valueText.replace('.', '')})`,
        );
    }

    const source = readSource(get, this.file, line, problems);

    const row: RawRow = {
      area,
      period_start: start,
      period_end: end,
      measure,
      category,
      value: valueText,
      qualifier,
      unit,
      share_base: shareBase,
      completeness: get('completeness'),
      note: get('note'),
      source: USER_SOURCE,
    };
    const reported = new Set(problems.map((p) => p.column));
    for (const p of checkFigure(row, this.refs, this.file, line)) {
      if (reported.has(p.column)) continue;
      let reason = p.message + (HINTS[p.column] ?? '');
      if (p.column === 'area' && area === areaText && areaText) {
        const suggestion = this.areas.suggest(areaText);
        if (suggestion) reason += `: did you mean "${suggestion}"?`;
      }
      reject(p.column as ImportColumn, reason);
    }
    if (problems.length) return { ok: false, problems };

    const note = [get('note'), ...notes].filter(Boolean).join('; ');
    return {
      ok: true,
      figure: {
        area,
        period_start: start,
        period_end: end,
        measure: measure as Measure,
        category,
        value: VALUELESS_QUALIFIERS.has(qualifier as Qualifier) ? null : parseValue(valueText),
        qualifier: qualifier as Qualifier,
        unit: unit as Unit,
        share_base: shareBase as ShareBase | '',
        completeness: get('completeness') as Completeness,
        note,
        evidence: get('evidence'),
      },
      source,
      ...(unknownLabel === undefined ? {} : { unknownLabel }),
      warnings,
    };
  }
}
