/** The admin's login session: a bearer token from POST /api/login, kept for this browser. */
export interface Session {
  token: string;
  expiresAt: number;
  officer: { id: string; username: string; fullName: string; role: 'officer' | 'admin' };
}

const KEY = 'qms.admin.session';

/**
 * The stored session, if any. Its expiry is not judged by this PC's clock (an office PC may be
 * hours off): the hub refuses an expired token and the app then asks to sign in again.
 */
export function loadSession(): Session | null {
  try {
    const s = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Session | null;
    return s && typeof s.token === 'string' && s.officer?.role === 'admin' ? s : null;
  } catch {
    return null;
  }
}

export function saveSession(s: Session): void {
  localStorage.setItem(KEY, JSON.stringify(s));
}

export function clearSession(): void {
  localStorage.removeItem(KEY);
}

export type LoginResult =
  | { ok: true; session: Session }
  | { ok: false; code: 'NOT_ADMIN' | 'OFFLINE' | string; message: string };

async function revoke(token: string): Promise<void> {
  await fetch('/api/logout', { method: 'POST', headers: { authorization: `Bearer ${token}` } }).catch(() => undefined);
}

/**
 * Signs in; an officer without the admin role gets NOT_ADMIN and the session just opened is
 * revoked at once, so no officer token lingers in the admin app.
 */
export async function login(username: string, password: string): Promise<LoginResult> {
  try {
    const res = await fetch('/api/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const body = (await res.json()) as { ok: boolean; data?: Session; error?: { code: string; message: string } };
    if (body.ok && body.data) {
      if (body.data.officer.role !== 'admin') {
        await revoke(body.data.token);
        return { ok: false, code: 'NOT_ADMIN', message: '' };
      }
      return { ok: true, session: body.data };
    }
    return { ok: false, code: body.error?.code ?? 'INTERNAL', message: body.error?.message ?? res.statusText };
  } catch {
    return { ok: false, code: 'OFFLINE', message: '' };
  }
}

export async function logout(s: Session): Promise<void> {
  await revoke(s.token);
  clearSession();
}
