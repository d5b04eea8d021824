import { priorityGroupsInEffect, ranksAsPriority } from '@qms/core';
import type { Id, PriorityGroup, PriorityPolicy, RatingLevel, ServiceDay, Ticket, TicketSource, TicketStatus } from '@qms/core';
import type { Db } from './db';

interface TicketRow {
  id: string;
  service_day: string;
  field_id: string;
  number_field_id: string;
  seq: number;
  number: string;
  priority_group: string | null;
  status: string;
  issued_at: number;
  called_at: number | null;
  serving_at: number | null;
  finished_at: number | null;
  counter_id: string | null;
  officer_id: string | null;
  call_count: number;
  target_counter_id: string | null;
  transfer_count: number;
  note: string | null;
  source: string;
  issued_by: string | null;
}

function toTicket(r: TicketRow): Ticket {
  return {
    id: r.id,
    serviceDay: r.service_day,
    fieldId: r.field_id,
    numberFieldId: r.number_field_id,
    seq: r.seq,
    number: r.number,
    priorityGroup: r.priority_group as PriorityGroup | null,
    status: r.status as TicketStatus,
    issuedAt: r.issued_at,
    calledAt: r.called_at,
    servingAt: r.serving_at,
    finishedAt: r.finished_at,
    counterId: r.counter_id,
    officerId: r.officer_id,
    callCount: r.call_count,
    targetCounterId: r.target_counter_id,
    transferCount: r.transfer_count,
    note: r.note,
    source: r.source as TicketSource,
    issuedBy: r.issued_by,
  };
}

const COLUMNS = `id, service_day, field_id, number_field_id, seq, number, priority_group, status, issued_at,
  called_at, serving_at, finished_at, counter_id, officer_id, call_count, target_counter_id,
  transfer_count, note, source, issued_by`;
const PARAMS = `@id, @serviceDay, @fieldId, @numberFieldId, @seq, @number, @priorityGroup, @status, @issuedAt,
  @calledAt, @servingAt, @finishedAt, @counterId, @officerId, @callCount, @targetCounterId,
  @transferCount, @note, @source, @issuedBy`;

interface BestWaitingParams {
  day: string;
  counterId: string;
  fieldIds: string;
  groups: string;
  priority: number;
}

interface AheadParams {
  day: string;
  fieldId: string;
  id: string;
  issuedAt: number;
  seq: number;
  groups: string;
  priority: number;
}

/** How many recent service times per field the wait estimate uses. */
export const RECENT_SERVICE_TIMES = 20;

interface RecentTimes {
  /** Newest first: finished_at - serving_at of the field's latest done tickets. */
  times: number[];
  ids: string[];
  newestFinishedAt: number;
}

/** Tickets: one row per ticket, numbers unique per (day, field the number came from, seq). */
/**
 * Served and no-show counts of a set of tickets, by each ticket's current state: the one rule of
 * the admin dashboard's "today" and the officer's "my day" (a no-show called back and served
 * counts as served, not as a no-show; one called back and still at the desk counts as neither).
 */
const OUTCOME_COUNTS = "COALESCE(SUM(status = 'done'), 0) AS served, COALESCE(SUM(status = 'no_show'), 0) AS noShow";

export class TicketRepo {
  /**
   * Recent service times per field, kept in memory: read once from the table, then extended as
   * tickets of the field finish (each finish is the newest). Anything unusual (an older finish, a
   * done ticket written again, a rolled-back transaction: see `forgetCaches`) drops the entry,
   * and the next read goes back to the table.
   */
  private readonly recentTimes = new Map<Id, RecentTimes>();
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly byIdStmt;
  private readonly lastSeqStmt;
  private readonly byDayStatusStmt;
  private readonly activeStmt;
  private readonly serviceTimesStmt;
  private readonly byNumberStmt;
  private readonly recentCallsStmt;
  private readonly staleStmt;
  private readonly waitingCountsStmt;
  private readonly waitingForCounterStmt;
  private readonly waitingInFieldStmt;
  private readonly atCounterStmt;
  private readonly issuedByStmt;
  private readonly bestStmt;
  private readonly aheadStmt;
  private readonly officerDayStmt;
  private readonly dayTotalsStmt;

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(`INSERT INTO tickets (${COLUMNS}) VALUES (${PARAMS})`);
    this.updateStmt = db.prepare(`UPDATE tickets SET field_id = @fieldId, status = @status,
      called_at = @calledAt, serving_at = @servingAt, finished_at = @finishedAt, counter_id = @counterId,
      officer_id = @officerId, call_count = @callCount, target_counter_id = @targetCounterId,
      transfer_count = @transferCount, note = @note, priority_group = @priorityGroup WHERE id = @id`);
    this.byIdStmt = db.prepare<[string], TicketRow>(`SELECT ${COLUMNS} FROM tickets WHERE id = ?`);
    this.lastSeqStmt = db.prepare<[string, string], { seq: number | null }>(
      'SELECT MAX(seq) AS seq FROM tickets WHERE service_day = ? AND number_field_id = ?',
    );
    this.byDayStatusStmt = db.prepare<[string, string], TicketRow>(
      `SELECT ${COLUMNS} FROM tickets WHERE service_day = ? AND status = ? ORDER BY issued_at, seq, id`,
    );
    this.activeStmt = db.prepare<[string], TicketRow>(
      `SELECT ${COLUMNS} FROM tickets WHERE service_day = ? AND status IN ('waiting', 'called', 'serving')
       ORDER BY issued_at, seq, id`,
    );
    this.serviceTimesStmt = db.prepare<[string, number], { ms: number; id: string; finishedAt: number }>(
      `SELECT finished_at - serving_at AS ms, id, finished_at AS finishedAt FROM tickets
       WHERE field_id = ? AND status = 'done' AND serving_at IS NOT NULL AND finished_at IS NOT NULL
       ORDER BY finished_at DESC LIMIT ?`,
    );
    this.byNumberStmt = db.prepare<[string, string], TicketRow>(
      `SELECT ${COLUMNS} FROM tickets WHERE service_day = ? AND number = ? ORDER BY issued_at DESC`,
    );
    this.recentCallsStmt = db.prepare<[string, number], TicketRow>(
      `SELECT ${COLUMNS} FROM tickets WHERE service_day = ? AND called_at IS NOT NULL
       ORDER BY called_at DESC LIMIT ?`,
    );
    this.staleStmt = db.prepare<[string], TicketRow>(
      `SELECT ${COLUMNS} FROM tickets WHERE service_day < ? AND status IN ('waiting', 'called', 'serving')`,
    );
    this.waitingCountsStmt = db.prepare<[string], { field_id: string; n: number }>(
      `SELECT field_id, COUNT(*) AS n FROM tickets WHERE service_day = ? AND status = 'waiting' GROUP BY field_id`,
    );
    this.waitingForCounterStmt = db.prepare<[{ day: string; counterId: string; fieldIds: string }], TicketRow>(
      `SELECT ${COLUMNS} FROM tickets WHERE service_day = @day AND status = 'waiting'
       AND (target_counter_id = @counterId OR (target_counter_id IS NULL AND field_id IN (SELECT value FROM json_each(@fieldIds))))`,
    );
    this.waitingInFieldStmt = db.prepare<[string, string], TicketRow>(
      `SELECT ${COLUMNS} FROM tickets WHERE service_day = ? AND status = 'waiting' AND field_id = ?`,
    );
    // eligible: targeted at this counter, or untargeted in one of its fields; class: priority or
    // not (by the site's enabled groups); order: field rank (-1 for targeted from other fields),
    // issue time, seq, id: the same order as core's compareQueueOrder
    this.bestStmt = db.prepare<[BestWaitingParams], TicketRow>(
      `SELECT ${COLUMNS.split(',').map((c) => `t.${c.trim()}`).join(', ')}
       FROM tickets t LEFT JOIN json_each(@fieldIds) j ON j.value = t.field_id
       WHERE t.service_day = @day AND t.status = 'waiting'
         AND (t.target_counter_id = @counterId OR (t.target_counter_id IS NULL AND j.key IS NOT NULL))
         AND (COALESCE(t.priority_group IN (SELECT value FROM json_each(@groups)), 0) = @priority)
       ORDER BY COALESCE(j.key, -1), t.issued_at, t.seq, t.id
       LIMIT 1`,
    );
    // core's ranksAhead: class 1 = a group in @groups (core's priorityGroupsInEffect), and a
    // ticket ranks ahead when its class is higher, or equal and it was issued earlier
    this.aheadStmt = db.prepare<[AheadParams], { n: number }>(
      `SELECT COUNT(*) AS n FROM (
         SELECT COALESCE(priority_group IN (SELECT value FROM json_each(@groups)), 0) AS cls, issued_at, seq, id
         FROM tickets WHERE service_day = @day AND status = 'waiting' AND field_id = @fieldId AND id <> @id)
       WHERE cls > @priority OR (cls = @priority AND (issued_at, seq, id) < (@issuedAt, @seq, @id))`,
    );
    this.issuedByStmt = db.prepare<[string, number], { n: number }>(
      'SELECT COUNT(*) AS n FROM tickets WHERE issued_by = ? AND issued_at >= ?',
    );
    this.officerDayStmt = db.prepare<[string, string], { served: number; noShow: number; avg: number | null }>(
      `SELECT ${OUTCOME_COUNTS},
         AVG(CASE WHEN status = 'done' THEN finished_at - serving_at END) AS avg
       FROM tickets WHERE officer_id = ? AND service_day = ?`,
    );
    this.dayTotalsStmt = db.prepare<[string], { issued: number; served: number; noShow: number; wait: number | null; service: number | null }>(
      `SELECT COUNT(*) AS issued, ${OUTCOME_COUNTS},
         AVG(CASE WHEN called_at IS NOT NULL AND transfer_count = 0 THEN called_at - issued_at END) AS wait,
         AVG(CASE WHEN status = 'done' AND serving_at IS NOT NULL THEN finished_at - serving_at END) AS service
       FROM tickets WHERE service_day = ?`,
    );
    this.atCounterStmt = db.prepare<[string, string], TicketRow>(
      `SELECT ${COLUMNS} FROM tickets WHERE counter_id = ? AND status IN ('called', 'serving') AND service_day = ?`,
    );
  }

  /** Waiting tickets per field today, as counts. */
  waitingCounts(day: ServiceDay): Map<Id, number> {
    const rows = this.waitingCountsStmt.all(day);
    return new Map(rows.map((r) => [r.field_id, r.n]));
  }

  /** Waiting tickets a counter may call: targeted at it, or untargeted in one of its fields. */
  waitingForCounter(day: ServiceDay, counterId: Id, fieldIds: readonly Id[]): Ticket[] {
    return this.waitingForCounterStmt.all({ day, counterId, fieldIds: JSON.stringify(fieldIds) }).map(toTicket);
  }

  waitingInField(day: ServiceDay, fieldId: Id): Ticket[] {
    return this.waitingInFieldStmt.all(day, fieldId).map(toTicket);
  }

  /**
   * The first waiting ticket of one class (priority or normal) this counter may call, in the
   * counter's queue order. The call policy then chooses between the two classes.
   */
  bestWaiting(day: ServiceDay, counterId: Id, fieldIds: readonly Id[], priorityGroups: readonly string[], priority: boolean): Ticket | null {
    const row = this.bestStmt.get({
      day,
      counterId,
      fieldIds: JSON.stringify(fieldIds),
      groups: JSON.stringify(priorityGroups),
      priority: priority ? 1 : 0,
    });
    return row ? toTicket(row) : null;
  }

  /** Waiting tickets of the same field ahead of `t` under the site's priority policy (core's `ranksAhead`). */
  countAhead(t: Ticket, policy: PriorityPolicy): number {
    return (
      this.aheadStmt.get({
        day: t.serviceDay,
        fieldId: t.fieldId,
        id: t.id,
        issuedAt: t.issuedAt,
        seq: t.seq,
        groups: JSON.stringify(priorityGroupsInEffect(policy)),
        priority: ranksAsPriority(t, policy) ? 1 : 0,
      })?.n ?? 0
    );
  }

  /** An officer's day: tickets served (done), no-shows, and the mean service time of the served ones. */
  officerDay(officerId: Id, day: ServiceDay): { served: number; noShow: number; avgServiceMs: number | null } {
    const row = this.officerDayStmt.get(officerId, day);
    return { served: row?.served ?? 0, noShow: row?.noShow ?? 0, avgServiceMs: row?.avg ?? null };
  }

  /** Today's totals for the live dashboard (one day of raw rows: small). */
  dayTotals(day: ServiceDay): { issued: number; served: number; noShow: number; avgWaitMs: number | null; avgServiceMs: number | null } {
    const r = this.dayTotalsStmt.get(day);
    return { issued: r?.issued ?? 0, served: r?.served ?? 0, noShow: r?.noShow ?? 0, avgWaitMs: r?.wait ?? null, avgServiceMs: r?.service ?? null };
  }

  dayRatings(day: ServiceDay): Array<{ level: RatingLevel; n: number }> {
    return this.db
      .prepare<[string], { level: RatingLevel; n: number }>(
        'SELECT r.level, COUNT(*) AS n FROM ratings r JOIN tickets t ON t.id = r.ticket_id WHERE t.service_day = ? GROUP BY r.level',
      )
      .all(day);
  }

  /** Tickets a device issued since `at` (anti-hoarding limit per kiosk). */
  countIssuedBy(deviceId: Id, at: number): number {
    return this.issuedByStmt.get(deviceId, at)?.n ?? 0;
  }

  /** Tickets called or being served at a counter (normally at most one). */
  atCounter(day: ServiceDay, counterId: Id): Ticket[] {
    return this.atCounterStmt.all(counterId, day).map(toTicket);
  }

  insert(t: Ticket): void {
    this.insertStmt.run(t);
    this.noteWritten(t);
  }

  update(t: Ticket): void {
    const info = this.updateStmt.run(t);
    if (info.changes !== 1) throw new Error(`ticket ${t.id} not found for update`);
    this.noteWritten(t);
  }

  /** Drops what is held in memory (after a rollback: it may hold rows that were never committed). */
  forgetCaches(): void {
    this.recentTimes.clear();
  }

  private noteWritten(t: Ticket): void {
    for (const [fieldId, entry] of this.recentTimes) {
      // a ticket already counted is written again (or moved): read that field again next time
      if (entry.ids.includes(t.id)) this.recentTimes.delete(fieldId);
    }
    const entry = this.recentTimes.get(t.fieldId);
    if (!entry || t.status !== 'done' || t.servingAt === null || t.finishedAt === null) return;
    if (t.finishedAt < entry.newestFinishedAt) {
      this.recentTimes.delete(t.fieldId);
      return;
    }
    entry.times.unshift(t.finishedAt - t.servingAt);
    entry.ids.unshift(t.id);
    entry.newestFinishedAt = t.finishedAt;
    entry.times.length = Math.min(entry.times.length, RECENT_SERVICE_TIMES);
    entry.ids.length = entry.times.length;
  }

  byId(id: Id): Ticket | null {
    const row = this.byIdStmt.get(id);
    return row ? toTicket(row) : null;
  }

  /** Highest sequence drawn today from a field, or null before the first ticket of the day. */
  lastSeq(day: ServiceDay, numberFieldId: Id): number | null {
    return this.lastSeqStmt.get(day, numberFieldId)?.seq ?? null;
  }

  byDayAndStatus(day: ServiceDay, status: TicketStatus): Ticket[] {
    return this.byDayStatusStmt.all(day, status).map(toTicket);
  }

  /** Waiting, called and serving tickets of a day, in issue order. */
  active(day: ServiceDay): Ticket[] {
    return this.activeStmt.all(day).map(toTicket);
  }

  /** Today's tickets with this display number (a number may repeat across fields with the same prefix). */
  byNumber(day: ServiceDay, number: string): Ticket[] {
    return this.byNumberStmt.all(day, number).map(toTicket);
  }

  /** Service times (ms) of the field's latest done tickets, newest first. */
  recentServiceTimes(fieldId: Id): readonly number[] {
    let entry = this.recentTimes.get(fieldId);
    if (!entry) {
      const rows = this.serviceTimesStmt.all(fieldId, RECENT_SERVICE_TIMES);
      entry = {
        times: rows.map((r) => r.ms),
        ids: rows.map((r) => r.id),
        newestFinishedAt: rows[0]?.finishedAt ?? Number.NEGATIVE_INFINITY,
      };
      this.recentTimes.set(fieldId, entry);
    }
    return entry.times;
  }

  recentCalls(day: ServiceDay, limit: number): Ticket[] {
    return this.recentCallsStmt.all(day, limit).map(toTicket);
  }

  /** Tickets left active from earlier days (closed at the start of a new day). */
  staleActive(today: ServiceDay): Ticket[] {
    return this.staleStmt.all(today).map(toTicket);
  }
}
