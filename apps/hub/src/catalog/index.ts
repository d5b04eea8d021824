/** Import of the procedure catalog (danh mục thủ tục hành chính) from CSV or XLSX. */
export { parseProcedureCatalog, validateCatalogSheet } from './parse-catalog';
export { applyCatalogRows, checkCatalogRows, resolveField, type CatalogApplyResult } from './apply-catalog';
export { handleProcedureImport, type CatalogRouteDeps } from './http';
export { parseCode, parseDays, parseFee, parseStatus } from './values';
export { COLUMN_LABELS as CATALOG_COLUMN_LABELS } from './columns';
export {
  MAX_CATALOG_ROWS,
  type CatalogColumn,
  type CatalogIssue,
  type CatalogIssueCode,
  type CatalogRow,
  type ParsedCatalog,
} from './types';
