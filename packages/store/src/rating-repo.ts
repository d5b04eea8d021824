import type { RatingLevel } from '@qms/core';
import type { Db } from './db';

export interface Rating {
  ticketId: string;
  counterId: string | null;
  officerId: string | null;
  level: RatingLevel;
  at: number;
  deviceId: string | null;
}

interface Row {
  ticket_id: string;
  counter_id: string | null;
  officer_id: string | null;
  level: string;
  at: number;
  device_id: string | null;
}

const toRating = (r: Row): Rating => ({
  ticketId: r.ticket_id,
  counterId: r.counter_id,
  officerId: r.officer_id,
  level: r.level as RatingLevel,
  at: r.at,
  deviceId: r.device_id,
});

/** Satisfaction ratings: at most one per ticket (the primary key refuses a second). */
export class RatingRepo {
  constructor(private readonly db: Db) {}

  save(r: Rating): void {
    this.db
      .prepare('INSERT INTO ratings (ticket_id, counter_id, officer_id, level, at, device_id) VALUES (?, ?, ?, ?, ?, ?)')
      .run(r.ticketId, r.counterId, r.officerId, r.level, r.at, r.deviceId);
  }

  forTicket(ticketId: string): Rating | null {
    const row = this.db.prepare<[string], Row>('SELECT * FROM ratings WHERE ticket_id = ?').get(ticketId);
    return row ? toRating(row) : null;
  }

  between(from: number, to: number): Rating[] {
    return this.db.prepare<[number, number], Row>('SELECT * FROM ratings WHERE at >= ? AND at < ? ORDER BY at').all(from, to).map(toRating);
  }
}
