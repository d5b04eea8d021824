/**
 * The procedure catalog import's shapes (danh mục thủ tục hành chính): what the parser returns and
 * the hub applies. Issues have the dossier importer's shape `{ line, column, code, message }`.
 */
import type { ReceivedDocument } from '@qms/core';

export interface CatalogRow {
  /** 1-based line (CSV: the line the record starts on) or row (XLSX) as the user sees it. */
  line: number;
  /** Mã thủ tục, e.g. the national code `1.001193`. */
  code: string;
  name: string;
  /** Lĩnh vực as written: a field's code, id or exact Vietnamese name (resolved by the hub). */
  fieldRef: string;
  /** Thời hạn giải quyết in working days (0 = within the day). */
  processingDays: number;
  /** Lệ phí in VND (0 = none). */
  fee: number;
  /** Giờ chốt nhận hồ sơ `HH:MM`; null = not given (new: none; existing: unchanged). */
  cutoffTime: string | null;
  /** Trạng thái: true = Đang áp dụng, false = Ngừng, null = not given (new: in force; existing: unchanged). */
  enabled: boolean | null;
  /** Thành phần hồ sơ; null = not given (new: none; existing: unchanged). */
  documents?: ReceivedDocument[] | null;
}

export type CatalogColumn = 'code' | 'name' | 'field' | 'processingDays' | 'fee' | 'status' | 'cutoffTime' | 'documents';

export type CatalogIssueCode =
  | 'MISSING_COLUMN'
  | 'MISSING_VALUE'
  | 'BAD_CODE'
  | 'BAD_NAME'
  | 'BAD_DAYS'
  | 'BAD_FEE'
  | 'BAD_STATUS'
  | 'BAD_CUTOFF'
  | 'BAD_DOCUMENTS'
  | 'DUPLICATE_IN_FILE'
  | 'UNKNOWN_FIELD'
  | 'TOO_MANY_ROWS'
  | 'BAD_FILE';

export interface CatalogIssue {
  /** As `CatalogRow.line`; 0 = the file as a whole. */
  line: number;
  column: CatalogColumn | null;
  code: CatalogIssueCode;
  /** Vietnamese, starting with “Dòng N:”; quotes the bad value (cut to 60 characters). */
  message: string;
}

export interface ParsedCatalog {
  rows: CatalogRow[];
  issues: CatalogIssue[];
}

export const MAX_CATALOG_ROWS = 10_000;
export const MAX_PROCEDURE_NAME = 1000;
export const MAX_PROCESSING_DAYS = 365;
export const MAX_FEE = 1_000_000_000;
/** The header is looked for in the first rows (an exported catalog often has a title above it). */
export const HEADER_SEARCH_ROWS = 10;
