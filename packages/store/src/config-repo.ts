import type { Counter, CounterKind, CounterStatus, Field, Id, Site } from '@qms/core';
import type { Db } from './db';

interface SiteRow {
  id: string;
  name: string;
  agency_code: string;
  /** Since 0014. */
  place?: string;
  time_zone: string;
  opening_hours_json: string;
  priority_json: string;
}
interface FieldRow {
  id: string;
  code: string;
  name_vi: string;
  name_en: string;
  hint_vi: string;
  hint_en: string;
  icon: string;
  number_style: string;
  number_prefix: string;
  range_start: number;
  range_end: number;
  pad: number;
  sort_order: number;
  enabled: number;
  default_service_minutes: number;
}
interface CounterRow {
  id: string;
  number: number;
  name: string;
  kind: string;
  status: string;
  officer_id: string | null;
  consecutive_priority_calls: number;
  enabled: number;
}

function toField(r: FieldRow): Field {
  return {
    id: r.id,
    code: r.code,
    nameVi: r.name_vi,
    nameEn: r.name_en,
    hintVi: r.hint_vi,
    hintEn: r.hint_en,
    icon: r.icon,
    numberFormat: {
      style: r.number_style as Field['numberFormat']['style'],
      prefix: r.number_prefix,
      rangeStart: r.range_start,
      rangeEnd: r.range_end,
      pad: r.pad,
    },
    sortOrder: r.sort_order,
    enabled: r.enabled === 1,
    defaultServiceMinutes: r.default_service_minutes,
  };
}

/** Site, fields (lĩnh vực) and counters with the ordered fields each serves. */
export class ConfigRepo {
  private readonly db: Db;
  private readonly siteStmt;
  private readonly fieldsStmt;
  private readonly countersStmt;
  private readonly counterFieldsStmt;
  private readonly updateCounterStateStmt;

  constructor(db: Db) {
    this.db = db;
    this.siteStmt = db.prepare<[], SiteRow>('SELECT * FROM site LIMIT 1');
    this.fieldsStmt = db.prepare<[], FieldRow>('SELECT * FROM fields ORDER BY sort_order, code');
    this.countersStmt = db.prepare<[], CounterRow>('SELECT * FROM counters ORDER BY number');
    this.counterFieldsStmt = db.prepare<[], { counter_id: string; field_id: string }>(
      'SELECT counter_id, field_id FROM counter_fields ORDER BY counter_id, rank',
    );
    this.updateCounterStateStmt = db.prepare(`UPDATE counters SET status = @status, officer_id = @officerId,
      consecutive_priority_calls = @consecutivePriorityCalls WHERE id = @id`);
  }

  /** The field result pickups join (site setting), if set. */
  pickupFieldId(): string | null {
    return this.db.prepare<[], { f: string | null }>('SELECT pickup_field_id AS f FROM site LIMIT 1').get()?.f ?? null;
  }

  lookupSecret(): string | null {
    return this.db.prepare<[], { s: string | null }>('SELECT lookup_secret AS s FROM site LIMIT 1').get()?.s ?? null;
  }

  setLookupSecret(secret: string): void {
    this.db.prepare('UPDATE site SET lookup_secret = ?').run(secret);
  }

  setPickupFieldId(fieldId: string | null): void {
    this.db.prepare('UPDATE site SET pickup_field_id = ?').run(fieldId);
  }

  site(): Site | null {
    const r = this.siteStmt.get();
    if (!r) return null;
    return {
      id: r.id,
      name: r.name,
      agencyCode: r.agency_code,
      ...(r.place ? { place: r.place } : {}),
      timeZone: r.time_zone,
      openingHours: JSON.parse(r.opening_hours_json) as Site['openingHours'],
      priority: JSON.parse(r.priority_json) as Site['priority'],
    };
  }

  saveSite(s: Site, at: number): void {
    this.db
      .prepare(`INSERT INTO site (id, name, agency_code, time_zone, opening_hours_json, priority_json, updated_at)
        VALUES (@id, @name, @agencyCode, @timeZone, @oh, @prio, @at)
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, agency_code = excluded.agency_code,
          time_zone = excluded.time_zone, opening_hours_json = excluded.opening_hours_json,
          priority_json = excluded.priority_json, updated_at = excluded.updated_at`)
      .run({ id: s.id, name: s.name, agencyCode: s.agencyCode, timeZone: s.timeZone, oh: JSON.stringify(s.openingHours), prio: JSON.stringify(s.priority), at });
    // the place (0014) has its own statement: tests open the store at older schemas too
    if (s.place !== undefined) this.setPlace(s.place);
  }

  /** The place the receipt writes before its date ("Hà Nội"); '' = the date alone. */
  setPlace(place: string): void {
    this.db.prepare('UPDATE site SET place = ?').run(place.normalize('NFC').trim());
  }

  fields(): Field[] {
    return this.fieldsStmt.all().map(toField);
  }

  saveField(f: Field): void {
    this.db
      .prepare(`INSERT INTO fields (id, code, name_vi, name_en, hint_vi, hint_en, icon, number_style, number_prefix,
          range_start, range_end, pad, sort_order, enabled, default_service_minutes)
        VALUES (@id, @code, @nameVi, @nameEn, @hintVi, @hintEn, @icon, @style, @prefix, @rangeStart, @rangeEnd, @pad,
          @sortOrder, @enabled, @defaultServiceMinutes)
        ON CONFLICT (id) DO UPDATE SET code = excluded.code, name_vi = excluded.name_vi, name_en = excluded.name_en,
          hint_vi = excluded.hint_vi, hint_en = excluded.hint_en, icon = excluded.icon,
          number_style = excluded.number_style, number_prefix = excluded.number_prefix,
          range_start = excluded.range_start, range_end = excluded.range_end, pad = excluded.pad,
          sort_order = excluded.sort_order, enabled = excluded.enabled,
          default_service_minutes = excluded.default_service_minutes`)
      .run({ ...f, ...f.numberFormat, enabled: f.enabled ? 1 : 0 });
  }

  counters(): Counter[] {
    const fieldsByCounter = new Map<string, string[]>();
    for (const r of this.counterFieldsStmt.all()) {
      const list = fieldsByCounter.get(r.counter_id) ?? [];
      list.push(r.field_id);
      fieldsByCounter.set(r.counter_id, list);
    }
    return this.countersStmt.all().map((r) => ({
      id: r.id,
      number: r.number,
      name: r.name,
      kind: r.kind as CounterKind,
      fieldIds: fieldsByCounter.get(r.id) ?? [],
      status: r.status as CounterStatus,
      officerId: r.officer_id,
      consecutivePriorityCalls: r.consecutive_priority_calls,
      enabled: r.enabled === 1,
    }));
  }

  /**
   * Inserts or replaces a counter and its ordered field list, all or nothing (a savepoint when
   * already inside a transaction). Live state (status, officer, priority run) is kept on update.
   */
  saveCounter(c: Counter): void {
    this.db.transaction(() => {
      this.db
        .prepare(`INSERT INTO counters (id, number, name, kind, status, officer_id, consecutive_priority_calls, enabled)
          VALUES (@id, @number, @name, @kind, @status, @officerId, @consecutivePriorityCalls, @enabled)
          ON CONFLICT (id) DO UPDATE SET number = excluded.number, name = excluded.name, kind = excluded.kind,
            enabled = excluded.enabled`)
        .run({ ...c, enabled: c.enabled ? 1 : 0 });
      this.db.prepare('DELETE FROM counter_fields WHERE counter_id = ?').run(c.id);
      const add = this.db.prepare('INSERT INTO counter_fields (counter_id, field_id, rank) VALUES (?, ?, ?)');
      c.fieldIds.forEach((fieldId, rank) => add.run(c.id, fieldId, rank));
    })();
  }

  /** Live state of a counter: open/paused/closed, officer at it, anti-starvation counter. */
  updateCounterState(c: Pick<Counter, 'id' | 'status' | 'officerId' | 'consecutivePriorityCalls'>): void {
    this.updateCounterStateStmt.run(c);
  }

  counterById(id: Id): Counter | null {
    return this.counters().find((c) => c.id === id) ?? null;
  }
}
