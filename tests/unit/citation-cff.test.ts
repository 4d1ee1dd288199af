/**
 * CITATION.cff, which GitHub ("Cite this repository") and Zenodo read: valid against the Citation File Format
 * 1.2.0's required fields and the shapes of the fields it uses, and naming the current data release.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { readReleases } from '../../build/release-archive.ts';
import { citationFileFor } from '../../build/datapackage.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const text = readFileSync(join(ROOT, 'CITATION.cff'), 'utf8');

/** CFF 1.2.0 (citation-file-format.github.io/1.2.0/schema): the required keys and the shapes of those used here. */
const CFF_1_2_0 = {
  type: 'object',
  required: ['cff-version', 'message', 'title', 'authors'],
  properties: {
    'cff-version': { type: 'string', pattern: '^1\\.2\\.0$' },
    message: { type: 'string', minLength: 1 },
    title: { type: 'string', minLength: 1 },
    abstract: { type: 'string', minLength: 1 },
    type: { enum: ['dataset', 'software'] },
    authors: {
      type: 'array',
      minItems: 1,
      items: {
        anyOf: [
          { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1 } } },
          {
            type: 'object',
            anyOf: [{ required: ['family-names'] }, { required: ['given-names'] }],
            properties: { 'family-names': { type: 'string' }, 'given-names': { type: 'string' } },
          },
        ],
      },
    },
    keywords: { type: 'array', items: { type: 'string', minLength: 1 } },
    version: { type: 'string', minLength: 1 },
    'date-released': { type: 'string', format: 'date' },
  },
  additionalProperties: false,
};

describe('CITATION.cff', () => {
  const cff = parse(text) as Record<string, unknown>;

  it('meets the Citation File Format 1.2.0', () => {
    const ajv = new Ajv({ allErrors: true });
    addFormats.default(ajv, ['date']);
    const validate = ajv.compile(CFF_1_2_0);
    expect(validate(cff), JSON.stringify(validate.errors)).toBe(true);
  });

  it('fails without a required key', () => {
    const ajv = new Ajv({ allErrors: true });
    addFormats.default(ajv, ['date']);
    const validate = ajv.compile(CFF_1_2_0);
    const { authors: _, ...rest } = cff;
    expect(validate(rest)).toBe(false);
    expect(validate.errors?.[0]?.params).toEqual({ missingProperty: 'authors' });
  });

  it('names the current data release, as `npm run datapackage` writes it', () => {
    const { current } = readReleases(join(ROOT, 'data'));
    expect(cff.version).toBe(current.id);
    expect(cff['date-released']).toBe(current.date);
    expect(citationFileFor(text, current)).toBe(text);
    expect(citationFileFor(text, { id: '2027-01-02-abcdef', date: '2027-01-02' })).toContain(
      "version: '2027-01-02-abcdef'\ndate-released: '2027-01-02'\n",
    );
  });
});
