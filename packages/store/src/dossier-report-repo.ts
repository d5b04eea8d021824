import type { Statement } from 'better-sqlite3';
import type { Db } from './db';

/**
 * Dossier figures of a range as of a moment (docs/reports.md, "Dossiers"): read from the
 * dossiers themselves through two covering indexes of migration 0012, never from a rollup, so
 * a past range gives the same figures on any later day.
 *
 * A dossier's status history only moves forward into a result (result_ready, rejected, then
 * returned: core's DOSSIER_TRANSITIONS), so where it stood at a moment T is decided by one
 * time: when it was resolved (`resolved_at`, set on the first result_ready / rejected and kept;
 * else `returned_at`). Resolved by T = that time ≤ T; otherwise it was in progress at T.
 */

export const DOSSIER_GROUP_BYS = ['field', 'procedure', 'counter', 'officer', 'day', 'all'] as const;
export type DossierGroupBy = (typeof DOSSIER_GROUP_BYS)[number];

/** Keys of the dossiers that have no counter of their own when grouped by counter or officer. */
export const ONLINE_KEY = '~online';
export const POST_KEY = '~post';
/** Key of the dossiers carried over from before the range when grouped by day. */
export const CARRIED_KEY = '~carried';

export interface DossierAsOfQuery {
  /** First received day `YYYY-MM-DD`, included. */
  from: string;
  /** Last received day, included. */
  to: string;
  groupBy: DossierGroupBy;
  /** The first instant of `from` (local midnight), epoch ms. */
  fromStart: number;
  /** The moment the figures are taken at, epoch ms (>= fromStart). */
  asOf: number;
  /** The local day of `asOf`, `YYYY-MM-DD`. */
  asOfDay: string;
}

/** Counts of one group (see docs/reports.md for each definition). */
export interface DossierAsOfSums {
  key: string;
  receivedCounter: number;
  receivedOnline: number;
  receivedPost: number;
  carriedOver: number;
  resolvedEarly: number;
  resolvedOnTime: number;
  resolvedLate: number;
  inProgressNotDue: number;
  overdue: number;
}

const NEVER = 9007199254740991;
/** The same expression as the index dossiers_report_settled, so SQLite can use it. */
const SETTLED = `COALESCE(resolved_at, returned_at, ${NEVER})`;

function keyOf(groupBy: DossierGroupBy, carried: boolean): string {
  const own = (col: string): string =>
    `CASE channel WHEN 'counter' THEN COALESCE(${col}, '') WHEN 'online' THEN '${ONLINE_KEY}' ELSE '${POST_KEY}' END`;
  switch (groupBy) {
    case 'field':
      return 'field_id';
    case 'procedure':
      return 'procedure_id';
    case 'counter':
      return own('counter_id');
    case 'officer':
      return own('officer_id');
    case 'day':
      return carried ? `'${CARRIED_KEY}'` : 'received_day';
    case 'all':
      return "''";
  }
}

/**
 * One pass over the two index ranges: `sday` is the local day of the result when it came by
 * asOf (NULL while in progress), so each figure is one comparison.
 */
function sql(groupBy: DossierGroupBy): string {
  const sday = `CASE WHEN ${SETTLED} <= @asOf THEN date(${SETTLED} / 1000 + 25200, 'unixepoch') END`;
  return `SELECT key,
      TOTAL(carried = 0 AND channel = 'counter') AS receivedCounter,
      TOTAL(carried = 0 AND channel = 'online') AS receivedOnline,
      TOTAL(carried = 0 AND channel = 'post') AS receivedPost,
      TOTAL(carried) AS carriedOver,
      TOTAL(sday < due_date) AS resolvedEarly,
      TOTAL(sday = due_date) AS resolvedOnTime,
      TOTAL(sday > due_date) AS resolvedLate,
      TOTAL(sday IS NULL AND due_date >= @asOfDay) AS inProgressNotDue,
      TOTAL(sday IS NULL AND due_date < @asOfDay) AS overdue
    FROM (
      SELECT 0 AS carried, ${keyOf(groupBy, false)} AS key, channel, due_date, ${sday} AS sday
        FROM dossiers INDEXED BY dossiers_report_received
        WHERE received_day BETWEEN @from AND @to AND received_at <= @asOf
      UNION ALL
      SELECT 1, ${keyOf(groupBy, true)}, channel, due_date, ${sday}
        FROM dossiers INDEXED BY dossiers_report_settled
        WHERE ${SETTLED} >= @fromStart AND received_day < @from
    )
    GROUP BY key`;
}

type Params = Omit<DossierAsOfQuery, 'groupBy'>;

export class DossierReportRepo {
  private readonly statements = new Map<DossierGroupBy, Statement<[Params], DossierAsOfSums>>();

  constructor(private readonly db: Db) {}

  /**
   * Per group: received in the range by channel (received_at ≤ asOf), carried over (received
   * before the range, not resolved by its first instant), and for both what they were at
   * `asOf`: resolved early / on the due day / late, or in progress not yet due / overdue.
   */
  asOf(q: DossierAsOfQuery): DossierAsOfSums[] {
    let stmt = this.statements.get(q.groupBy);
    if (!stmt) {
      stmt = this.db.prepare<[Params], DossierAsOfSums>(sql(q.groupBy));
      this.statements.set(q.groupBy, stmt);
    }
    const { from, to, fromStart, asOf, asOfDay } = q;
    return stmt.all({ from, to, fromStart, asOf, asOfDay });
  }
}
