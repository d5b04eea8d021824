export { buildReport } from './build-report';
export { reportToCsv } from './csv';
export { reportToXlsx } from './xlsx';
export { DEFAULT_TARGET_WAIT_MINUTES, handleReportExport, parseReportQuery, reportFileName, type ReportExportDeps, type ReportExportQuery } from './export-http';
export type {
  DossierFigures,
  DossierRow,
  Report,
  ReportDirectory,
  ReportGroupBy,
  ReportOptions,
  ReportRow,
  Satisfaction,
  ServiceFigures,
  TicketFigures,
  WaitFigures,
} from './types';
