/**
 * What the hub's main thread and its job workers say to each other. A job is started with its
 * input as `workerData`; the worker answers `result` once, then answers `ask` requests (the
 * dossier import hands its checked rows out in chunks, so no single message is large enough to
 * hold the event loop while it is copied in).
 */
import type { ImportChannel, ImportIssue, ImportStatus } from '../dossiers/import/types';
import type { ParsedCatalog } from '../catalog/types';
import type { Report, ReportOptions } from '../reports/types';

/** A procedure as the dossier import matches it (by code or exact name). */
export interface ProcedureRef {
  id: string;
  fieldId: string;
  code: string;
  name: string;
}

/** A dossier row checked and resolved in the worker, ready to insert or to update a stored one. */
export interface PreparedDossier {
  line: number;
  code: string;
  procedureId: string;
  fieldId: string;
  receivedAt: number;
  /** Service day of `receivedAt` in the site's time zone. */
  receivedDay: string;
  dueDate: string;
  status: ImportStatus;
  /** As the file gives it (null when blank: see import-merge for what that means). */
  resolvedAt: number | null;
  returnedAt: number | null;
  applicantName: string | null;
  channel: ImportChannel;
}

export type JobInput =
  | { kind: 'dossier-import'; content: Uint8Array; format: 'csv' | 'xlsx'; procedures: ProcedureRef[]; timeZone: string }
  | { kind: 'catalog-import'; content: Uint8Array; format: 'csv' | 'xlsx' }
  /** A report read over its own read-only connection to `dbPath`, and its workbook when `xlsx`. */
  | { kind: 'report'; dbPath: string; options: ReportOptions; xlsx: boolean };

export interface DossierImportSummary {
  /** Rows that passed every check (their count; fetched with `RowsRequest`), also when others did not. */
  rows: number;
  /** The first MAX_REPORTED_ISSUES issues by line. */
  issues: ImportIssue[];
  /** All issues found, reported or not. */
  issueCount: number;
}

export interface JobResults {
  'dossier-import': DossierImportSummary;
  'catalog-import': ParsedCatalog;
  report: { report: Report; bytes: Uint8Array | null };
}

/** `ask` of a dossier import: rows `from` (0-based) to `from + count`. */
export interface RowsRequest {
  from: number;
  count: number;
}

export type ToWorker = { type: 'ask'; id: number; request: RowsRequest };

export type FromWorker =
  | { type: 'result'; value: unknown }
  | { type: 'reply'; id: number; value: unknown }
  | { type: 'error'; message: string };

/** Issues listed in an answer; a file with more gives their count and the first ones by line. */
export const MAX_REPORTED_ISSUES = 1000;

/** Tag in `workerData` that marks a hub job (the entry module does nothing without it). */
export const JOB_TAG = 'qms-hub-job';
