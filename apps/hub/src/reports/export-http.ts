import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError, type Clock } from '@qms/core';
import { REPORT_GROUP_BYS, isCalendarDay, type Store } from '@qms/store';
import { z } from 'zod';
import { requireAdmin } from '../http/admin-auth';
import { sendJson } from '../http/json';
import { reportToCsv } from './csv';
import { localDayEnd, localDayStart } from './dossier-figures';
import { reportInWorker } from './report-job';
import type { ReportDirectory, ReportGroupBy } from './types';

export const REPORT_FORMATS = ['xlsx', 'csv', 'csv-vn', 'json'] as const;
export const REPORT_EXPORT_GROUP_BYS = [...REPORT_GROUP_BYS, 'procedure'] as const;
export const MAX_REPORT_YEARS = 3;
export const DEFAULT_TARGET_WAIT_MINUTES = 15;

export interface ReportExportQuery {
  from: string;
  to: string;
  groupBy: ReportGroupBy;
  format: (typeof REPORT_FORMATS)[number];
  targetWaitMinutes: number;
  /** The moment the dossier figures are taken at; undefined = the default (end of range, or now). */
  asOf: number | undefined;
}

/** What the handler needs; the hub's `adminDeps` ({ store, clock, executor }) fits as it is. */
export interface ReportExportDeps {
  store: Store;
  clock: Clock;
  executor: { readonly config: ReportDirectory };
}

/** The last day a range starting on `from` may end on: 3 years minus one day. */
function lastAllowedDay(from: string): string {
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + MAX_REPORT_YEARS);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const day = (name: string) =>
  z
    .string({ error: `Thiếu ${name} (YYYY-MM-DD)` })
    .refine(isCalendarDay, { message: `${name} không phải ngày hợp lệ (YYYY-MM-DD)` });

const querySchema = z
  .object({
    from: day('from'),
    to: day('to'),
    groupBy: z.enum(REPORT_EXPORT_GROUP_BYS, { error: `groupBy là một trong: ${REPORT_EXPORT_GROUP_BYS.join(', ')}` }).default('field'),
    asOf: z
      .string()
      .refine((v) => parseAsOf(v) !== null, { message: 'asOf là thời điểm giờ Việt Nam YYYY-MM-DDTHH:mm (hoặc một ngày YYYY-MM-DD: hết ngày đó)' })
      .optional(),
    format: z.enum(REPORT_FORMATS, { error: `format là một trong: ${REPORT_FORMATS.join(', ')}` }).default('xlsx'),
    targetWait: z.coerce
      .number({ error: 'targetWait là số phút (1–180)' })
      .int({ error: 'targetWait là số phút nguyên (1–180)' })
      .min(1, { error: 'targetWait là số phút (1–180)' })
      .max(180, { error: 'targetWait là số phút (1–180)' })
      .default(DEFAULT_TARGET_WAIT_MINUTES),
  })
  .refine((q) => q.from <= q.to, { message: 'Ngày bắt đầu (from) phải trước hoặc bằng ngày kết thúc (to)' })
  .refine((q) => q.to <= lastAllowedDay(q.from), { message: `Khoảng báo cáo tối đa ${MAX_REPORT_YEARS} năm` });

/** Validates `?from=&to=&groupBy=&format=&targetWait=`; a DomainError VALIDATION_FAILED otherwise. */
export function parseReportQuery(params: URLSearchParams): ReportExportQuery {
  const raw: Record<string, string> = {};
  for (const key of ['from', 'to', 'groupBy', 'format', 'targetWait', 'asOf']) {
    const v = params.get(key);
    if (v !== null && v !== '') raw[key] = v;
  }
  const parsed = querySchema.safeParse(raw);
  if (!parsed.success) {
    throw new DomainError('VALIDATION_FAILED', parsed.error.issues.map((i) => i.message).join('; '));
  }
  const { from, to, groupBy, format, targetWait, asOf } = parsed.data;
  return { from, to, groupBy, format, targetWaitMinutes: targetWait, asOf: asOf === undefined ? undefined : (parseAsOf(asOf) ?? undefined) };
}

/**
 * `2025-03-31T17:00` (or with `:ss`) in Vietnam's time (UTC+7) -> epoch ms at that minute's
 * start; `2025-03-31` -> the last instant of that day. Null for anything else or a day that
 * does not exist.
 */
export function parseAsOf(v: string): number | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(v);
  if (!m || !isCalendarDay(m[1] ?? '')) return null;
  const day = m[1] ?? '';
  if (m[2] === undefined) return localDayEnd(day);
  const [h, min, sec] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (h > 23 || min > 59 || sec > 59) return null;
  return localDayStart(day) + ((h * 60 + min) * 60 + sec) * 1000;
}

/** `2025-03-31T23:59:59.999` -> `2025-03-31-2359` (local, UTC+7). */
function asOfStamp(asOf: number): string {
  const iso = new Date(asOf + 7 * 3_600_000).toISOString();
  return `${iso.slice(0, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}`;
}

/**
 * `bao-cao-2026-11-01_2026-11-30_tinh-den-2026-11-30-2359.xlsx`; the Vietnamese-Excel CSV ends
 * `_excel-vn.csv` (ASCII, so every browser keeps it).
 */
export function reportFileName(q: Pick<ReportExportQuery, 'from' | 'to' | 'format'>, asOf: number): string {
  const ext = q.format === 'csv-vn' ? 'csv' : q.format;
  const suffix = q.format === 'csv-vn' ? '_excel-vn' : '';
  return `bao-cao-${q.from}_${q.to}_tinh-den-${asOfStamp(asOf)}${suffix}.${ext}`;
}

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  'csv-vn': 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/**
 * GET /api/admin/reports/export?from=YYYY-MM-DD&to=YYYY-MM-DD&groupBy=field|counter|officer|day|all|procedure
 *   &format=xlsx|csv|csv-vn|json&targetWait=15&asOf=YYYY-MM-DDTHH:mm
 * Admin only (Bearer session). xlsx and csv come as an attachment; json as { ok, data: Report }.
 * Errors are DomainErrors for the caller's `withErrors` (400 VALIDATION_FAILED, 401, 403).
 */
export async function handleReportExport(req: IncomingMessage, res: ServerResponse, deps: ReportExportDeps): Promise<void> {
  requireAdmin(req, deps.store, deps.clock);
  const q = parseReportQuery(new URL(req.url ?? '/', 'http://hub').searchParams);
  // built (and its workbook written) in a job worker: the hub keeps serving meanwhile
  const options = { from: q.from, to: q.to, groupBy: q.groupBy, targetWaitMinutes: q.targetWaitMinutes, now: deps.clock.now(), asOf: q.asOf };
  const { report, bytes } = await reportInWorker(deps.store, deps.executor.config, options, q.format === 'xlsx');
  if (q.format === 'json') return sendJson(res, 200, { ok: true, data: report });
  const csv = q.format === 'xlsx' ? null : reportToCsv(report, q.format === 'csv-vn' ? 'vn' : 'standard');
  const body = csv !== null ? Buffer.from(csv, 'utf8') : (bytes ?? Buffer.alloc(0));
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[q.format],
    'content-length': body.length,
    'content-disposition': `attachment; filename="${reportFileName(q, report.asOf)}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}
