// format only, not the package index: the phone page must not pull in the socket client (docs/decisions/0005)
import type { Locale } from '@qms/ui';
import { formatClock } from '@qms/ui/format';
import { loadFonts } from '@qms/ui/fonts';
import '@qms/ui/theme.css';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
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
const TEXT = {
  vi: {
    title: 'Theo dõi lượt gọi', ahead: 'Số người chờ trước bạn', wait: 'Thời gian chờ dự kiến', minutes: 'khoảng {n} phút',
    none: 'Chưa có quầy mở', waiting: 'Đang chờ gọi', called: 'Mời bạn đến quầy {n}', serving: 'Đang được phục vụ tại quầy {n}',
    done: 'Đã phục vụ xong. Cảm ơn bạn!', no_show: 'Đã gọi nhưng bạn vắng mặt. Vui lòng liên hệ quầy hướng dẫn.',
    cancelled: 'Vé đã huỷ', expired: 'Vé đã hết hạn (vé chỉ dùng trong ngày)', notFound: 'Không tìm thấy vé',
    offline: 'Không kết nối được máy chủ, đang thử lại…', updated: 'Cập nhật lúc {t}', lang: 'English',
  },
  en: {
    title: 'Follow your turn', ahead: 'People ahead of you', wait: 'Expected wait', minutes: 'about {n} min',
    none: 'No counter open yet', waiting: 'Waiting to be called', called: 'Please go to counter {n}', serving: 'Being served at counter {n}',
    done: 'Served. Thank you!', no_show: 'Called while you were away. Please ask at the guidance counter.',
    cancelled: 'Ticket cancelled', expired: 'Ticket expired (tickets are valid for one day)', notFound: 'Ticket not found',
    offline: 'Cannot reach the server, retrying…', updated: 'Updated at {t}', lang: 'Tiếng Việt',
  },
};

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
              <dt>{t.ahead}</dt><dd data-testid="status-ahead">{s.peopleAhead ?? 0}</dd>
              <dt>{t.wait}</dt><dd>{s.estimatedWaitMinutes === null ? t.none : fill(t.minutes, 'n', s.estimatedWaitMinutes)}</dd>
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
