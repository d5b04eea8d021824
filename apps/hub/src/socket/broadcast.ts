import type { HubEvent, Role } from '@qms/protocol';
import type { Notice } from '../domain/context';
import { publicEventBody } from '../domain/views';
import type { HubServer } from './types';

export const STAFF_ROOM = 'staff';
export const PUBLIC_ROOM = 'public';
export const roleRoom = (role: Role): string => `role:${role}`;
export const officerRoom = (officerId: string): string => `officer:${officerId}`;

/**
 * Sends committed events: staff get them whole, kiosks and displays get the public projection.
 * Every authenticated socket sees every seq, so a gap always means a missed event.
 */
export function broadcastEvents(io: HubServer, events: readonly HubEvent[]): void {
  for (const e of events) {
    io.to(STAFF_ROOM).emit('hub:event', e);
    io.to(PUBLIC_ROOM).emit('hub:event', { ...publicEventBody(e), seq: e.seq, at: e.at } as HubEvent);
  }
}

export function sendNotices(io: HubServer, notices: readonly Notice[]): void {
  for (const n of notices) io.to(officerRoom(n.officerId)).emit('hub:notice', { code: n.code, message: n.message });
}
