import type { ReactNode } from 'react';
import { useCommon } from '../lib/admin-context';
import { errorAt, type FormErrors } from '../lib/validate';

/** A labelled input with its hint and its error (the input itself is the child). */
export function FormRow({ label, hint, error, children, wide }: { label: string; hint?: string; error?: string | undefined; children: ReactNode; wide?: boolean }) {
  return (
    <label className={`row${error ? ' is-invalid' : ''}${wide ? ' is-wide' : ''}`}>
      <span className="row-label">{label}</span>
      {children}
      {hint && !error && <span className="row-hint">{hint}</span>}
      {error && <span className="row-error" data-testid="field-error">{error}</span>}
    </label>
  );
}

/** The error of one path for a FormRow. */
export function err(errors: FormErrors, key: string): string | undefined {
  return errorAt(errors, key);
}

/** Save / cancel with the hub's error or the count of invalid entries above them. */
export function FormFooter({ busy, error, errors, onCancel, saveLabel, saveTestId = 'save' }: {
  busy: boolean;
  error: string | null;
  errors: FormErrors;
  onCancel?: () => void;
  saveLabel?: string;
  saveTestId?: string;
}) {
  const t = useCommon();
  const n = Object.keys(errors).length;
  const formLevel = errors['_form'];
  return (
    <div className="form-footer">
      {n > 0 && (
        <p className="error" role="alert" data-testid="form-invalid">
          {formLevel ?? t('formInvalid', { n })}
        </p>
      )}
      {error && <p className="error" role="alert" data-testid="form-error">{t('errorPrefix', { message: error })}</p>}
      <div className="form-actions">
        <button type="submit" className="btn primary" data-testid={saveTestId} disabled={busy}>
          {busy ? t('saving') : (saveLabel ?? t('save'))}
        </button>
        {onCancel && <button type="button" className="btn" onClick={onCancel} disabled={busy}>{t('cancel')}</button>}
      </div>
    </div>
  );
}

export function Checkbox({ name, checked, onChange, label, testId }: { name: string; checked: boolean; onChange: (v: boolean) => void; label: string; testId?: string }) {
  return (
    <label className="check">
      <input type="checkbox" name={name} checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid={testId} />
      <span>{label}</span>
    </label>
  );
}
