/**
 * Writes a brotli (`.br`, maximum quality) and a gzip (`.gz`, level 9) copy beside every compressible file of
 * the build, once, so that a static host serves them as they are (nginx: gzip_static, brotli_static) and
 * compresses nothing per request. A copy that would not be smaller than its file is not written.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export const COMPRESSIBLE = /\.(html|js|css|csv|svg|json)$/;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

export interface Compressed {
  /** Path in the folder, with '/'. */
  file: string;
  size: number;
  /** Bytes of the .br and the .gz, or null where none was written (not smaller). */
  br: number | null;
  gz: number | null;
}

/** Every file under `dir`, as paths relative to it with '/'. */
export async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

export async function precompressFile(
  path: string,
): Promise<{ size: number; br: number | null; gz: number | null }> {
  const data = await readFile(path);
  const [b, g] = await Promise.all([
    brotli(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
    gz(data, { level: 9 }),
  ]);
  const write = async (ext: string, out: Buffer) => {
    if (out.length >= data.length) return null;
    await writeFile(`${path}.${ext}`, out);
    return out.length;
  };
  return { size: data.length, br: await write('br', b), gz: await write('gz', g) };
}

/** Precompresses every compressible file under `dir`. */
export async function precompress(dir: string): Promise<Compressed[]> {
  const files = (await filesIn(dir)).filter((f) => COMPRESSIBLE.test(f));
  return Promise.all(files.map(async (file) => ({ file, ...(await precompressFile(join(dir, file))) })));
}
