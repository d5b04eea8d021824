/**
 * Reads a CSV export into sheet rows: UTF-8 (BOM or not), comma or semicolon (whichever the
 * header line has more of, outside quotes), quoted fields with delimiters, quotes and line breaks.
 * A row's line is the line its record starts on, as a text editor numbers it (CRLF, CR or LF).
 */
import { parse } from 'csv-parse/sync';
import { msg } from './messages';
import type { SheetReadResult, SheetRow } from './sheet';
import { decodeCsvBytes } from './utf8';

/** Lines looked at for the delimiter: title rows above the header may hold none. */
const DELIMITER_LINES = 20;

/**
 * `;` when the first line holding a delimiter (outside quotes), among the first
 * DELIMITER_LINES, has more semicolons than commas, else `,`. That line is the header, or a
 * title row padded with the same delimiter.
 */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let lines = 0;
  let quoted = false;
  for (let i = 0; i < text.length && lines < DELIMITER_LINES; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n'))) {
      if (commas + semicolons > 0) break;
      lines += 1;
    } else if (!quoted && ch === ',') commas += 1;
    else if (!quoted && ch === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}

function lineBreaks(text: string): number {
  return /[\r\n]/.test(text) ? (text.match(/\r\n|\r|\n/g)?.length ?? 0) : 0;
}

function errorCode(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : String(e);
}

export function readCsv(content: Buffer): SheetReadResult {
  const decoded = decodeCsvBytes(content);
  if (!decoded.ok) {
    return decoded.reason === 'utf16'
      ? { ok: false, issue: { line: 0, column: null, code: 'BAD_FILE', message: msg.utf16() } }
      : { ok: false, issue: { line: decoded.line, column: null, code: 'BAD_FILE', message: msg.notUtf8(decoded.line) } };
  }
  // Line numbers are counted here, not taken from csv-parse (which counts a quoted CRLF twice):
  // a record spans one line plus the line breaks inside its quoted fields (CRLF, CR or LF).
  const starts: number[] = [];
  let next = 1;
  try {
    const records = parse(decoded.text, {
      delimiter: detectDelimiter(decoded.text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      on_record: (cells) => {
        starts.push(next);
        next += 1 + cells.reduce((n, cell) => n + lineBreaks(cell), 0);
        return cells;
      },
    });
    return { ok: true, rows: records.map((cells, i): SheetRow => ({ line: starts[i] ?? 0, cells })) };
  } catch (e) {
    const line = next;
    const code = errorCode(e);
    const message = code === 'CSV_QUOTE_NOT_CLOSED' ? msg.unclosedQuote(line) : msg.badCsv(line, code);
    return { ok: false, issue: { line, column: null, code: 'BAD_FILE', message } };
  }
}
