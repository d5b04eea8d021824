/** Importer of online dossiers (hồ sơ nộp trực tuyến) from the national public-service portal's export. */
export { parseDossierImport } from './parse-dossier-import';
export { detectImportFormat } from './detect-format';
export { COLUMN_LABELS, quoteValue } from './messages';
export {
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  type ImportColumn,
  type ImportIssue,
  type ImportIssueCode,
  type ImportRow,
  type ImportStatus,
  type ParsedImport,
} from './types';
