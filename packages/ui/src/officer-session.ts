/**
 * An officer's login session in a staff web app (counter, admin): a bearer token from
 * POST /api/login, kept in this browser's localStorage under the app's own key.
 */
export interface OfficerSession {
  token: string;
  expiresAt: number;
  officer: { id: string; username: string; fullName: string; role: 'officer' | 'admin' };
}

export type LoginResult = { ok: true; session: OfficerSession } | { ok: false; code: string; message: string };

export interface SessionStore {
  /**
   * The stored session, if any and if the app accepts it. Its expiry is not judged by this PC's
   * clock (an office PC may be hours off): the hub refuses an expired token and the app then asks
   * to sign in again.
   */
  load(): OfficerSession | null;
  save(s: OfficerSession): void;
  clear(): void;
}

export function sessionStore(key: string, accept: (s: OfficerSession) => boolean = () => true): SessionStore {
  return {
    load() {
      try {
        const s = JSON.parse(localStorage.getItem(key) ?? 'null') as OfficerSession | null;
        return s && accept(s) ? s : null;
      } catch {
        return null;
      }
    },
    save: (s) => localStorage.setItem(key, JSON.stringify(s)),
    clear: () => localStorage.removeItem(key),
  };
}

/** POST /api/login; `offlineMessage` is what the app says when the hub cannot be reached. */
export async function requestLogin(username: string, password: string, offlineMessage: string): Promise<LoginResult> {
  try {
    const res = await fetch('/api/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const body = (await res.json()) as { ok: boolean; data?: OfficerSession; error?: { code: string; message: string } };
    if (body.ok && body.data) return { ok: true, session: body.data };
    return { ok: false, code: body.error?.code ?? 'INTERNAL', message: body.error?.message ?? res.statusText };
  } catch {
    return { ok: false, code: 'OFFLINE', message: offlineMessage };
  }
}

/** POST /api/logout: ends the session at the hub (best effort: an unreachable hub ends it at expiry). */
export async function revokeSession(token: string): Promise<void> {
  await fetch('/api/logout', { method: 'POST', headers: { authorization: `Bearer ${token}` } }).catch(() => undefined);
}
