import type { DeviceWithToken } from '@qms/protocol';
import { useState } from 'react';
import { Modal } from '../components/Modal';
import { PEOPLE_MESSAGES } from '../i18n/people';
import { useCommon, useT } from '../lib/admin-context';
import { deviceUrl } from './settings';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // http:// on a LAN address has no clipboard API: fall back to a selected textarea
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

function CopyButton({ text, label, testId }: { text: string; label: string; testId: string }) {
  const tc = useCommon();
  const [done, setDone] = useState(false);
  return (
    <button type="button" className="btn small" data-testid={testId} onClick={() => void copyText(text).then((ok) => setDone(ok))}>
      {done ? `✓ ${tc('copied')}` : label}
    </button>
  );
}

/** The new token, shown once: the token itself, the address to open on the device, copy buttons. */
export function TokenDialog({ result, onClose }: { result: DeviceWithToken; onClose: () => void }) {
  const t = useT(PEOPLE_MESSAGES);
  const tc = useCommon();
  const url = deviceUrl(window.location.origin, result.device.kind, result.token);
  return (
    <Modal title={t('tokenTitle', { name: result.device.name })} onClose={onClose} testId="token-dialog">
      <p className="notice">{t('tokenOnce')}</p>
      <div className="token-row">
        <span className="row-label">{t('tokenLabel')}</span>
        <code className="token" data-testid="device-token">{result.token}</code>
        <CopyButton text={result.token} label={tc('copy')} testId="copy-token" />
      </div>
      <div className="token-row">
        <span className="row-label">{t('openUrl')}</span>
        <a className="token" href={url} target="_blank" rel="noreferrer" data-testid="device-url">{url}</a>
        <CopyButton text={url} label={t('copyUrl')} testId="copy-url" />
      </div>
      <div className="form-actions">
        <button type="button" className="btn primary" data-testid="token-done" onClick={onClose}>{t('tokenDone')}</button>
      </div>
    </Modal>
  );
}
