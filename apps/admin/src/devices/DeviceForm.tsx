import { deviceSaveInput, type AdminDevice, type DeviceWithToken } from '@qms/protocol';
import { useState } from 'react';
import { err, FormFooter, FormRow } from '../components/forms';
import { Modal } from '../components/Modal';
import { DEVICE_KIND_LABELS } from '../i18n/labels';
import { PEOPLE_MESSAGES } from '../i18n/people';
import { useAdmin, useCommon, useT } from '../lib/admin-context';
import { useCommand } from '../lib/use-command';
import { check, toInt, type FormErrors } from '../lib/validate';
import { DisplaySettingsEditor, KioskSettingsEditor } from './SettingsEditors';
import { displayForm, displaySettings, isPrinterUrl, kioskForm, kioskSettings } from './settings';

type Kind = AdminDevice['kind'];

/** Create a device (the token comes back once) or edit its name and settings. */
export function DeviceForm({ device, onClose, onToken }: { device: AdminDevice | null; onClose: () => void; onToken: (r: DeviceWithToken) => void }) {
  const { config, locale, flash, reloadConfig } = useAdmin();
  const t = useT(PEOPLE_MESSAGES);
  const tc = useCommon();
  const base = device?.settings ?? {};
  const [kind, setKind] = useState<Kind>(device?.kind ?? 'kiosk');
  const [name, setName] = useState(device?.name ?? '');
  const [kiosk, setKiosk] = useState(() => kioskForm(base));
  const [display, setDisplay] = useState(() => displayForm(base));
  const [errors, setErrors] = useState<FormErrors>({});
  const { run, busy, error } = useCommand();
  const submit = async (): Promise<void> => {
    const extra: FormErrors = {};
    if (kind === 'kiosk') {
      if (kiosk.printer.trim() && !isPrinterUrl(kiosk.printer)) extra['printer'] = t('printerBad');
      const max = kiosk.maxTicketsPerMinute.trim();
      if (max && !(toInt(max) >= 1 && toInt(max) <= 1000)) extra['maxTicketsPerMinute'] = tc('vMax', { n: 1000 });
    } else {
      if (display.notice.trim().length > 500) extra['notice'] = tc('vMaxChars', { n: 500 });
    }
    const settings = kind === 'kiosk' ? kioskSettings(base, kiosk) : displaySettings(base, display);
    const payload = { ...(device ? { id: device.id } : {}), kind, name: name.normalize('NFC'), settings };
    const c = check(deviceSaveInput, payload, tc, locale, extra);
    if (!c.ok && c.errors['settings'] && !extra['settings']) c.errors['_form'] = t('settingsTooLong');
    setErrors(c.ok ? {} : c.errors);
    if (!c.ok) return;
    const saved = await run('device:save', c.data);
    if (!saved) return;
    reloadConfig();
    if ('token' in saved) {
      onToken(saved);
      return;
    }
    flash(t('deviceSaved', { name: saved.name }));
    onClose();
  };
  return (
    <Modal title={device ? t('editDevice', { name: device.name }) : t('newDevice')} onClose={onClose} testId="device-dialog" wide>
      <form className="form" data-testid="device-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <div className="grid2">
          <FormRow label={t('deviceKind')} error={err(errors, 'kind')}>
            <select name="kind" value={kind} disabled={device !== null} onChange={(e) => setKind(e.target.value as Kind)}>
              <option value="kiosk">{DEVICE_KIND_LABELS[locale].kiosk}</option>
              <option value="display">{DEVICE_KIND_LABELS[locale].display}</option>
            </select>
          </FormRow>
          <FormRow label={t('deviceName')} error={err(errors, 'name')}>
            <input name="name" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} autoFocus={!device} />
          </FormRow>
        </div>
        {kind === 'kiosk'
          ? <KioskSettingsEditor form={kiosk} onChange={setKiosk} errors={errors} />
          : <DisplaySettingsEditor form={display} onChange={setDisplay} errors={errors} counters={config?.counters ?? []} fields={config?.fields ?? []} />}
        <FormFooter busy={busy} error={error} errors={errors} onCancel={onClose} />
      </form>
    </Modal>
  );
}
