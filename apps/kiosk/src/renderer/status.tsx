// format only, not the package index: the phone page must not pull in the socket client (docs/decisions/0005)
import type { Locale } from '@qms/ui';
import { formatClock } from '@qms/ui/format';
import { aheadLine, waitEstimate, waitLine } from '@qms/printer/wait-wording';
import { loadFonts } from '@qms/ui/fonts';
import '@qms/ui/theme.css';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { STATUS_TEXT as TEXT } from './status-messages';
import './status.css';

/** Mirrors the hub's PublicTicketStatus (GET /api/public/tickets/:id). */
interface Status {
  number: string;
  fieldNameVi: string;
  fieldNameEn: string;
  status: string;
  peopleAhead: number | null;
  estimatedWaitMinutes: number | null;
  counterNumber: number | null;
  calledAt: number | null;
  siteName: string;
  timeZone: string;
}

const POLL_MS = 5000;

function StatusPage({ id }: { id: string }) {
  const [locale, setLocale] = useState<Locale>('vi');
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<'notFound' | 'offline' | null>(null);
  const [updated, setUpdated] = useState<number>(0);
  useEffect(() => {
    let stop = false;
    const load = async (): Promise<void> => {
      try {
        const res = await fetch(`/api/public/tickets/${encodeURIComponent(id)}`, { cache: 'no-store' });
        if (res.status === 404 || res.status === 400) setError('notFound');
        else if (res.ok) {
          setStatus(((await res.json()) as { data: Status }).data);
          setError(null);
          setUpdated(Date.now());
        } else setError('offline');
      } catch {
        setError('offline');
      }
      if (!stop) setTimeout(() => void load(), POLL_MS);
    };
    void load();
    return () => {
      stop = true;
    };
  }, [id]);
  const t = TEXT[locale];
  const fill = (s: string, k: string, v: string | number): string => s.replace(`{${k}}`, String(v));
  if (error === 'notFound') return <main className="status"><h1>{t.notFound}</h1></main>;
  const s = status;
  const headline = !s ? '' : s.status === 'called' || s.status === 'serving'
    ? fill(t[s.status], 'n', s.counterNumber ?? '?')
    : t[(s.status in t ? s.status : 'waiting') as keyof typeof t];
  return (
    <main className="status" data-status={s?.status ?? 'loading'}>
      {error === 'offline' && <div className="qms-banner" role="alert">{t.offline}</div>}
      <p className="status-site">{s?.siteName}</p>
      <h1>{t.title}</h1>
      {s && (
        <>
          <p className="status-number" data-testid="status-number">{s.number}</p>
          <p className="status-field">{locale === 'vi' ? s.fieldNameVi : s.fieldNameEn}</p>
          <p className={`status-headline is-${s.status}`} data-testid="status-headline">{headline}</p>
          {s.status === 'waiting' && (
            <dl className="status-facts">
              <dt>{aheadLine(0, locale).label}</dt><dd data-testid="status-ahead">{s.peopleAhead ?? 0}</dd>
              <dt>{waitLine(0, locale).label}</dt><dd data-testid="status-wait">{waitEstimate(s.estimatedWaitMinutes, locale)}</dd>
            </dl>
          )}
          <p className="status-updated">{fill(t.updated, 't', formatClock(updated, s.timeZone, locale))}</p>
        </>
      )}
      <button type="button" className="status-lang" onClick={() => setLocale(locale === 'vi' ? 'en' : 'vi')}>{t.lang}</button>
    </main>
  );
}

// two faces on mobile data: 600/700 text is drawn with the 800 face (docs/decisions/0005)
void loadFonts([400, 800]).catch(() => undefined).then(() => {
  const id = decodeURIComponent(window.location.pathname.split('/').filter(Boolean).pop() ?? '');
  const root = document.getElementById('root');
  if (root) createRoot(root).render(<StatusPage id={id} />);
});
