/**
 * The jobs, as they run inside a worker thread (loaded by entry.ts): parsing and checking an
 * import, building a report and its workbook. Nothing here writes to the database.
 */
import { setPriority } from 'node:os';
import Database from 'better-sqlite3';
import { Store } from '@qms/store';
import type { MessagePort } from 'node:worker_threads';
import { parseProcedureCatalog } from '../catalog/parse-catalog';
import { parseDossierImport } from '../dossiers/import/parse-dossier-import';
import { prepareImportRows } from '../dossiers/prepare-import';
import { buildReport } from '../reports/build-report';
import { MAX_REPORTED_ISSUES, type FromWorker, type JobInput, type JobResults, type PreparedDossier, type ToWorker } from './protocol';

/** Nice value of a job worker: the event loop of the hub wins the CPU over it (see thread-priority.ts). */
const JOB_NICE = 19;

function lowerOwnPriority(): void {
  try {
    // pid 0 = the calling thread on Linux, where nice is per thread
    setPriority(0, JOB_NICE);
  } catch {
    // not permitted or not supported: the job still runs
  }
}

async function dossierImport(job: Extract<JobInput, { kind: 'dossier-import' }>, post: (m: FromWorker) => void): Promise<PreparedDossier[]> {
  const parsed = await parseDossierImport(Buffer.from(job.content.buffer, job.content.byteOffset, job.content.byteLength), job.format);
  const { prepared, issues } = prepareImportRows(parsed.rows, job.procedures, job.timeZone);
  const all = [...parsed.issues, ...issues].sort((a, b) => a.line - b.line);
  // the good rows are kept even beside issues: a dry run counts them
  post({ type: 'result', value: { rows: prepared.length, issues: all.slice(0, MAX_REPORTED_ISSUES), issueCount: all.length } });
  return prepared;
}

/** The report over a read-only connection of this worker (WAL: it never holds up the hub's writes). */
async function report(job: Extract<JobInput, { kind: 'report' }>): Promise<JobResults['report']> {
  const db = new Database(job.dbPath, { readonly: true, fileMustExist: true });
  try {
    const store = new Store(db);
    const names = new Map<string, string | null>();
    const directory = {
      fields: () => store.config.fields(),
      counters: () => store.config.counters(),
      officerName: (id: string) => {
        if (!names.has(id)) names.set(id, store.accounts.officerById(id)?.fullName ?? null);
        return names.get(id) ?? null;
      },
    };
    const built = buildReport(store, directory, job.options);
    if (!job.xlsx) return { report: built, bytes: null };
    const { reportToXlsx } = await import('../reports/xlsx');
    return { report: built, bytes: new Uint8Array(await reportToXlsx(built)) };
  } finally {
    db.close();
  }
}

async function run(job: JobInput, post: (m: FromWorker) => void): Promise<PreparedDossier[]> {
  switch (job.kind) {
    case 'dossier-import':
      return dossierImport(job, post);
    case 'catalog-import':
      post({ type: 'result', value: await parseProcedureCatalog(Buffer.from(job.content.buffer, job.content.byteOffset, job.content.byteLength), job.format) });
      return [];
    case 'report':
      post({ type: 'result', value: await report(job) });
      return [];
  }
}

/** Runs the job of `workerData`, then answers row requests until the main thread ends the worker. */
export async function serve(port: MessagePort, job: JobInput): Promise<void> {
  lowerOwnPriority();
  const post = (m: FromWorker): void => {
    const bytes = m.type === 'result' && m.value && typeof m.value === 'object' && 'bytes' in m.value ? (m.value.bytes as Uint8Array | null) : null;
    port.postMessage(m, bytes ? [bytes.buffer as ArrayBuffer] : []);
  };
  let rows: PreparedDossier[] = [];
  try {
    rows = await run(job, post);
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    return;
  }
  port.on('message', (m: ToWorker) => {
    if (m.type === 'ask') post({ type: 'reply', id: m.id, value: rows.slice(m.request.from, m.request.from + m.request.count) });
  });
}
