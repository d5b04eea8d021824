import { RATING_LEVELS, type DossierChannel, type RatingLevel } from '@qms/core';
import type { Statement } from 'better-sqlite3';
import type { Db } from './db';
import { emptyHistogram } from './report-histogram';
import { lastDayOfMonth, previousMonth, splitIntoMonths } from './report-range';

/**
 * Read side of the report rollups of migration 0005 (ticket_daily/_monthly with the ratings,
 * wait/service histograms per day and month, arrivals per hour, dossier_cohort): raw sums and
 * histograms for a range of days, grouped one way. A range is read as its whole months from the
 * month tables plus the days of its partial edge months from the day tables (grouping by day
 * reads the day tables). The as-of-today dossier counts read the few unresolved dossiers.
 */

export const REPORT_GROUP_BYS = ['field', 'counter', 'officer', 'day', 'all'] as const;
export type ReportGroupBy = (typeof REPORT_GROUP_BYS)[number];

export interface ReportRange {
  /** First day, `YYYY-MM-DD` (local service day), included. */
  from: string;
  /** Last day, included. */
  to: string;
}

export interface ReportQuery extends ReportRange {
  groupBy: ReportGroupBy;
}

/**
 * Ticket sums of one group. `key` is the field/counter/officer id ('' = none: tickets not yet
 * at a counter, including every issue), the day, or '' for 'all'.
 */
export interface TicketSums {
  key: string;
  /** Tickets issued (under the field the number was drawn from, never a counter or officer). */
  issued: number;
  /** Calls announced: first calls, recalls, calls after a no-show or a transfer. */
  called: number;
  served: number;
  noShow: number;
  cancelled: number;
  /** Transfers out (a ticket transferred twice counts twice). */
  transferred: number;
  /** Tickets called at least once, and the sum of their waits (first call − issue). */
  waitN: number;
  waitSumMs: number;
  /** Done tickets with a service time, and the sum of those times (finish − start). */
  serviceN: number;
  serviceSumMs: number;
  /** Ratings of the group's tickets, by level (under the counter/officer the rating names). */
  rated: Record<RatingLevel, number>;
}

/** Dossiers by the day they were received, with their current outcome. */
export interface DossierCohortSums {
  key: string;
  channel: DossierChannel;
  received: number;
  resolved: number;
  resolvedOnTime: number;
  rejected: number;
  returned: number;
}

/** Unresolved dossiers (processing, needs_supplement) received in the range, as of `today`. */
export interface OpenDossierSums {
  key: string;
  channel: DossierChannel;
  /** due_date >= today (the due day itself is not overdue). */
  inProgressNotDue: number;
  /** due_date < today. */
  overdue: number;
}

const TICKET_KEY: Record<ReportGroupBy, string> = {
  field: 'field_id',
  counter: 'counter_id',
  officer: 'officer_id',
  day: 'day',
  all: "''",
};

const DOSSIER_KEY: Record<ReportGroupBy, string> = {
  field: 'field_id',
  counter: "''",
  officer: "''",
  day: 'received_day',
  all: "''",
};

/** Histogram rows per group: dim of the rollup, and the key column. */
const HIST_DIM: Record<ReportGroupBy, { dim: 'all' | 'field' | 'counter' | 'officer'; key: string }> = {
  field: { dim: 'field', key: 'dim_id' },
  counter: { dim: 'counter', key: 'dim_id' },
  officer: { dim: 'officer', key: 'dim_id' },
  day: { dim: 'all', key: 'day' },
  all: { dim: 'all', key: 'dim_id' },
};

/** One piece of a range: days of a day table, or whole months ('YYYY-MM') of a month table. */
interface Part {
  period: 'day' | 'month';
  from: string;
  to: string;
}

/**
 * The parts a range is read from: whole months before `openMonth` from the month tables (migration
 * 0007: only those have month rows), everything else, the edge days and the months from
 * `openMonth` on, from the day tables.
 */
export function partsOf(r: ReportRange, byDay: boolean, openMonth: string): Part[] {
  if (r.to < r.from) return [];
  if (byDay) return [{ period: 'day', from: r.from, to: r.to }];
  const split = splitIntoMonths(r.from, r.to);
  const parts: Part[] = split.days.map(([from, to]) => ({ period: 'day', from, to }));
  if (split.months) {
    const [first, last] = split.months;
    if (last < openMonth) parts.push({ period: 'month', from: first, to: last });
    else {
      // the open months and later: their days (from the first of them to the last day of `last`)
      const firstOpen = first < openMonth ? openMonth : first;
      parts.push({ period: 'day', from: `${firstOpen}-01`, to: lastDayOfMonth(last) });
      if (first < openMonth) parts.push({ period: 'month', from: first, to: previousMonth(openMonth) });
    }
  }
  return parts;
}

const TICKET_SUMS = `TOTAL(issued) AS issued, TOTAL(called) AS called, TOTAL(served) AS served,
  TOTAL(no_show) AS noShow, TOTAL(cancelled) AS cancelled, TOTAL(transferred) AS transferred,
  TOTAL(wait_n) AS waitN, TOTAL(wait_sum_ms) AS waitSumMs, TOTAL(service_n) AS serviceN,
  TOTAL(service_sum_ms) AS serviceSumMs, TOTAL(rated_very_satisfied) AS very_satisfied,
  TOTAL(rated_satisfied) AS satisfied, TOTAL(rated_neutral) AS neutral, TOTAL(rated_unsatisfied) AS unsatisfied`;

type TicketSumsRow = Omit<TicketSums, 'rated'> & Record<RatingLevel, number>;

export function emptyTicketSums(key: string): TicketSums {
  return {
    key,
    issued: 0,
    called: 0,
    served: 0,
    noShow: 0,
    cancelled: 0,
    transferred: 0,
    waitN: 0,
    waitSumMs: 0,
    serviceN: 0,
    serviceSumMs: 0,
    rated: { very_satisfied: 0, satisfied: 0, neutral: 0, unsatisfied: 0 },
  };
}

/** Adds `b` into `a`, returns `a`. */
export function addTicketSums(a: TicketSums, b: TicketSums): TicketSums {
  a.issued += b.issued;
  a.called += b.called;
  a.served += b.served;
  a.noShow += b.noShow;
  a.cancelled += b.cancelled;
  a.transferred += b.transferred;
  a.waitN += b.waitN;
  a.waitSumMs += b.waitSumMs;
  a.serviceN += b.serviceN;
  a.serviceSumMs += b.serviceSumMs;
  for (const level of RATING_LEVELS) a.rated[level] += b.rated[level];
  return a;
}

const TICKET_COLS = [
  'issued', 'called', 'served', 'no_show', 'cancelled', 'transferred', 'wait_n', 'wait_sum_ms', 'service_n',
  'service_sum_ms', 'rated_very_satisfied', 'rated_satisfied', 'rated_neutral', 'rated_unsatisfied',
];
/** Every dim of the histograms, so a fold reads them through their primary key (dim, day, …). */
const DIMS = "('all', 'field', 'counter', 'officer')";

/** A fold (see `foldMonths`): drop the month rows from @lo on, sum those of [@loDay, @endDay) from the day rows. */
const FOLD_SQL = [
  'DELETE FROM ticket_monthly WHERE month >= @lo',
  `INSERT INTO ticket_monthly (month, field_id, counter_id, officer_id, ${TICKET_COLS.join(', ')})
     SELECT substr(day, 1, 7), field_id, counter_id, officer_id, ${TICKET_COLS.map((c) => `SUM(${c})`).join(', ')}
     FROM ticket_daily WHERE day >= @loDay AND day < @endDay GROUP BY 1, 2, 3, 4`,
  'DELETE FROM wait_hist_monthly WHERE month >= @lo',
  `INSERT INTO wait_hist_monthly (dim, month, dim_id, bucket, n)
     SELECT dim, substr(day, 1, 7), dim_id, bucket, SUM(n) FROM wait_hist
     WHERE dim IN ${DIMS} AND day >= @loDay AND day < @endDay GROUP BY 1, 2, 3, 4`,
  'DELETE FROM service_hist_monthly WHERE month >= @lo',
  `INSERT INTO service_hist_monthly (dim, month, dim_id, bucket, n)
     SELECT dim, substr(day, 1, 7), dim_id, bucket, SUM(n) FROM service_hist
     WHERE dim IN ${DIMS} AND day >= @loDay AND day < @endDay GROUP BY 1, 2, 3, 4`,
  'DELETE FROM arrivals_monthly WHERE month >= @lo',
  `INSERT INTO arrivals_monthly (month, field_id, hour, n)
     SELECT substr(day, 1, 7), field_id, hour, SUM(n) FROM arrivals_hourly
     WHERE day >= @loDay AND day < @endDay GROUP BY 1, 2, 3`,
];

type HistKind = 'wait' | 'service';
/** key, 'bucket:n,bucket:n,…' */
type HistRow = [string, string];

export class ReportRepo {
  private readonly cache = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  private stmt<P extends unknown[], R>(sql: string): Statement<P, R> {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.cache.set(sql, s);
    }
    return s as Statement<P, R>;
  }

  /**
   * The first month without month rows (migration 0007); '9999-12' when no month was ever opened
   * (every month is kept by the triggers).
   */
  openMonth(): string {
    return this.stmt<[], { m: string }>('SELECT open_month AS m FROM rollup_state').get()?.m ?? '9999-12';
  }

  /**
   * Makes `month` ('YYYY-MM') the open month: afterwards the month tables hold complete rows for
   * exactly the months before it (summed from the day rows for the months this closes) and none
   * from it on. The hub calls it with the current month at start and at each new service day;
   * it works in either direction (a clock set back), and calling it again changes nothing.
   */
  foldMonths(month: string): void {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new RangeError(`not a month: ${month}`);
    const current = this.openMonth();
    if (current === month) return;
    // months from `lo` on lose their rows; those in [lo, month) get them back from their days
    const lo = current < month ? current : month;
    const range = { lo, loDay: `${lo}-01`, endDay: `${month}-01` };
    this.db.transaction(() => {
      for (const sql of FOLD_SQL) this.stmt<[typeof range], unknown>(sql).run(range);
      this.stmt<[string], unknown>('UPDATE rollup_state SET open_month = ?').run(month);
    })();
  }

  /** Ticket sums (and ratings) per group over the days of the range. */
  ticketSums(q: ReportQuery): TicketSums[] {
    const key = TICKET_KEY[q.groupBy];
    const out = new Map<string, TicketSums>();
    for (const part of partsOf(q, q.groupBy === 'day', this.openMonth())) {
      const rows = this.stmt<[string, string], TicketSumsRow>(
        `SELECT ${key} AS key, ${TICKET_SUMS} FROM ticket_${part.period === 'day' ? 'daily' : 'monthly'}
         WHERE ${part.period} BETWEEN ? AND ? GROUP BY 1`,
      ).all(part.from, part.to);
      for (const r of rows) {
        const { very_satisfied, satisfied, neutral, unsatisfied, ...sums } = r;
        const s: TicketSums = { ...sums, rated: { very_satisfied, satisfied, neutral, unsatisfied } };
        const seen = out.get(r.key);
        out.set(r.key, seen ? addTicketSums(seen, s) : s);
      }
    }
    return [...out.values()];
  }

  /** Wait histograms (first call − issue) per group; see report-histogram for the buckets. */
  waitHistograms(q: ReportQuery): Map<string, number[]> {
    return this.histograms('wait', q);
  }

  /** Service-time histograms (finish − start of done tickets) per group. */
  serviceHistograms(q: ReportQuery): Map<string, number[]> {
    return this.histograms('service', q);
  }

  private histograms(kind: HistKind, q: ReportQuery): Map<string, number[]> {
    const { dim, key } = HIST_DIM[q.groupBy];
    const out = new Map<string, number[]>();
    for (const part of partsOf(q, q.groupBy === 'day', this.openMonth())) {
      const [table, period, keyCol] = part.period === 'day' ? [`${kind}_hist`, 'day', key] : [`${kind}_hist_monthly`, 'month', 'dim_id'];
      // one row per group with its buckets as 'bucket:n,…': a year by day is ~20 000 (day, bucket)
      // pairs, and 250 strings cost far less to bring into JS than 20 000 rows
      const rows = this.stmt<[string, string, string], HistRow>(
        `SELECT key, group_concat(bucket || ':' || n) FROM (
           SELECT ${keyCol} AS key, bucket, SUM(n) AS n FROM ${table}
           WHERE dim = ? AND ${period} BETWEEN ? AND ? GROUP BY 1, 2)
         GROUP BY key`,
      )
        .raw(true)
        .all(dim, part.from, part.to);
      for (const [rowKey, pairs] of rows) {
        let h = out.get(rowKey);
        if (!h) out.set(rowKey, (h = emptyHistogram()));
        for (const pair of pairs.split(',')) {
          const colon = pair.indexOf(':');
          const bucket = Number(pair.slice(0, colon));
          h[bucket] = (h[bucket] ?? 0) + Number(pair.slice(colon + 1));
        }
      }
    }
    return out;
  }

  /** Tickets issued per local hour 0..23 over the range (all fields). */
  arrivalsByHour(r: ReportRange): number[] {
    const hours = new Array<number>(24).fill(0);
    for (const part of partsOf(r, false, this.openMonth())) {
      const rows = this.stmt<[string, string], { hour: number; n: number }>(
        `SELECT hour, SUM(n) AS n FROM arrivals_${part.period === 'day' ? 'hourly' : 'monthly'}
         WHERE ${part.period} BETWEEN ? AND ? GROUP BY hour`,
      ).all(part.from, part.to);
      for (const row of rows) hours[row.hour] = (hours[row.hour] ?? 0) + row.n;
    }
    return hours;
  }
  /**
   * Dossiers received in the range, by channel, grouped by field, received day or all
   * (a counter or officer grouping gives the totals: dossier rollups are not kept per counter).
   */
  dossierCohort(q: ReportQuery): DossierCohortSums[] {
    const key = DOSSIER_KEY[q.groupBy];
    return this.stmt<[string, string], DossierCohortSums>(
      `SELECT ${key} AS key, channel, TOTAL(received) AS received, TOTAL(resolved) AS resolved,
         TOTAL(resolved_on_time) AS resolvedOnTime, TOTAL(rejected) AS rejected, TOTAL(returned) AS returned
       FROM dossier_cohort WHERE received_day BETWEEN ? AND ? GROUP BY 1, 2`,
    ).all(q.from, q.to);
  }

  /** Unresolved dossiers received in the range, not yet due or overdue as of `today` (local day). */
  openDossiers(q: ReportQuery, today: string): OpenDossierSums[] {
    const key = DOSSIER_KEY[q.groupBy];
    return this.stmt<[{ from: string; to: string; today: string }], OpenDossierSums>(
      `SELECT ${key} AS key, channel, TOTAL(due_date >= @today) AS inProgressNotDue, TOTAL(due_date < @today) AS overdue
       FROM dossiers
       WHERE status IN ('processing', 'needs_supplement') AND received_day BETWEEN @from AND @to
       GROUP BY 1, 2`,
    ).all({ from: q.from, to: q.to, today });
  }
}

