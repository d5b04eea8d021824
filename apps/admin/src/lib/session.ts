/** The admin's login session (see @qms/ui officer-session): only an admin's session is kept. */
import { requestLogin, revokeSession, sessionStore, type LoginResult, type OfficerSession } from '@qms/ui';

export type Session = OfficerSession;
export type { LoginResult };

const store = sessionStore('qms.admin.session', (s) => typeof s.token === 'string' && s.officer?.role === 'admin');
export const loadSession = store.load;
export const saveSession = store.save;
export const clearSession = store.clear;

/**
 * Signs in; an officer without the admin role gets NOT_ADMIN and the session just opened is
 * revoked at once, so no officer token lingers in the admin app.
 */
export async function login(username: string, password: string): Promise<LoginResult> {
  const r = await requestLogin(username, password, '');
  if (r.ok && r.session.officer.role !== 'admin') {
    await revokeSession(r.session.token);
    return { ok: false, code: 'NOT_ADMIN', message: '' };
  }
  return r;
}

export async function logout(s: Session): Promise<void> {
  await revokeSession(s.token);
  clearSession();
}
