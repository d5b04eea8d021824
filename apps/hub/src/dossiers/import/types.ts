/**
 * The importer's public shapes: what `parseDossierImport` returns and the hub stores or reports.
 * The hub adds its own checks (code already stored, unknown procedure) as issues of the same shape.
 */

export type ImportStatus = 'processing' | 'needs_supplement' | 'rejected' | 'result_ready' | 'returned';

/** How the dossier was filed: at the counter (trực tiếp), online (trực tuyến) or by post (bưu chính). */
export type ImportChannel = 'counter' | 'online' | 'post';

export interface ImportRow {
  /** 1-based line (CSV: the line the record starts on) or row (XLSX) as the user sees it; header = 1. */
  line: number;
  code: string;
  /** A procedure code or its exact name, as written (trimmed, NFC, inner whitespace collapsed). */
  procedureRef: string;
  /** Epoch ms of the local (Asia/Ho_Chi_Minh) time, or of local midnight when no time is given. */
  receivedAt: number;
  /** Local date `YYYY-MM-DD` (a time in the cell is dropped). */
  dueDate: string;
  status: ImportStatus;
  resolvedAt: number | null;
  returnedAt: number | null;
  applicantName: string | null;
  /** From the channel column (“Hình thức nộp”…); 'online' when the file has none. */
  channel: ImportChannel;
}

export type ImportIssueCode =
  | 'MISSING_COLUMN'
  | 'MISSING_VALUE'
  | 'BAD_DATE'
  | 'BAD_STATUS'
  | 'BAD_CHANNEL'
  | 'CODE_DATE_MISMATCH'
  | 'NO_HEADER'
  | 'BAD_CODE'
  | 'DUPLICATE_IN_FILE'
  | 'DUE_BEFORE_RECEIVED'
  | 'TOO_MANY_ROWS'
  | 'BAD_FILE';

export interface ImportIssue {
  /** As `ImportRow.line`; 0 = the file as a whole (too big, not UTF-8, not a workbook, empty). */
  line: number;
  /** The `ImportColumn` concerned, or null for a whole-file or whole-row issue. */
  column: string | null;
  code: ImportIssueCode;
  /** Vietnamese, for the user: names the line, the column and the bad value (cut to 60 characters). */
  message: string;
}

export interface ParsedImport {
  rows: ImportRow[];
  issues: ImportIssue[];
}

/**
 * The fields a column can feed: the values `ImportIssue.column` takes. `submittedAt` (“Ngày
 * nộp” beside “Ngày tiếp nhận”) is only read to check the date in the dossier code.
 */
export type ImportColumn = Exclude<keyof ImportRow, 'line'> | 'submittedAt';

/** Rows searched for the header (portal exports put a title, a unit and a period above it). */
export const HEADER_SEARCH_ROWS = 20;

export const MAX_IMPORT_ROWS = 50_000;
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** An XLSX is a zip: the most its parts may inflate to, all together (guards against zip bombs). */
export const MAX_XLSX_INFLATED_BYTES = 200 * 1024 * 1024;
/**
 * Most rows (`<row>` elements, all worksheets together) an XLSX may have before the workbook
 * library loads it: the data rows, the header, and room for a title and blank rows.
 */
export const MAX_XLSX_ROWS = MAX_IMPORT_ROWS + 1000;
/** Most cells an XLSX may have (about 30 columns per row): bounds the library's memory. */
export const MAX_XLSX_CELLS = 1_500_000;
/** Longest procedure reference accepted, and length applicant names are cut to. */
export const MAX_NAME_LENGTH = 500;
/** Longest excerpt of a bad value quoted in a message. */
export const MAX_QUOTED_LENGTH = 60;
