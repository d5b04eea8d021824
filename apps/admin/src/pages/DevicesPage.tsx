import type { AdminDevice, DeviceWithToken } from '@qms/protocol';
import { useEffect, useState } from 'react';
import { ConfirmDialog } from '../components/Modal';
import { Loading, PageHeader } from '../components/PageHeader';
import { DeviceForm } from '../devices/DeviceForm';
import { TokenDialog } from '../devices/TokenDialog';
import { DEVICE_KIND_LABELS, formatDateTime } from '../i18n/labels';
import { PEOPLE_MESSAGES } from '../i18n/people';
import { useAdmin, useCommon, useT } from '../lib/admin-context';
import { useCommand } from '../lib/use-command';

type Pending = { action: 'rotate' | 'revoke'; device: AdminDevice };

function summary(d: AdminDevice): string {
  const s = d.settings;
  if (d.kind === 'kiosk') return typeof s['printer'] === 'string' ? s['printer'] : s['printer'] ? JSON.stringify(s['printer']) : '';
  const parts: string[] = [];
  if (Array.isArray(s['counters'])) parts.push(`#${(s['counters'] as unknown[]).join(', ')}`);
  if (typeof s['voice'] === 'string') parts.push(String(s['voice']));
  return parts.join(' · ');
}

export function DevicesPage() {
  const { config, locale, flash, reloadConfig } = useAdmin();
  const t = useT(PEOPLE_MESSAGES);
  const tc = useCommon();
  const [editing, setEditing] = useState<AdminDevice | 'new' | null>(null);
  const [token, setToken] = useState<DeviceWithToken | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const { run, busy, error, setError } = useCommand();
  // connections come and go without a config event: refresh while this page is open
  useEffect(() => {
    reloadConfig();
    const id = setInterval(reloadConfig, 15_000);
    return () => clearInterval(id);
  }, [reloadConfig]);
  if (!config) return <Loading text={tc('loading')} />;
  const tz = config.site.timeZone;
  const devices = [...config.devices].sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
  const confirm = async (): Promise<void> => {
    if (!pending) return;
    if (pending.action === 'rotate') {
      const r = await run('device:rotateToken', { id: pending.device.id });
      if (r) {
        setPending(null);
        setToken(r);
        reloadConfig();
      }
    } else {
      const r = await run('device:revoke', { id: pending.device.id });
      if (r) {
        setPending(null);
        flash(t('deviceRevoked', { name: r.name }));
        reloadConfig();
      }
    }
  };
  return (
    <section className="page devices">
      <PageHeader title={t('devicesTitle')} subtitle={t('devicesSubtitle')}>
        <button type="button" className="btn primary" data-testid="create" onClick={() => setEditing('new')}>+ {t('newDevice')}</button>
      </PageHeader>
      <table className="table card" data-testid="devices-table">
        <thead>
          <tr><th>{t('deviceName')}</th><th>{t('deviceKind')}</th><th>{t('settings')}</th><th>{t('online')}</th><th>{t('created')}</th><th>{tc('status')}</th><th>{tc('actions')}</th></tr>
        </thead>
        <tbody>
          {devices.length === 0 && <tr><td colSpan={7} className="muted">{tc('emptyList')}</td></tr>}
          {devices.map((d) => (
            <tr key={d.id} data-device={d.id} data-kind={d.kind} className={d.revokedAt ? 'is-disabled' : ''}>
              <td><strong>{d.name}</strong><br /><code className="muted small">{d.id}</code></td>
              <td>{DEVICE_KIND_LABELS[locale][d.kind]}</td>
              <td className="small"><code>{summary(d)}</code></td>
              <td>{d.online > 0 ? <span className="badge is-open">{t('onlineN', { n: d.online })}</span> : <span className="muted">{t('offline')}</span>}</td>
              <td className="nowrap">{formatDateTime(d.createdAt, tz, locale)}</td>
              <td>{d.revokedAt ? <span className="badge is-danger">{t('revokedAt', { time: formatDateTime(d.revokedAt, tz, locale) })}</span> : <span className="badge is-open">{tc('enabled')}</span>}</td>
              <td className="actions-cell">
                <button type="button" className="btn small" data-edit={d.id} onClick={() => setEditing(d)}>{t('settings')}</button>
                <button type="button" className="btn small" data-rotate={d.id} onClick={() => { setError(null); setPending({ action: 'rotate', device: d }); }}>{t('rotate')}</button>
                {!d.revokedAt && <button type="button" className="btn small danger-text" data-revoke={d.id} onClick={() => { setError(null); setPending({ action: 'revoke', device: d }); }}>{t('revoke')}</button>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing && (
        <DeviceForm device={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onToken={(r) => { setEditing(null); setToken(r); }} />
      )}
      {pending && (
        <ConfirmDialog
          title={pending.action === 'rotate' ? t('rotateTitle', { name: pending.device.name }) : t('revokeTitle', { name: pending.device.name })}
          message={pending.action === 'rotate' ? t('rotateText') : t('revokeText')}
          confirmLabel={pending.action === 'rotate' ? t('rotate') : t('revoke')}
          busy={busy} error={error} onConfirm={() => void confirm()} onCancel={() => setPending(null)}
        />
      )}
      {token && <TokenDialog result={token} onClose={() => setToken(null)} />}
    </section>
  );
}
