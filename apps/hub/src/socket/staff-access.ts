import type { SocketData } from '@qms/protocol';
import type { Store } from '@qms/store';

/**
 * Whether a socket still has the access it was granted. A device socket: always (revoked and
 * rotated tokens end their sockets at once). A staff socket, however it authenticated: only
 * while its account is enabled, has the same role and the same account version (no disable,
 * demotion or password reset since), its own expiry (a password socket) has not passed, and its
 * session (a session socket) is live. The hub checks this when a socket connects and every 15 s.
 */
export function staffAccessHolds(store: Store, d: SocketData, now: number): boolean {
  if (d.role !== 'officer' && d.role !== 'admin') return true;
  if (d.expiresAt !== null && d.expiresAt <= now) return false;
  if (d.sessionTokenHash !== null && store.accounts.sessionOfficer(d.sessionTokenHash, now) === null) return false;
  const officer = store.accounts.officerById(d.actorId);
  return officer !== null && officer.enabled && officer.role === d.role && officer.accountVersion === d.accountVersion;
}
