import { translator, type Locale } from '@qms/ui';
import { useState } from 'react';
import { COUNTER_MESSAGES } from './messages';
import { login, type Session } from './session';

export function LoginScreen({ locale, notice, onLogin }: { locale: Locale; notice: string | null; onLogin: (s: Session) => void }) {
  const t = translator(COUNTER_MESSAGES, locale);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (): Promise<void> => {
    setBusy(true);
    const r = await login(username.trim(), password);
    setBusy(false);
    if (r.ok) onLogin(r.session);
    else setError(r.message);
  };
  return (
    <main className="login">
      <form className="login-box" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <h1>{t('loginTitle')}</h1>
        {notice && <p className="notice" role="status" data-testid="login-notice">{notice}</p>}
        <label>{t('username')}<input name="username" value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" autoFocus /></label>
        <label>{t('password')}<input name="password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" /></label>
        {error && <p className="error" role="alert" data-testid="login-error">{error}</p>}
        <button type="submit" className="btn primary" disabled={busy || !username || !password}>{t('login')}</button>
      </form>
    </main>
  );
}
