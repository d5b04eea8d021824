import { translator, type Locale } from '@qms/ui';
import { useCallback, useState } from 'react';
import { COMMON_MESSAGES } from './i18n/common';
import { LoginScreen } from './LoginScreen';
import { clearSession, loadSession, saveSession, type Session } from './lib/session';
import { Workspace } from './Workspace';

export function AdminApp() {
  const locale: Locale = new URLSearchParams(window.location.search).get('lang') === 'en' ? 'en' : 'vi';
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const [notice, setNotice] = useState<string | null>(null);
  const signedOut = useCallback((reason: 'expired' | 'notAdmin' | null) => {
    clearSession();
    const t = translator(COMMON_MESSAGES, locale);
    setNotice(reason === 'expired' ? t('sessionExpired') : reason === 'notAdmin' ? t('notAdmin') : null);
    setSession(null);
  }, [locale]);
  if (!session) {
    return <LoginScreen locale={locale} notice={notice} onLogin={(s) => { saveSession(s); setNotice(null); setSession(s); }} />;
  }
  return <Workspace key={session.token} session={session} locale={locale} onSignedOut={signedOut} />;
}
