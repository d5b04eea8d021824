import { translator, type Locale } from '@qms/ui';
import { useState } from 'react';
import { COMMON_MESSAGES } from './i18n/common';
import { login, type Session } from './lib/session';

export function LoginScreen({ locale, notice, onLogin }: { locale: Locale; notice: string | null; onLogin: (s: Session) => void }) {
  const t = translator(COMMON_MESSAGES, locale);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<{ code: string; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (): Promise<void> => {
    setBusy(true);
    const r = await login(username.trim(), password);
    setBusy(false);
    if (r.ok) {
      onLogin(r.session);
      return;
    }
    setPassword('');
    const text = r.code === 'NOT_ADMIN' ? t('notAdmin') : r.code === 'OFFLINE' ? t('offlineLogin') : r.message;
    setError({ code: r.code, text });
  };
  return (
    <main className="login">
      <form className="login-box" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <h1>{t('loginTitle')}</h1>
        <p className="muted">{t('loginHint')}</p>
        {notice && <p className="notice" role="status" data-testid="login-notice">{notice}</p>}
        <label>{t('username')}<input name="username" value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" autoFocus /></label>
        <label>{t('password')}<input name="password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" /></label>
        {error && <p className="error" role="alert" data-testid="login-error" data-code={error.code}>{error.text}</p>}
        <button type="submit" className="btn primary" disabled={busy || !username || !password}>{t('login')}</button>
      </form>
    </main>
  );
}
