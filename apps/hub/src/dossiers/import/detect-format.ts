/**
 * Which reader an upload needs. The bytes decide first: a zip (`PK\x03\x04`) is an XLSX, an old
 * binary `.xls` (OLE2) is refused; then the file name, then the Content-Type.
 */

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Browsers on Windows send `application/vnd.ms-excel` for a .csv when Excel is installed. */
const CSV_TYPES = ['text/csv', 'application/csv', 'text/comma-separated-values', 'text/plain', 'application/vnd.ms-excel'];

const startsWith = (head: Buffer, magic: readonly number[]): boolean => head.length >= magic.length && magic.every((b, i) => head[i] === b);

function extensionOf(fileName: string | null): string | null {
  const m = /\.([A-Za-z0-9]+)\s*$/.exec(fileName ?? '');
  return m?.[1] ? m[1].toLowerCase() : null;
}

/** Whether the head looks like text: no NUL byte (a UTF-16 BOM is let through, to be reported clearly). */
function looksLikeText(head: Buffer): boolean {
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  return utf16 || !head.includes(0);
}

export function detectImportFormat(fileName: string | null, contentType: string | null, head: Buffer): 'csv' | 'xlsx' | null {
  if (startsWith(head, ZIP)) return 'xlsx';
  if (startsWith(head, OLE2)) return null;
  const ext = extensionOf(fileName);
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (ext === 'xlsx' || ext === 'xlsm' || ext === 'xls' || type === XLSX_TYPE) return null;
  if (!looksLikeText(head)) return null;
  if (ext === 'csv' || ext === 'txt' || CSV_TYPES.includes(type)) return 'csv';
  return ext === null && type === '' ? 'csv' : null;
}
