import type { CalendarEntry, CalendarEntryKind, Dossier, DossierChannel, DossierStatus, Id, Procedure, ReceivedDocument } from '@qms/core';
import type { Statement } from 'better-sqlite3';
import type { Db } from './db';

export interface DossierRow {
  id: string;
  code: string;
  procedure_id: string;
  field_id: string;
  channel: string;
  ticket_id: string | null;
  applicant_name: string | null;
  applicant_cccd: string | null;
  applicant_phone: string | null;
  applicant_birth: string | null;
  applicant_address: string | null;
  received_at: number;
  received_day: string;
  code_seq: number | null;
  due_date: string;
  status: string;
  resolved_at: number | null;
  returned_at: number | null;
  counter_id: string | null;
  officer_id: string | null;
  note: string | null;
  /** Since 0014; absent when read at an older schema. */
  documents_json?: string;
}

interface ProcedureRow {
  id: string;
  field_id: string;
  code: string;
  name: string;
  processing_days: number;
  fee: number;
  enabled: number;
  cutoff_time: string | null;
  /** Since 0014. */
  documents_json?: string;
}

export interface DossierHistoryEntry {
  at: number;
  from: DossierStatus | null;
  to: DossierStatus;
  actorKind: string;
  actorId: string | null;
  note: string | null;
}

export type TicketDossierKind = 'reception' | 'visit' | 'pickup';

/** A `dossier_history` row as the store reads it. */
export interface HistoryRow {
  at: number;
  from_status: string | null;
  to_status: string;
  actor_kind: string;
  actor_id: string | null;
  note: string | null;
}

export function toHistoryEntry(r: HistoryRow): DossierHistoryEntry {
  return {
    at: r.at,
    from: r.from_status as DossierStatus | null,
    to: r.to_status as DossierStatus,
    actorKind: r.actor_kind,
    actorId: r.actor_id,
    note: r.note,
  };
}

/** A stored `documents_json` (0014) as the optional `documents` of the model: absent when there are none. */
function withDocuments(json: string | undefined): { documents?: ReceivedDocument[] } {
  if (json === undefined || json === '[]') return {};
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) && v.length > 0 ? { documents: v as ReceivedDocument[] } : {};
  } catch {
    return {};
  }
}

export function toDossier(r: DossierRow): Dossier {
  return {
    id: r.id,
    code: r.code,
    procedureId: r.procedure_id,
    fieldId: r.field_id,
    channel: r.channel as DossierChannel,
    ticketId: r.ticket_id,
    applicant: {
      fullName: r.applicant_name ?? '',
      cccd: r.applicant_cccd,
      phone: r.applicant_phone,
      birthDate: r.applicant_birth,
      address: r.applicant_address,
    },
    receivedAt: r.received_at,
    dueDate: r.due_date,
    status: r.status as DossierStatus,
    resolvedAt: r.resolved_at,
    returnedAt: r.returned_at,
    counterId: r.counter_id,
    officerId: r.officer_id,
    note: r.note,
    ...withDocuments(r.documents_json),
  };
}

const toProcedure = (r: ProcedureRow): Procedure => ({
  id: r.id,
  fieldId: r.field_id,
  code: r.code,
  name: r.name,
  processingDays: r.processing_days,
  cutoffTime: r.cutoff_time,
  fee: r.fee,
  enabled: r.enabled === 1,
  ...withDocuments(r.documents_json),
});

/** Dossiers (the only table with personal data), their history, procedures and holidays. */
export class DossierRepo {
  private saveProcedureStatement: Statement | null = null;
  private insertStatement: Statement | null = null;
  private historyStatement: Statement | null = null;
  private updateImportedStatement: Statement | null = null;
  private byCodesStatement: Statement<[string], DossierRow> | null = null;

  constructor(private readonly db: Db) {}

  insert(d: Dossier, receivedDay: string, codeSeq: number | null): void {
    // prepared once: an import inserts up to 50,000
    this.insertStatement ??= this.db.prepare(`INSERT INTO dossiers (id, code, procedure_id, field_id, channel, ticket_id, applicant_name, applicant_cccd,
          applicant_phone, applicant_birth, applicant_address, received_at, received_day, code_seq, due_date, status,
          resolved_at, returned_at, counter_id, officer_id, note)
        VALUES (@id, @code, @procedureId, @fieldId, @channel, @ticketId, @name, @cccd, @phone, @birth, @address, @receivedAt,
          @receivedDay, @codeSeq, @dueDate, @status, @resolvedAt, @returnedAt, @counterId, @officerId, @note)`);
    this.insertStatement.run({
      ...d,
      name: d.applicant.fullName || null,
      cccd: d.applicant.cccd,
      phone: d.applicant.phone,
      birth: d.applicant.birthDate,
      address: d.applicant.address,
      receivedDay,
      codeSeq,
    });
    // a statement of its own (0014): tests write dossiers at older schemas too
    if (d.documents && d.documents.length > 0) this.setDocuments(d.id, d.documents);
  }

  /** What an import may change of a stored dossier: status, its dates and the due date. */
  updateImported(d: Pick<Dossier, 'id' | 'status' | 'dueDate' | 'resolvedAt' | 'returnedAt'>): void {
    this.updateImportedStatement ??= this.db.prepare(
      'UPDATE dossiers SET status = @status, due_date = @dueDate, resolved_at = @resolvedAt, returned_at = @returnedAt WHERE id = @id',
    );
    this.updateImportedStatement.run({ id: d.id, status: d.status, dueDate: d.dueDate, resolvedAt: d.resolvedAt, returnedAt: d.returnedAt });
  }

  /** Status and its dates (everything else of a dossier is fixed once received). */
  updateStatus(d: Pick<Dossier, 'id' | 'status' | 'resolvedAt' | 'returnedAt'>): void {
    this.db
      .prepare('UPDATE dossiers SET status = @status, resolved_at = @resolvedAt, returned_at = @returnedAt WHERE id = @id')
      .run(d);
  }

  byId(id: Id): Dossier | null {
    const row = this.db.prepare<[string], DossierRow>('SELECT * FROM dossiers WHERE id = ?').get(id);
    return row ? toDossier(row) : null;
  }

  /** The dossier of a code in any case (the one written exactly so first, should two differ only in case). */
  byCode(code: string): Dossier | null {
    const row = this.db
      .prepare<[string, string], DossierRow>('SELECT * FROM dossiers WHERE code = ? COLLATE NOCASE ORDER BY code = ? DESC LIMIT 1')
      .get(code, code);
    return row ? toDossier(row) : null;
  }

  /** Stored dossiers of these codes, keyed by the code in upper case (codes compare without regard to case). */
  byCodes(codes: readonly string[]): Map<string, Dossier> {
    this.byCodesStatement ??= this.db.prepare<[string], DossierRow>(
      'SELECT * FROM dossiers WHERE code COLLATE NOCASE IN (SELECT value FROM json_each(?))',
    );
    const found = new Map<string, Dossier>();
    for (const row of this.byCodesStatement.all(JSON.stringify(codes))) found.set(row.code.toUpperCase(), toDossier(row));
    return found;
  }

  /** Highest daily sequence of this hub's own codes on a day (online codes come from the portal). */
  lastCodeSeq(day: string): number | null {
    return (
      this.db
        .prepare<[string], { seq: number | null }>("SELECT MAX(code_seq) AS seq FROM dossiers WHERE received_day = ? AND channel = 'counter'")
        .get(day)?.seq ?? null
    );
  }

  /**
   * Daily sequences taken by codes `<prefix>NNNN` (`prefix` = `<agency>-<YYMMDD>-`), in any case
   * and whatever the channel: an imported code can sit in the counter's own code space.
   */
  takenCodeSeqs(prefix: string): Set<number> {
    // a range on dossiers_code_nocase: codes from `prefix` up to the prefix with its last character's successor
    const end = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
    const rows = this.db
      .prepare<[string, string], { code: string }>('SELECT code FROM dossiers WHERE code >= ? COLLATE NOCASE AND code < ? COLLATE NOCASE')
      .all(prefix, end);
    const seqs = rows.filter((r) => /^\d{4}$/.test(r.code.slice(prefix.length))).map((r) => Number(r.code.slice(prefix.length)));
    return new Set(seqs);
  }

  forTicket(ticketId: Id): Array<Dossier & { link: TicketDossierKind }> {
    return this.db
      .prepare<[string], DossierRow & { kind: string }>(
        `SELECT d.*, l.kind FROM ticket_dossiers l JOIN dossiers d ON d.id = l.dossier_id WHERE l.ticket_id = ? ORDER BY l.at, d.code`,
      )
      .all(ticketId)
      .map((r) => ({ ...toDossier(r), link: r.kind as TicketDossierKind }));
  }

  /** The tickets a dossier was handled with, in order. */
  forTicketsOf(dossierId: Id): Array<{ ticketId: Id; number: string; kind: TicketDossierKind }> {
    return this.db
      .prepare<[string], { ticket_id: string; number: string; kind: string }>(
        `SELECT l.ticket_id, t.number, l.kind FROM ticket_dossiers l JOIN tickets t ON t.id = l.ticket_id
         WHERE l.dossier_id = ? ORDER BY l.at, t.issued_at, t.number`,
      )
      .all(dossierId)
      .map((r) => ({ ticketId: r.ticket_id, number: r.number, kind: r.kind as TicketDossierKind }));
  }

  link(ticketId: Id, dossierId: Id, kind: TicketDossierKind, at: number): void {
    this.db
      .prepare('INSERT OR IGNORE INTO ticket_dossiers (ticket_id, dossier_id, kind, at) VALUES (?, ?, ?, ?)')
      .run(ticketId, dossierId, kind, at);
  }

  /** Appends a history row; returns its id. */
  addHistory(dossierId: Id, e: DossierHistoryEntry): number {
    this.historyStatement ??= this.db.prepare(
      'INSERT INTO dossier_history (dossier_id, at, from_status, to_status, actor_kind, actor_id, note) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    return Number(this.historyStatement.run(dossierId, e.at, e.from, e.to, e.actorKind, e.actorId, e.note).lastInsertRowid);
  }

  history(dossierId: Id): DossierHistoryEntry[] {
    return this.db
      .prepare<[string], HistoryRow>('SELECT * FROM dossier_history WHERE dossier_id = ? ORDER BY at, id')
      .all(dossierId)
      .map(toHistoryEntry);
  }

  byCccd(cccd: string): Dossier[] {
    return this.db.prepare<[string], DossierRow>('SELECT * FROM dossiers WHERE applicant_cccd = ? ORDER BY received_at, code').all(cccd).map(toDossier);
  }

  /**
   * Dossiers of a person known by name and birth date: the name compared NFC, case-insensitively
   * and ignoring extra spaces; a dossier without a recorded birth date (an imported online one)
   * matches on the name alone.
   */
  byNameAndBirth(fullName: string, birthDate: string): Dossier[] {
    const wanted = comparableName(fullName);
    return this.db
      .prepare<[string], DossierRow>(
        `SELECT * FROM dossiers WHERE applicant_name IS NOT NULL AND (applicant_birth = ? OR applicant_birth IS NULL) ORDER BY received_at, code`,
      )
      .all(birthDate)
      .filter((r) => comparableName(r.applicant_name ?? '') === wanted)
      .map(toDossier);
  }

  /** Erases a person's data from these dossiers (the dossiers stay, for the statistics). */
  eraseApplicant(dossierIds: readonly Id[], at: number): number {
    const json = JSON.stringify(dossierIds);
    // free-text notes may hold personal details too
    this.db.prepare('UPDATE dossier_history SET note = NULL WHERE dossier_id IN (SELECT value FROM json_each(?))').run(json);
    return this.db
      .prepare(`UPDATE dossiers SET applicant_name = NULL, applicant_cccd = NULL, applicant_phone = NULL,
          applicant_birth = NULL, applicant_address = NULL, note = NULL, erased_at = ? WHERE id IN (SELECT value FROM json_each(?))`)
      .run(at, json).changes;
  }

  procedures(): Procedure[] {
    return this.db.prepare<[], ProcedureRow>('SELECT * FROM procedures ORDER BY sort_order, name').all().map(toProcedure);
  }

  /** Upserts a procedure by id (one statement prepared once: a catalog import saves up to 10,000). */
  saveProcedure(p: Procedure, sortOrder = 0): void {
    this.saveProcedureStatement ??= this.db.prepare(`INSERT INTO procedures (id, field_id, code, name, processing_days, cutoff_time, fee, enabled, sort_order, documents_json)
        VALUES (@id, @fieldId, @code, @name, @processingDays, @cutoffTime, @fee, @enabledInt, @sortOrder, @documentsJson)
        ON CONFLICT (id) DO UPDATE SET field_id = excluded.field_id, code = excluded.code, name = excluded.name,
          processing_days = excluded.processing_days, cutoff_time = excluded.cutoff_time, fee = excluded.fee, enabled = excluded.enabled,
          sort_order = excluded.sort_order, documents_json = excluded.documents_json`);
    this.saveProcedureStatement.run({ id: p.id, fieldId: p.fieldId, code: p.code, name: p.name, processingDays: p.processingDays, cutoffTime: p.cutoffTime ?? null, fee: p.fee, enabledInt: p.enabled ? 1 : 0, sortOrder, documentsJson: JSON.stringify(p.documents ?? []) });
  }

  /** The documents received with a dossier (the receipt's list). */
  setDocuments(dossierId: Id, documents: readonly ReceivedDocument[]): void {
    this.db.prepare('UPDATE dossiers SET documents_json = ? WHERE id = ?').run(JSON.stringify(documents), dossierId);
  }

  /** The site's own calendar entries (over Vietnam's default holidays, see SiteCalendar in core). */
  holidayList(): CalendarEntry[] {
    return this.db
      .prepare<[], { day: string; name: string; kind: string }>('SELECT day, name, kind FROM holidays ORDER BY day')
      .all()
      .map((r) => ({ day: r.day, name: r.name, kind: r.kind as CalendarEntryKind }));
  }

  /** The whole list at once (the admin edits it as a list). */
  replaceHolidays(list: ReadonlyArray<{ day: string; name: string; kind?: CalendarEntryKind }>): void {
    this.db.prepare('DELETE FROM holidays').run();
    for (const h of list) this.saveHoliday(h.day, h.name, h.kind);
  }

  saveHoliday(day: string, name: string, kind: CalendarEntryKind = 'off'): void {
    this.db
      .prepare('INSERT INTO holidays (day, name, kind) VALUES (?, ?, ?) ON CONFLICT (day) DO UPDATE SET name = excluded.name, kind = excluded.kind')
      .run(day, name, kind);
  }
}

/** A name as people type it: NFC, lower case, single spaces. */
export function comparableName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('vi');
}
