import type { Db } from './db';

export type ActorKind = 'system' | 'kiosk' | 'display' | 'officer' | 'admin';

export interface EventInput {
  at: number;
  type: string;
  actorKind: ActorKind;
  actorId: string | null;
  deviceId: string | null;
  counterId: string | null;
  ticketId: string | null;
  data: unknown;
}

export interface StoredEvent extends EventInput {
  seq: number;
}

interface EventRow {
  seq: number;
  at: number;
  type: string;
  actor_kind: string;
  actor_id: string | null;
  device_id: string | null;
  counter_id: string | null;
  ticket_id: string | null;
  data_json: string;
}

function toEvent(r: EventRow): StoredEvent {
  return {
    seq: r.seq,
    at: r.at,
    type: r.type,
    actorKind: r.actor_kind as ActorKind,
    actorId: r.actor_id,
    deviceId: r.device_id,
    counterId: r.counter_id,
    ticketId: r.ticket_id,
    data: JSON.parse(r.data_json) as unknown,
  };
}

/** The append-only event log; `seq` is the hub's event sequence number. */
export class EventRepo {
  private readonly appendStmt;
  private readonly lastSeqStmt;
  private readonly afterStmt;
  private readonly byTicketStmt;

  constructor(db: Db) {
    this.appendStmt = db.prepare(`INSERT INTO events (at, type, actor_kind, actor_id, device_id, counter_id, ticket_id, data_json)
      VALUES (@at, @type, @actorKind, @actorId, @deviceId, @counterId, @ticketId, @dataJson)`);
    this.lastSeqStmt = db.prepare<[], { seq: number | null }>('SELECT MAX(seq) AS seq FROM events');
    this.afterStmt = db.prepare<[number, number], EventRow>('SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?');
    this.byTicketStmt = db.prepare<[string], EventRow>('SELECT * FROM events WHERE ticket_id = ? ORDER BY seq');
  }

  append(e: EventInput): StoredEvent {
    const info = this.appendStmt.run({ ...e, dataJson: JSON.stringify(e.data) });
    return { ...e, seq: Number(info.lastInsertRowid) };
  }

  lastSeq(): number {
    return this.lastSeqStmt.get()?.seq ?? 0;
  }

  after(seq: number, limit = 1000): StoredEvent[] {
    return this.afterStmt.all(seq, limit).map(toEvent);
  }

  forTicket(ticketId: string): StoredEvent[] {
    return this.byTicketStmt.all(ticketId).map(toEvent);
  }
}
