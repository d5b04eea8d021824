/**
 * Brotli and gzip copies of the built web UIs, written next to each file (`x.js.br`, `x.js.gz`)
 * so the hub serves them by the browser's Accept-Encoding without compressing on each request
 * (apps/hub/src/http/static.ts; docs/decisions/0005-compressed-ui-and-woff2.md). Formats that are
 * compressed already (images, WOFF2, audio) are left alone, and so is a copy that would not be
 * smaller than the file.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * Text and uncompressed binary formats the UIs ship. Not audio: media elements fetch byte ranges
 * (and the voice clips are served from --voice-dir too, uncompressed).
 */
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.json', '.txt', '.map', '.ttf', '.otf', '.xml', '.webmanifest', '.wasm']);

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

export interface PrecompressTotals {
  files: number;
  bytes: number;
  br: number;
  gz: number;
}

export function precompressDir(dir: string): PrecompressTotals {
  const totals: PrecompressTotals = { files: 0, bytes: 0, br: 0, gz: 0 };
  for (const path of [...files(dir)]) {
    if (!COMPRESSIBLE.has(extname(path).toLowerCase())) continue;
    const body = readFileSync(path);
    const br = brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    });
    const gz = gzipSync(body, { level: 9 });
    totals.files += 1;
    totals.bytes += body.length;
    if (br.length < body.length) writeFileSync(`${path}.br`, br);
    if (gz.length < body.length) writeFileSync(`${path}.gz`, gz);
    totals.br += Math.min(br.length, body.length);
    totals.gz += Math.min(gz.length, body.length);
    if (statSync(path).size !== body.length) throw new Error(`${path} changed while compressing`);
  }
  return totals;
}
