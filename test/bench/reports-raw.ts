/**
 * The baseline: the same report figures computed straight from the raw tables (tickets,
 * ratings, dossiers) with the best indexes they have, to show what the rollups save.
 * Medians and p90 are exact here (sorted in JS); waits are taken under the ticket's current
 * field/counter/officer.
 */
import type { Db, ReportGroupBy } from '@qms/store';

export interface RawRow {
  key: string;
  issued: number;
  served: number;
  noShow: number;
  cancelled: number;
  transferred: number;
  waitAvgMin: number | null;
  waitMedianMin: number | null;
  waitP90Min: number | null;
  withinTarget: number | null;
  serviceAvgMin: number | null;
  serviceMedianMin: number | null;
  serviceP90Min: number | null;
  ratings: Record<string, number>;
}

export interface RawReport {
  rows: RawRow[];
  arrivalsByHour: number[];
  dossiers: Array<{ key: string; received: number; resolved: number; onTime: number; notDue: number; overdue: number }>;
}

const KEY: Record<ReportGroupBy, string> = {
  field: 'field_id',
  counter: "COALESCE(counter_id, '')",
  officer: "COALESCE(officer_id, '')",
  day: 'service_day',
  all: "''",
};
const ISSUE_KEY: Record<ReportGroupBy, string> = { ...KEY, field: 'number_field_id', counter: "''", officer: "''" };

function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? null;
}

export function rawReport(db: Db, from: string, to: string, groupBy: ReportGroupBy, today: string, targetMin: number): RawReport {
  const rows = new Map<string, RawRow>();
  const get = (key: string): RawRow => {
    let r = rows.get(key);
    if (!r) {
      r = {
        key, issued: 0, served: 0, noShow: 0, cancelled: 0, transferred: 0,
        waitAvgMin: null, waitMedianMin: null, waitP90Min: null, withinTarget: null,
        serviceAvgMin: null, serviceMedianMin: null, serviceP90Min: null, ratings: {},
      };
      rows.set(key, r);
    }
    return r;
  };
  for (const r of db
    .prepare<[string, string], { key: string; n: number }>(
      `SELECT ${ISSUE_KEY[groupBy]} AS key, COUNT(*) AS n FROM tickets WHERE service_day BETWEEN ? AND ? GROUP BY 1`,
    )
    .all(from, to)) get(r.key).issued = r.n;

  for (const r of db
    .prepare<[string, string], { key: string; served: number; noShow: number; cancelled: number; transferred: number }>(
      `SELECT ${KEY[groupBy]} AS key, TOTAL(status = 'done') AS served, TOTAL(status = 'no_show') AS noShow,
         TOTAL(status = 'cancelled') AS cancelled, TOTAL(transfer_count) AS transferred
       FROM tickets WHERE service_day BETWEEN ? AND ? GROUP BY 1`,
    )
    .all(from, to)) Object.assign(get(r.key), { served: r.served, noShow: r.noShow, cancelled: r.cancelled, transferred: r.transferred });

  const waits = new Map<string, number[]>();
  const services = new Map<string, number[]>();
  for (const r of db
    .prepare<[string, string], { key: string; wait: number | null; service: number | null }>(
      `SELECT ${KEY[groupBy]} AS key, first_called_at - issued_at AS wait,
         CASE WHEN status = 'done' AND date(finished_at / 1000 + 25200, 'unixepoch') = service_day
           THEN finished_at - serving_at END AS service
       FROM tickets WHERE service_day BETWEEN ? AND ? AND first_called_at IS NOT NULL`,
    )
    .raw(false)
    .iterate(from, to)) {
    if (r.wait !== null) (waits.get(r.key) ?? waits.set(r.key, []).get(r.key)!).push(r.wait / 60_000);
    if (r.service !== null) (services.get(r.key) ?? services.set(r.key, []).get(r.key)!).push(r.service / 60_000);
  }
  for (const [key, list] of waits) {
    list.sort((a, b) => a - b);
    const row = get(key);
    row.waitAvgMin = list.reduce((a, b) => a + b, 0) / list.length;
    row.waitMedianMin = quantile(list, 0.5);
    row.waitP90Min = quantile(list, 0.9);
    row.withinTarget = list.filter((m) => m <= targetMin).length / list.length;
  }
  for (const [key, list] of services) {
    list.sort((a, b) => a - b);
    const row = get(key);
    row.serviceAvgMin = list.reduce((a, b) => a + b, 0) / list.length;
    row.serviceMedianMin = quantile(list, 0.5);
    row.serviceP90Min = quantile(list, 0.9);
  }
  const ratingKey = KEY[groupBy].replaceAll('counter_id', 'r.counter_id').replaceAll('officer_id', 'r.officer_id').replace('field_id', 't.field_id').replace('service_day', 't.service_day');
  for (const r of db
    .prepare<[string, string], { key: string; level: string; n: number }>(
      `SELECT ${ratingKey} AS key, r.level, COUNT(*) AS n FROM ratings r JOIN tickets t ON t.id = r.ticket_id
       WHERE t.service_day BETWEEN ? AND ? GROUP BY 1, 2`,
    )
    .all(from, to)) get(r.key).ratings[r.level] = r.n;

  const arrivalsByHour = new Array<number>(24).fill(0);
  for (const r of db
    .prepare<[string, string], { hour: number; n: number }>(
      'SELECT (issued_at / 3600000 + 7) % 24 AS hour, COUNT(*) AS n FROM tickets WHERE service_day BETWEEN ? AND ? GROUP BY 1',
    )
    .all(from, to)) arrivalsByHour[r.hour] = r.n;

  const dossierKey = groupBy === 'field' ? 'field_id' : groupBy === 'day' ? 'received_day' : "''";
  const dossiers = db
    .prepare<[{ from: string; to: string; today: string }], RawReport['dossiers'][number]>(
      `SELECT ${dossierKey} AS key, COUNT(*) AS received,
         TOTAL(status IN ('result_ready', 'rejected', 'returned')) AS resolved,
         TOTAL(status IN ('result_ready', 'rejected', 'returned')
           AND date(COALESCE(resolved_at, returned_at) / 1000 + 25200, 'unixepoch') <= due_date) AS onTime,
         TOTAL(status IN ('processing', 'needs_supplement') AND due_date >= @today) AS notDue,
         TOTAL(status IN ('processing', 'needs_supplement') AND due_date < @today) AS overdue
       FROM dossiers WHERE received_day BETWEEN @from AND @to GROUP BY 1`,
    )
    .all({ from, to, today });
  return { rows: [...rows.values()], arrivalsByHour, dossiers };
}
