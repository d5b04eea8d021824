import { RATING_LEVELS } from '@qms/core';
import type { Dashboard } from '@qms/protocol';
import { formatClock, type Locale, type Translate } from '@qms/ui';
import { PageHeader, Loading } from '../components/PageHeader';
import { COUNTER_STATUS_LABELS, RATING_LABELS, formatMinutes } from '../i18n/labels';
import { OPS_MESSAGES, type OpsKey } from '../i18n/ops';
import { errorText, useAdmin, useCommon, useT } from '../lib/admin-context';
import { useDashboard } from '../lib/use-dashboard';
import { FaultHistory, OpenFaults } from './DashboardFaults';

export function DashboardPage() {
  const { conn, view, locale, config } = useAdmin();
  const t = useT(OPS_MESSAGES);
  const tc = useCommon();
  const { data, error, fetchedAt } = useDashboard(conn, view);
  const tz = config?.site.timeZone ?? view.state?.snapshot.site.timeZone ?? 'Asia/Ho_Chi_Minh';
  return (
    <section className="page dashboard">
      <PageHeader title={t('dashTitle')} subtitle={t('dashSubtitle')}>
        {fetchedAt !== null && <span className="muted" data-testid="dash-updated">{tc('updatedAt', { time: formatClock(fetchedAt, tz, locale) })}</span>}
      </PageHeader>
      {error && <p className="error" role="alert" data-testid="dash-error">{errorText(tc, error, 'dashboard:get')}</p>}
      {!data && !error && <Loading text={tc('loading')} />}
      {data && data.phoneLinkBase === null && <PhoneLinkWarning t={t} />}
      {data && (
        <div className="dash-grid">
          <div className="dash-col">
            <Today data={data} t={t} locale={locale} />
            <Waiting data={data} t={t} nameOf={(id, vi) => {
              const f = locale === 'en' ? config?.fields.find((x) => x.id === id) : undefined;
              return f?.nameEn ?? vi;
            }} />
            <FaultHistory data={data} t={t} tz={tz} locale={locale} />
          </div>
          <div className="dash-col">
            <OpenFaults data={data} t={t} tz={tz} locale={locale} />
            <Counters data={data} t={t} locale={locale} />
            <Satisfaction data={data} t={t} locale={locale} />
          </div>
        </div>
      )}
    </section>
  );
}

type P = { data: Dashboard; t: Translate<OpsKey> };

/** Tickets print no QR while phones cannot reach the hub (network/phone-link.ts in the hub). */
function PhoneLinkWarning({ t }: { t: Translate<OpsKey> }) {
  return (
    <section className="card dash-phone-link" role="alert" data-testid="dash-phone-link">
      <h2>{t('phoneLinkOffTitle')}</h2>
      <p>{t('phoneLinkOff')}</p>
    </section>
  );
}

function Stat({ label, value, unit, testId, tone }: { label: string; value: string | number; unit?: string; testId?: string; tone?: 'warn' }) {
  return (
    <div className={`stat${tone ? ` is-${tone}` : ''}`} data-testid={testId}>
      <span className="stat-label">{label}</span>
      <span className="stat-value">{value}{unit && <small> {unit}</small>}</span>
    </div>
  );
}

function Today({ data, t, locale }: P & { locale: Locale }) {
  const d = data.today;
  return (
    <section className="card dash-today" data-testid="dash-today">
      <h2>{t('todayTitle')}</h2>
      <div className="stats">
        <Stat label={t('issued')} value={d.issued} testId="today-issued" />
        <Stat label={t('served')} value={d.served} testId="today-served" />
        <Stat label={t('noShow')} value={d.noShow} testId="today-noshow" />
        <Stat label={t('avgWait')} value={formatMinutes(d.avgWaitMin, locale)} unit={t('minutesUnit')} testId="today-avgwait" />
        <Stat label={t('avgService')} value={formatMinutes(d.avgServiceMin, locale)} unit={t('minutesUnit')} testId="today-avgservice" />
        <Stat label={t('longestNow')} value={formatMinutes(data.longestWaitMin, locale)} unit={t('minutesUnit')} testId="dash-longest"
          {...(data.longestWaitMin >= 30 ? { tone: 'warn' as const } : {})} />
      </div>
    </section>
  );
}

function Waiting({ data, t, nameOf }: P & { nameOf: (fieldId: string, nameVi: string) => string }) {
  const max = Math.max(1, ...data.fields.map((f) => f.waiting));
  return (
    <section className="card dash-waiting" data-testid="dash-waiting">
      <h2>{t('waitingTitle')}</h2>
      <ul className="hbars">
        {data.fields.map((f) => (
          <li key={f.fieldId} data-field={f.fieldId} data-waiting={f.waiting}>
            <span className="hbar-label">{nameOf(f.fieldId, f.nameVi)}</span>
            <span className="hbar-track"><span className="hbar-fill" style={{ width: `${(f.waiting / max) * 100}%` }} /></span>
            <strong className="hbar-value">{f.waiting}</strong>
            <span className="hbar-meta">
              {f.waiting > 0 && <span className={f.longestWaitMin >= 30 ? 'is-warn' : ''}>{t('longestIn', { n: Math.round(f.longestWaitMin) })}</span>}
              {f.openCounters === 0 ? <span className="is-warn">{t('noCounterOpen')}</span> : <span>{t('openCounters', { n: f.openCounters })}</span>}
              {f.estimatedWaitMinutes !== null && f.waiting > 0 && <span>{t('estimate', { n: f.estimatedWaitMinutes })}</span>}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Counters({ data, t, locale }: P & { locale: Locale }) {
  const count = (s: string): number => data.counters.filter((c) => c.status === s).length;
  return (
    <section className="card dash-counters" data-testid="dash-counters">
      <h2>{t('countersTitle')} <small className="muted">{t('openPaused', { open: count('open'), paused: count('paused'), closed: count('closed') })}</small></h2>
      <table className="table compact">
        <thead><tr><th>{t('counter')}</th><th>{t('counterName')}</th><th>{t('officer')}</th><th>{t('currentNumber')}</th></tr></thead>
        <tbody>
          {data.counters.map((c) => (
            <tr key={c.id} data-counter={c.id} className={`is-${c.status}`}>
              <td><span className={`badge is-${c.status}`}>{c.number} · {COUNTER_STATUS_LABELS[locale][c.status]}</span></td>
              <td>{c.name}</td>
              <td>{c.officerName ?? t('noOfficer')}</td>
              <td className="num-big">{c.currentNumber ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Satisfaction({ data, t, locale }: P & { locale: Locale }) {
  const total = RATING_LEVELS.reduce((s, l) => s + (data.satisfaction[l] ?? 0), 0);
  return (
    <section className="card dash-satisfaction" data-testid="dash-satisfaction">
      <h2>{t('satisfactionTitle')} <small className="muted">{t('ratings', { n: total })}</small></h2>
      {total === 0 && <p className="muted">{t('noRatings')}</p>}
      <ul className="hbars is-compact">
        {RATING_LEVELS.map((l) => {
          const n = data.satisfaction[l] ?? 0;
          return (
            <li key={l} data-level={l}>
              <span className="hbar-label">{RATING_LABELS[locale][l]}</span>
              <span className="hbar-track"><span className={`hbar-fill rating-${l}`} style={{ width: `${total ? (n / total) * 100 : 0}%` }} /></span>
              <strong className="hbar-value">{n} <small className="muted">{total ? `${Math.round((n / total) * 100)} %` : ''}</small></strong>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
