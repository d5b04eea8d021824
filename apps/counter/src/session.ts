/** The officer's login session (see @qms/ui officer-session). */
import { requestLogin, revokeSession, sessionStore, type LoginResult, type OfficerSession } from '@qms/ui';

export type Session = OfficerSession;
export type { LoginResult };

const store = sessionStore('qms.counter.session');
export const loadSession = store.load;
export const saveSession = store.save;
export const clearSession = store.clear;

export function login(username: string, password: string): Promise<LoginResult> {
  return requestLogin(username, password, 'Không kết nối được máy chủ');
}

export async function logout(s: Session): Promise<void> {
  await revokeSession(s.token);
  clearSession();
}
