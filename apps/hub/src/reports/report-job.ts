/**
 * Builds a report in a job worker, over its own read-only connection: the report's queries grow
 * with the range and with the open dossiers (150,000 of them: ~80 ms), and exceljs with the
 * rows, so neither runs on the hub's event loop. An in-memory database (some tests) has no
 * file to share: the report is built here then.
 */
import type { Store } from '@qms/store';
import { startJob } from '../workers/run-job';
import { buildReport } from './build-report';
import { resolveAsOf } from './dossier-figures';
import type { Report, ReportDirectory, ReportOptions } from './types';

export async function reportInWorker(
  store: Store,
  directory: ReportDirectory,
  options: ReportOptions,
  xlsx = false,
): Promise<{ report: Report; bytes: Buffer | null }> {
  // a bad asOf is the caller's VALIDATION_FAILED, here on the hub, before any worker starts
  options = { ...options, asOf: resolveAsOf(options, options.asOf, options.now) };
  if (!store.db.name || store.db.memory) {
    const report = buildReport(store, directory, options);
    return { report, bytes: xlsx ? await (await import('./xlsx')).reportToXlsx(report) : null };
  }
  const job = await startJob<'report'>({ kind: 'report', dbPath: store.db.name, options, xlsx });
  try {
    const { report, bytes } = await job.result;
    return { report, bytes: bytes ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : null };
  } finally {
    await job.close();
  }
}
