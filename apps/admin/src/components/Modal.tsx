import { useEffect, type ReactNode } from 'react';
import { useCommon } from '../lib/admin-context';

/** A dialog over the page; Escape or the close button dismisses it. */
export function Modal({ title, onClose, children, testId, wide }: { title: string; onClose: () => void; children: ReactNode; testId?: string; wide?: boolean }) {
  const t = useCommon();
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="modal" role="dialog" aria-modal="true" aria-label={title} data-testid={testId ?? 'dialog'}>
      <div className={`modal-box${wide ? ' is-wide' : ''}`}>
        <header className="modal-head">
          <h2>{title}</h2>
          <button type="button" className="icon-btn" aria-label={t('close')} onClick={onClose}>×</button>
        </header>
        {children}
      </div>
    </div>
  );
}

/** "Are you sure?" for what cannot be undone (revoking a device, erasing personal data). */
export function ConfirmDialog({ title, message, confirmLabel, busy, confirmDisabled, error, onConfirm, onCancel, children }: {
  title: string;
  message: string;
  confirmLabel: string;
  busy?: boolean;
  /** E.g. until the CCCD is typed again. */
  confirmDisabled?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const t = useCommon();
  return (
    <Modal title={title} onClose={onCancel} testId="confirm-dialog">
      <p className="confirm-text">{message}</p>
      {children}
      {error && <p className="error" role="alert" data-testid="form-error">{t('errorPrefix', { message: error })}</p>}
      <div className="form-actions">
        <button type="button" className="btn danger" data-testid="confirm" disabled={busy || confirmDisabled} onClick={onConfirm}>{confirmLabel}</button>
        <button type="button" className="btn" onClick={onCancel} disabled={busy}>{t('cancel')}</button>
      </div>
    </Modal>
  );
}
