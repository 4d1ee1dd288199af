/**
 * From a file a person picked to text: size limit, decoding, binary and empty files, line endings. What
 * cannot be read as text at all is refused here, before any record is read (./records.ts).
 */

import { formatMegabytes } from '../words/numbers.ts';

/** The largest file the import reads: 5 MB, far above any FOI reply, small enough for any browser tab. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

/** A text-level refusal: the file is not read at all. */
export class RefusedFile extends Error {
  override name = 'RefusedFile';
}

export function sizeError(bytes: number): string | null {
  return bytes > IMPORT_MAX_BYTES
    ? `This file is ${formatMegabytes(bytes)}; the limit is ${formatMegabytes(IMPORT_MAX_BYTES)}. Split it into smaller files.`
    : null;
}

/** UTF-8 length of a string, counting no further than `stop` bytes. */
export function utf8Length(text: string, stop = Infinity): number {
  let n = 0;
  for (let i = 0; i < text.length && n <= stop; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Bytes to text: a byte-order mark decides (UTF-8, or UTF-16 as Excel's "Unicode text" writes it); else
 * strict UTF-8, falling back to Windows-1252 (what Excel on Windows writes as "CSV") when that fails.
 */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: string } {
  const [a, b, c] = bytes;
  if (a === 0xff && b === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'UTF-16LE' };
  if (a === 0xfe && b === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'UTF-16BE' };
  const bom = a === 0xef && b === 0xbb && c === 0xbf;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    if (bom) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'UTF-8' };
    return { text: decodeWindows1252(bytes), encoding: 'Windows-1252' };
  }
}

// Windows-1252 differs from Latin-1 only in 0x80-0x9F (curly quotes, dashes, €). Decoded here, because
// some runtimes' TextDecoder('windows-1252') is plain Latin-1 (Node 20).
const CP1252 =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';
function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = Array.from(bytes.subarray(i, i + 8192), (b) =>
      b >= 0x80 && b < 0xa0 ? CP1252.charCodeAt(b - 0x80) : b,
    );
    text += String.fromCharCode(...chunk);
  }
  return text;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;

/** Refuses text that cannot be a CSV file: empty, binary. Returns the text without its BOM. */
export function screenText(raw: string): string {
  const text = raw.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new RefusedFile('The file is empty.');
  if (!/[\p{L}\p{N}]/u.test(text.slice(0, IMPORT_MAX_BYTES)))
    throw new RefusedFile(
      'The file is empty: it holds no letters or digits, only separators and blank lines.',
    );
  const sample = text.slice(0, 65_536);
  const controls = sample.match(CONTROL)?.length ?? 0;
  const unreadable = sample.match(/\uFFFD/g)?.length ?? 0;
  if (sample.includes('\u0000') || controls > sample.length / 100 || unreadable > sample.length / 10)
    throw new RefusedFile(
      'This is not a CSV text file: it holds binary data (a spreadsheet such as .xlsx, a PDF or an image?). ' +
        'Save the sheet as "CSV UTF-8" and load that file.',
    );
  return text;
}

/** Windows (CRLF) and old Mac (CR) line endings become LF, so that lines count as an editor counts them. */
export const normaliseNewlines = (text: string): string => text.replace(/\r\n?/g, '\n');
