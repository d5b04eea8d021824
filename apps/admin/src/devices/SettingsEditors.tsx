import type { Field } from '@qms/core';
import type { AdminCounter } from '@qms/protocol';
import { Checkbox, err, FormRow } from '../components/forms';
import { PEOPLE_MESSAGES } from '../i18n/people';
import { useAdmin, useT } from '../lib/admin-context';
import type { FormErrors } from '../lib/validate';
import type { DisplayForm, KioskForm, VoiceMode } from './settings';

export function KioskSettingsEditor({ form, onChange, errors }: { form: KioskForm; onChange: (f: KioskForm) => void; errors: FormErrors }) {
  const t = useT(PEOPLE_MESSAGES);
  return (
    <fieldset className="settings" data-testid="kiosk-settings">
      <legend>{t('settings')}</legend>
      <div className="grid2">
        <FormRow label={t('printer')} hint={t('printerHint')} error={err(errors, 'printer')}>
          <input name="printer" value={form.printer} placeholder="tcp://192.168.1.50:9100?paper=58" spellCheck={false} onChange={(e) => onChange({ ...form, printer: e.target.value })} />
        </FormRow>
        <FormRow label={t('maxTicketsPerMinute')} hint={t('maxTicketsHint')} error={err(errors, 'maxTicketsPerMinute')}>
          <input name="maxTicketsPerMinute" inputMode="numeric" value={form.maxTicketsPerMinute} onChange={(e) => onChange({ ...form, maxTicketsPerMinute: e.target.value })} />
        </FormRow>
      </div>
    </fieldset>
  );
}

const VOICES: Array<[VoiceMode, 'voiceClips' | 'voiceSpeech' | 'voiceOff']> = [['clips', 'voiceClips'], ['speech', 'voiceSpeech'], ['off', 'voiceOff']];

export function DisplaySettingsEditor({ form, onChange, errors, counters, fields }: {
  form: DisplayForm;
  onChange: (f: DisplayForm) => void;
  errors: FormErrors;
  counters: AdminCounter[];
  fields: Field[];
}) {
  const { locale } = useAdmin();
  const t = useT(PEOPLE_MESSAGES);
  const toggle = <T,>(list: T[], v: T, on: boolean): T[] => (on ? [...list, v] : list.filter((x) => x !== v));
  return (
    <fieldset className="settings" data-testid="display-settings">
      <legend>{t('settings')}</legend>
      <div className="row">
        <span className="row-label">{t('countersFilter')}</span>
        <div className="checks" data-testid="counters-filter">
          {[...counters].sort((a, b) => a.number - b.number).map((c) => (
            <Checkbox key={c.id} name="counters" label={String(c.number)} checked={form.counters.includes(c.number)}
              onChange={(on) => onChange({ ...form, counters: toggle(form.counters, c.number, on) })} />
          ))}
        </div>
        <span className="row-hint">{t('countersFilterHint')}</span>
      </div>
      <div className="row">
        <span className="row-label">{t('fieldsFilter')}</span>
        <div className="checks" data-testid="fields-filter">
          {[...fields].sort((a, b) => a.sortOrder - b.sortOrder).map((f) => (
            <Checkbox key={f.id} name="fields" label={locale === 'vi' ? f.nameVi : f.nameEn} checked={form.fields.includes(f.id)}
              onChange={(on) => onChange({ ...form, fields: toggle(form.fields, f.id, on) })} />
          ))}
        </div>
        <span className="row-hint">{t('fieldsFilterHint')}</span>
      </div>
      <FormRow label={t('notice')} hint={t('noticeHint')} error={err(errors, 'notice')} wide>
        <textarea name="notice" rows={2} maxLength={500} value={form.notice} onChange={(e) => onChange({ ...form, notice: e.target.value })} />
      </FormRow>
      <div className="grid3">
        <FormRow label={t('voice')}>
          <select name="voice" value={form.voice} onChange={(e) => onChange({ ...form, voice: e.target.value as VoiceMode })}>
            {VOICES.map(([v, k]) => <option key={v} value={v}>{t(k)}</option>)}
          </select>
        </FormRow>
        <FormRow label={`${t('volume')}: ${form.volume} %`}>
          <input type="range" name="volume" min={0} max={100} step={5} value={form.volume} disabled={form.voice === 'off'}
            onChange={(e) => onChange({ ...form, volume: Number(e.target.value) })} />
        </FormRow>
      </div>
    </fieldset>
  );
}
