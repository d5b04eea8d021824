import { DOSSIER_STATUS_LABELS } from '@qms/core';
import type { PublicDossierView } from '@qms/protocol';
import { loadFonts } from '@qms/ui/fonts';
import '@qms/ui/theme.css';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import './status.css';

function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** The receipt QR's page: the dossier's status and due date, the applicant's name masked. */
function DossierPage({ code, k }: { code: string; k: string }) {
  const [d, setD] = useState<PublicDossierView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetch(`/api/public/dossiers/${encodeURIComponent(code)}?k=${encodeURIComponent(k)}`, { cache: 'no-store' })
      .then(async (res) => {
        const body = (await res.json()) as { ok: boolean; data?: PublicDossierView; error?: { message: string } };
        if (body.ok && body.data) setD(body.data);
        else setError(body.error?.message ?? 'Không tìm thấy hồ sơ');
      })
      .catch(() => setError('Không kết nối được máy chủ'));
  }, [code, k]);
  return (
    <main className="status" data-testid="dossier-page">
      <h1>Tra cứu hồ sơ</h1>
      <p className="status-site">{code}</p>
      {error && <p className="status-headline" role="alert">{error}</p>}
      {d && (
        <>
          <p className="status-field">{d.procedureName}</p>
          <p className={`status-headline is-${d.status === 'result_ready' ? 'called' : 'waiting'}`} data-testid="dossier-status">
            {DOSSIER_STATUS_LABELS.vi[d.status]}
          </p>
          <dl className="status-facts">
            <dt>Người nộp</dt><dd data-testid="dossier-name">{d.maskedName}</dd>
            <dt>Ngày hẹn trả</dt><dd data-testid="dossier-due">{formatDate(d.dueDate)}</dd>
          </dl>
          {d.overdue && <p className="status-headline">Hồ sơ đang quá hạn; cơ quan sẽ liên hệ xin lỗi và hẹn lại.</p>}
        </>
      )}
    </main>
  );
}

// two faces on mobile data, as the ticket status page (docs/decisions/0005)
void loadFonts([400, 800])
  .catch(() => undefined)
  .then(() => {
    const code = decodeURIComponent(window.location.pathname.split('/').filter(Boolean).pop() ?? '');
    const k = new URLSearchParams(window.location.search).get('k') ?? '';
    const root = document.getElementById('root');
    if (root) createRoot(root).render(<DossierPage code={code} k={k} />);
  });
