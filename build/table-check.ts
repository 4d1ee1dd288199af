/**
 * Validates CSV files against the Table Schemas of a Data Package (src/lib/data/datapackage.ts), naming the
 * file, line and field of every problem. Each cell is read by the Table Schema's own rules (an empty cell is
 * missing; an integer, number or boolean cell becomes one when its text is one, and stays text when it is not),
 * and each row, so typed, is checked by Ajv (a maintained JSON Schema validator) against a JSON Schema made from
 * the field descriptors: types, date and URI formats, enums, patterns, minimums, required fields. Primary keys
 * (unique) and foreign keys (present in the referenced file) are checked over the files.
 *
 * Why not the npm `tableschema`/`datapackage` packages: they install and run on Node 20, but their last
 * releases are years old, their repositories are archived, and they pin dependencies with published
 * advisories (axios 0.21, moment ~2.24) that cannot be updated under them.
 */
import * as aq from 'arquero';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { DataPackage } from '../src/lib/data/datapackage.ts';
import type { Field, Resource } from '../src/lib/data/table-schema.ts';
import { recordLines } from '../src/lib/data/file-rules.ts';
import type { Problem } from '../src/lib/data/validate.ts';

type Cell = string | number | boolean;
type Row = Record<string, Cell>;

const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A cell as the Table Schema reads it: undefined when missing, typed when its text is of the field's type. */
export function castCell(field: Field, raw: string, missing: readonly string[]): Cell | undefined {
  if (missing.includes(raw)) return undefined;
  switch (field.type) {
    case 'integer':
      return INTEGER.test(raw) ? Number(raw) : raw;
    case 'number':
      return NUMBER.test(raw) ? Number(raw) : raw;
    case 'boolean':
      return (field.trueValues ?? ['true']).includes(raw)
        ? true
        : (field.falseValues ?? ['false']).includes(raw)
          ? false
          : raw;
    default:
      return raw;
  }
}

/** The JSON Schema of one typed row of a resource. */
function rowSchema(resource: Resource): object {
  const property = (f: Field) => {
    const c = f.constraints ?? {};
    return {
      type: f.type === 'date' ? 'string' : f.type,
      ...(f.type === 'date' ? { format: 'date' } : {}),
      ...(f.format ? { format: f.format } : {}),
      ...(c.enum ? { enum: c.enum } : {}),
      ...(c.pattern ? { pattern: c.pattern } : {}),
      ...(c.minimum !== undefined ? { minimum: c.minimum } : {}),
      ...(c.maximum !== undefined ? { maximum: c.maximum } : {}),
    };
  };
  const fields = resource.schema.fields;
  return {
    type: 'object',
    properties: Object.fromEntries(fields.map((f) => [f.name, property(f)])),
    required: fields.filter((f) => f.constraints?.required).map((f) => f.name),
  };
}

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats.default(ajv, ['date', 'uri']);
const compiled = new WeakMap<Resource, ValidateFunction>();
const validatorOf = (r: Resource): ValidateFunction => {
  let v = compiled.get(r);
  if (!v) compiled.set(r, (v = ajv.compile(rowSchema(r))));
  return v;
};

/** Ajv's error in words: the value, and what the field's descriptor asks of it. */
function describe(e: ErrorObject, raw: string | undefined, field: Field | undefined): string {
  if (e.keyword === 'required') return `${field?.type ?? 'value'} is required and the cell is empty`;
  const shown = JSON.stringify(raw ?? '');
  if (e.keyword === 'enum') return `${shown} is not one of ${(field?.constraints?.enum ?? []).join(', ')}`;
  if (e.keyword === 'type') return `${shown} is not of type ${field?.type}`;
  if (e.keyword === 'format')
    return `${shown} is not a ${field?.type === 'date' ? 'date (YYYY-MM-DD)' : e.params.format}`;
  return `${shown} ${e.message ?? 'is not valid'}`;
}

interface Parsed {
  resource: Resource;
  file: string;
  rows: Row[];
  lines: number[];
}

const keyOf = (row: Row, fields: string | string[]) =>
  [fields].flat().every((f) => row[f] !== undefined)
    ? JSON.stringify([fields].flat().map((f) => row[f]))
    : null;
/** A key as a reader writes it: "a" for one field, ["a","b"] for several. */
const shownKey = (key: string) => {
  const parts = JSON.parse(key) as Cell[];
  return parts.length === 1 ? JSON.stringify(parts[0]) : key;
};

/**
 * Every problem of the files `read` gives (by path, relative to the package) against the package `pkg`; `dir` is
 * what problems name the files by (`data`, `data/releases/<id>`).
 */
export function checkTables(pkg: DataPackage, read: (path: string) => string, dir: string): Problem[] {
  const problems: Problem[] = [];
  const parsed = new Map<string, Parsed>();
  for (const resource of pkg.resources) {
    const file = `${dir}/${resource.path}`;
    let text: string;
    try {
      text = read(resource.path);
    } catch {
      problems.push({
        file,
        line: 1,
        column: '*',
        message: `no file ${resource.path}, which the package lists`,
      });
      continue;
    }
    const table = aq.fromCSV(text, { autoType: false });
    const names = resource.schema.fields.map((f) => f.name);
    if (table.columnNames().join(',') !== names.join(',')) {
      problems.push({
        file,
        line: 1,
        column: '*',
        message: `the columns are ${table.columnNames().join(', ')}; the package describes ${names.join(', ')}`,
      });
      continue;
    }
    const lines = recordLines(text);
    const validate = validatorOf(resource);
    const missing = resource.schema.missingValues;
    const rows: Row[] = [];
    (table.objects() as Record<string, string | null>[]).forEach((raw, i) => {
      const line = lines[i] ?? i + 2;
      const row: Row = {};
      for (const f of resource.schema.fields) {
        const cell = castCell(f, raw[f.name] ?? '', missing);
        if (cell !== undefined) row[f.name] = cell;
      }
      rows.push(row);
      if (validate(row)) return;
      for (const e of validate.errors ?? []) {
        const column =
          e.keyword === 'required' ? String(e.params.missingProperty) : e.instancePath.replace(/^\//, '');
        const field = resource.schema.fields.find((f) => f.name === column);
        problems.push({ file, line, column, message: describe(e, raw[column] ?? undefined, field) });
      }
    });
    parsed.set(resource.name, { resource, file, rows, lines });
  }

  for (const { resource, file, rows, lines } of parsed.values()) {
    const pk = resource.schema.primaryKey;
    const seen = new Map<string, number>();
    rows.forEach((row, i) => {
      const key = keyOf(row, pk);
      if (key === null) return;
      const first = seen.get(key);
      if (first)
        problems.push({
          file,
          line: lines[i] ?? i + 2,
          column: [pk].flat().join(','),
          message: `primary key ${shownKey(key)} already used at line ${first}`,
        });
      else seen.set(key, lines[i] ?? i + 2);
    });
    for (const fk of resource.schema.foreignKeys ?? []) {
      const target = parsed.get(fk.reference.resource);
      if (!target) continue;
      const keys = new Set(target.rows.map((r) => keyOf(r, fk.reference.fields)).filter((k) => k !== null));
      rows.forEach((row, i) => {
        const key = keyOf(row, fk.fields);
        if (key !== null && !keys.has(key))
          problems.push({
            file,
            line: lines[i] ?? i + 2,
            column: [fk.fields].flat().join(','),
            message: `no row of ${target.resource.path} has ${[fk.reference.fields].flat().join(',')} ${shownKey(key)}`,
          });
      });
    }
  }
  return problems;
}
