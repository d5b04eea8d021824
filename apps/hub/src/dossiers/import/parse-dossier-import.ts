/**
 * Entry point: bytes of a portal export (CSV or XLSX) -> checked rows and issues. Pure apart
 * from parsing: no database; the hub checks codes already stored and procedure references.
 */
import { msg } from './messages';
import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';
import { MAX_IMPORT_BYTES, type ParsedImport } from './types';
import { validateSheet } from './validate-sheet';

export async function parseDossierImport(content: Buffer, format: 'csv' | 'xlsx'): Promise<ParsedImport> {
  if (content.length > MAX_IMPORT_BYTES) {
    return { rows: [], issues: [{ line: 0, column: null, code: 'BAD_FILE', message: msg.fileTooBig(content.length) }] };
  }
  const sheet = format === 'csv' ? readCsv(content) : await readXlsx(content);
  if (!sheet.ok) return { rows: [], issues: [sheet.issue] };
  return validateSheet(sheet.rows);
}
