/** Test helper: the real files in test/fixtures/dossier-import/. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FIXTURE_DIR = fileURLToPath(new URL('../../../../../test/fixtures/dossier-import/', import.meta.url));

export function fixture(name: string): Buffer {
  return readFileSync(`${FIXTURE_DIR}${name}`);
}

/** Epoch ms of a local time in Asia/Ho_Chi_Minh, written out in full for readable expectations. */
export const vn = (isoLocal: string): number => Date.parse(`${isoLocal}+07:00`);
