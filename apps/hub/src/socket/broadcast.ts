import type { HubEvent, Role } from '@qms/protocol';
import type { Notice } from '../domain/context';
import { publicEventBody } from '../domain/views';
import type { HubServer } from './types';

export const STAFF_ROOM = 'staff';
export const PUBLIC_ROOM = 'public';
export const roleRoom = (role: Role): string => `role:${role}`;
export const officerRoom = (officerId: string): string => `officer:${officerId}`;

/**
 * Sends the events of one committed command as one frame: displays and kiosks first (the
 * waiting room sees a call soonest) with the public projection, then staff with everything.
 * Every authenticated socket sees every seq, so a gap always means a missed event.
 */
export function broadcastEvents(io: HubServer, events: readonly HubEvent[]): void {
  if (events.length === 0) return;
  io.to(PUBLIC_ROOM).emit('hub:events', events.map((e) => ({ ...publicEventBody(e), seq: e.seq, at: e.at }) as HubEvent));
  io.to(STAFF_ROOM).emit('hub:events', [...events]);
}

export function sendNotices(io: HubServer, notices: readonly Notice[]): void {
  for (const n of notices) io.to(officerRoom(n.officerId)).emit('hub:notice', { code: n.code, message: n.message });
}
