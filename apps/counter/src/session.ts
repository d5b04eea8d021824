/** The officer's login session: a bearer token from POST /api/login, kept for this browser. */
export interface Session {
  token: string;
  expiresAt: number;
  officer: { id: string; username: string; fullName: string; role: 'officer' | 'admin' };
}

const KEY = 'qms.counter.session';

/** The stored session, if any; whether it is still valid is the hub's call (a PC's clock may be wrong). */
export function loadSession(): Session | null {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? 'null') as Session | null;
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

export type LoginResult = { ok: true; session: Session } | { ok: false; code: string; message: string };

export async function login(username: string, password: string): Promise<LoginResult> {
  try {
    const res = await fetch('/api/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const body = (await res.json()) as { ok: boolean; data?: Session; error?: { code: string; message: string } };
    if (body.ok && body.data) return { ok: true, session: body.data };
    return { ok: false, code: body.error?.code ?? 'INTERNAL', message: body.error?.message ?? res.statusText };
  } catch {
    return { ok: false, code: 'OFFLINE', message: 'Không kết nối được máy chủ' };
  }
}

export async function logout(s: Session): Promise<void> {
  await fetch('/api/logout', { method: 'POST', headers: { authorization: `Bearer ${s.token}` } }).catch(() => undefined);
  clearSession();
}
