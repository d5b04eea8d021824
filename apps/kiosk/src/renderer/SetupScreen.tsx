import { translator, type Locale } from '@qms/ui';
import { useState } from 'react';
import { saveToken } from './identity';
import { KIOSK_MESSAGES } from './messages';

/** Shown when a browser kiosk has no device token yet (Electron kiosks read it from their config). */
export function SetupScreen({ locale }: { locale: Locale }) {
  const t = translator(KIOSK_MESSAGES, locale);
  const [token, setToken] = useState('');
  return (
    <main className="setup">
      <h1>{t('setupTitle')}</h1>
      <p>{t('setupBody')}</p>
      <form onSubmit={(e) => { e.preventDefault(); saveToken(token); window.location.reload(); }}>
        <input value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" aria-label="token" />
        <button type="submit" className="big-btn" disabled={token.trim().length < 16}>{t('setupSave')}</button>
      </form>
    </main>
  );
}
