import { HubConnection, type Locale } from '@qms/ui';
import { ConnectionBanner, useConnection } from '@qms/ui/react';
import { useCallback, useEffect, useMemo, useRef, useState, type ComponentType } from 'react';
import { translator } from '@qms/ui';
import { COMMON_MESSAGES, type CommonKey } from './i18n/common';
import { AdminContext, type AdminContextValue } from './lib/admin-context';
import { PAGE_IDS, useRoute, type PageId } from './lib/route';
import { logout, type Session } from './lib/session';
import { useConfig } from './lib/use-config';
import { BackupsPage } from './pages/BackupsPage';
import { CountersPage } from './pages/CountersPage';
import { DashboardPage } from './pages/DashboardPage';
import { DevicesPage } from './pages/DevicesPage';
import { DossiersPage } from './pages/DossiersPage';
import { FieldsPage } from './pages/FieldsPage';
import { OfficersPage } from './pages/OfficersPage';
import { ProceduresPage } from './pages/ProceduresPage';
import { ReportsPage } from './pages/ReportsPage';
import { SitePage } from './pages/SitePage';

const PAGES: Record<PageId, { label: CommonKey; group: CommonKey; component: ComponentType }> = {
  dashboard: { label: 'navDashboard', group: 'navGroupLive', component: DashboardPage },
  reports: { label: 'navReports', group: 'navGroupLive', component: ReportsPage },
  site: { label: 'navSite', group: 'navGroupConfig', component: SitePage },
  fields: { label: 'navFields', group: 'navGroupConfig', component: FieldsPage },
  procedures: { label: 'navProcedures', group: 'navGroupConfig', component: ProceduresPage },
  counters: { label: 'navCounters', group: 'navGroupConfig', component: CountersPage },
  officers: { label: 'navOfficers', group: 'navGroupConfig', component: OfficersPage },
  devices: { label: 'navDevices', group: 'navGroupConfig', component: DevicesPage },
  dossiers: { label: 'navDossiers', group: 'navGroupData', component: DossiersPage },
  backups: { label: 'navBackups', group: 'navGroupData', component: BackupsPage },
};

interface Props {
  session: Session;
  locale: Locale;
  onSignedOut: (reason: 'expired' | 'notAdmin' | null) => void;
}

export function Workspace({ session, locale, onSignedOut }: Props) {
  const t = useMemo(() => translator(COMMON_MESSAGES, locale), [locale]);
  const conn = useMemo(() => new HubConnection(window.location.origin, { kind: 'session', token: session.token }), [session.token]);
  useEffect(() => () => conn.close(), [conn]);
  const view = useConnection(conn);
  const { config, error: configError, reload } = useConfig(conn, view);
  const [page, go] = useRoute();
  const [flashText, setFlashText] = useState<{ id: number; text: string } | null>(null);
  const flashTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const flash = useCallback((text: string) => {
    if (flashTimer.current) clearTimeout(flashTimer.current);
    setFlashText({ id: Date.now(), text });
    flashTimer.current = setTimeout(() => setFlashText(null), 3500);
  }, []);

  useEffect(() => {
    if (view.status === 'refused') onSignedOut('expired');
  }, [view.status, onSignedOut]);
  useEffect(() => {
    if (configError?.code === 'FORBIDDEN') onSignedOut('notAdmin');
    if (configError?.code === 'UNAUTHENTICATED') onSignedOut('expired');
  }, [configError, onSignedOut]);
  useEffect(() => conn.onNotice((n) => {
    if (n.code === 'SESSION_REVOKED' || n.code === 'SESSION_REPLACED') onSignedOut('expired');
  }), [conn, onSignedOut]);

  const ctx: AdminContextValue = useMemo(
    () => ({ conn, view, session, locale, config, configError, reloadConfig: reload, flash }),
    [conn, view, session, locale, config, configError, reload, flash],
  );
  const signOut = async (): Promise<void> => {
    await logout(session);
    onSignedOut(null);
  };
  const Page = PAGES[page].component;
  const groups = [...new Set(PAGE_IDS.map((p) => PAGES[p].group))];
  const siteName = config?.site.name ?? view.state?.snapshot.site.name ?? '';
  const otherLang = locale === 'vi' ? 'en' : 'vi';
  return (
    <AdminContext.Provider value={ctx}>
      <div className="admin" data-page={page}>
        <ConnectionBanner view={view} locale={locale} />
        <header className="top no-print">
          <span className="brand">{t('appTitle')}</span>
          <span className="site-name" data-testid="site-name">{siteName}</span>
          <span className="who" data-testid="admin-name">{t('connectedAs', { name: session.officer.fullName })}</span>
          <a className="lang" href={`?lang=${otherLang}${window.location.hash}`} data-testid="lang-switch">{otherLang.toUpperCase()}</a>
          <button type="button" className="btn small on-dark" data-testid="logout" onClick={() => void signOut()}>{t('logout')}</button>
        </header>
        <nav className="side-nav no-print" aria-label={t('appTitle')}>
          {groups.map((g) => (
            <div key={g} className="nav-group">
              <span className="nav-group-title">{t(g)}</span>
              {PAGE_IDS.filter((p) => PAGES[p].group === g).map((p) => (
                <a key={p} href={`#/${p}`} data-nav={p} className={p === page ? 'is-active' : ''} aria-current={p === page ? 'page' : undefined}
                  onClick={(e) => { e.preventDefault(); go(p); }}>
                  {t(PAGES[p].label)}
                </a>
              ))}
            </div>
          ))}
        </nav>
        <main className="content" data-testid={`page-${page}`}>
          {configError && configError.code !== 'FORBIDDEN' && (
            <p className="error" role="alert" data-testid="config-error">{t('configLoadFailed', { message: configError.code === 'UNKNOWN_COMMAND' ? t('unknownCommand', { name: 'config:get' }) : configError.message })}</p>
          )}
          <Page key={page} />
        </main>
        {flashText && <div key={flashText.id} className="flash no-print" role="status" data-testid="flash">{flashText.text}</div>}
      </div>
    </AdminContext.Provider>
  );
}
