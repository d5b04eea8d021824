import type { CounterView } from '@qms/protocol';
import { HubConnection, translator, type Locale } from '@qms/ui';
import { DossierDesk } from '@qms/ui/dossier-desk';
import { ConnectionBanner, useConnection } from '@qms/ui/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ChooseCounter } from './ChooseCounter';
import { Desk } from './Desk';
import { LoginScreen } from './LoginScreen';
import { COUNTER_MESSAGES } from './messages';
import { clearSession, loadSession, logout, saveSession, type Session } from './session';

export function CounterApp() {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const [notice, setNotice] = useState<string | null>(null);
  const locale: Locale = new URLSearchParams(window.location.search).get('lang') === 'en' ? 'en' : 'vi';
  const signedOut = useCallback((message: string | null) => {
    clearSession();
    setNotice(message);
    setSession(null);
  }, []);
  if (!session) {
    return <LoginScreen locale={locale} notice={notice} onLogin={(s) => { saveSession(s); setNotice(null); setSession(s); }} />;
  }
  return <Workspace key={session.token} session={session} locale={locale} onSignedOut={signedOut} />;
}

type Tab = 'counter' | 'dossiers';

/** The tab in the address bar: `#/dossiers` opens the dossier desk (a bookmark or a reload keeps it). */
function useTab(): [Tab, (t: Tab) => void] {
  const read = (): Tab => (window.location.hash.replace(/^#\/?/, '') === 'dossiers' ? 'dossiers' : 'counter');
  const [tab, setTab] = useState<Tab>(read);
  useEffect(() => {
    const on = (): void => setTab(read());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return [tab, (t: Tab) => {
    window.location.hash = t === 'dossiers' ? '#/dossiers' : '';
    setTab(t);
  }];
}

/** The counter the URL asks for (?counter=3 or ?counter=q3), if any. */
function requestedCounter(): string | null {
  return new URLSearchParams(window.location.search).get('counter');
}

function Workspace({ session, locale, onSignedOut }: { session: Session; locale: Locale; onSignedOut: (m: string | null) => void }) {
  const t = useMemo(() => translator(COUNTER_MESSAGES, locale), [locale]);
  const conn = useMemo(() => new HubConnection(window.location.origin, { kind: 'session', token: session.token }), [session.token]);
  useEffect(() => () => conn.close(), [conn]);
  const view = useConnection(conn);
  const [message, setMessage] = useState<string | null>(null);
  const [busyCounter, setBusyCounter] = useState<CounterView | null>(null);
  const [asked, setAsked] = useState(false);
  const [tab, goTab] = useTab();
  const me = session.officer.id;
  const snapshot = view.state?.snapshot ?? null;
  const mine = snapshot?.counters.find((c) => c.officerId === me) ?? null;

  useEffect(() => {
    if (view.status === 'refused') onSignedOut(t('sessionExpired'));
  }, [view.status, onSignedOut, t]);
  useEffect(
    () =>
      conn.onNotice((n) => {
        if (n.code === 'SESSION_REVOKED') onSignedOut(t('sessionExpired'));
        if (n.code === 'COUNTER_TAKEN') setMessage(t('counterTaken', { message: n.message }));
      }),
    [conn, onSignedOut, t],
  );

  const choose = useCallback(
    async (c: CounterView, force: boolean): Promise<void> => {
      setBusyCounter(null);
      const r = await conn.send('counter:open', { counterId: c.id, force });
      if (r.ok) setMessage(null);
      else if (r.error.code === 'COUNTER_BUSY') setBusyCounter(c);
      else setMessage(r.error.message);
    },
    [conn],
  );
  // ?counter=N: open that counter once after sign-in, or say it does not exist
  useEffect(() => {
    const wanted = requestedCounter();
    if (!snapshot || asked || !wanted || mine) return;
    setAsked(true);
    const c = snapshot.counters.find((x) => x.id === wanted || String(x.number) === wanted);
    if (c) void choose(c, false);
    else setMessage(t('counterMissing', { counter: wanted }));
  }, [snapshot, asked, mine, choose, t]);

  const signOut = async (): Promise<void> => {
    if (mine) await conn.send('counter:close', { counterId: mine.id });
    await logout(session);
    onSignedOut(null);
  };
  return (
    <div className="counter-app">
      <ConnectionBanner view={view} locale={locale} />
      <header className="top">
        <span className="brand">{t('appTitle')}</span>
        <nav className="tabs" aria-label={t('appTitle')}>
          {(['counter', 'dossiers'] as const).map((x) => (
            <button key={x} type="button" className={`tab${tab === x ? ' is-active' : ''}`} aria-current={tab === x ? 'page' : undefined}
              data-testid={`tab-${x}`} onClick={() => goTab(x)}>{x === 'counter' ? t('tabCounter') : t('tabDossiers')}</button>
          ))}
        </nav>
        <span className="who" data-testid="officer-name">{session.officer.fullName}</span>
        <button type="button" className="btn small" onClick={() => void signOut()}>{t('logout')}</button>
      </header>
      {snapshot && tab === 'dossiers' && <DossierDesk conn={conn} snapshot={snapshot} locale={locale} signer={session.officer.fullName} />}
      {snapshot && tab === 'counter' && !mine && (
        <ChooseCounter snapshot={snapshot} me={me} t={t} message={message} busyCounter={busyCounter}
          onChoose={(c, force) => void choose(c, force)} onCancelBusy={() => setBusyCounter(null)} />
      )}
      {snapshot && tab === 'counter' && mine && <Desk conn={conn} view={view} counter={mine} me={me} t={t} locale={locale} />}
    </div>
  );
}
