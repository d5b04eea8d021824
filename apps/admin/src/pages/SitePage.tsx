import { PRIORITY_GROUPS, type OpeningSession, type PriorityGroup } from '@qms/core';
import { siteUpdateInput, type AdminSite } from '@qms/protocol';
import { useEffect, useState } from 'react';
import { Checkbox, err, FormFooter, FormRow } from '../components/forms';
import { Loading, PageHeader } from '../components/PageHeader';
import { CONFIG_MESSAGES } from '../i18n/config';
import { PRIORITY_GROUP_LABELS } from '../i18n/labels';
import { useAdmin, useCommon, useT } from '../lib/admin-context';
import { useCommand } from '../lib/use-command';
import { check, toInt, type FormErrors } from '../lib/validate';
import { HolidaysEditor } from '../site/HolidaysEditor';
import { OpeningHoursEditor, sessionErrors } from '../site/OpeningHours';

interface SiteForm {
  name: string;
  agencyCode: string;
  place: string;
  openingHours: OpeningSession[];
  enabledGroups: PriorityGroup[];
  maxConsecutivePriority: string;
  pickupFieldId: string;
}

function toForm(s: AdminSite): SiteForm {
  return {
    name: s.name,
    agencyCode: s.agencyCode,
    place: s.place ?? '',
    openingHours: s.openingHours.map((h) => ({ ...h })),
    enabledGroups: [...s.priority.enabledGroups],
    maxConsecutivePriority: String(s.priority.maxConsecutivePriority),
    pickupFieldId: s.pickupFieldId ?? '',
  };
}

export function SitePage() {
  const { config, locale, flash, reloadConfig } = useAdmin();
  const t = useT(CONFIG_MESSAGES);
  const tc = useCommon();
  const [form, setForm] = useState<SiteForm | null>(null);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<FormErrors>({});
  const { run, busy, error } = useCommand();
  useEffect(() => {
    if (config && !dirty) setForm(toForm(config.site));
  }, [config, dirty]);
  if (!config || !form) return <Loading text={tc('loading')} />;
  const set = (patch: Partial<SiteForm>): void => {
    setForm({ ...form, ...patch });
    setDirty(true);
  };
  const submit = async (): Promise<void> => {
    const payload = {
      name: form.name,
      agencyCode: form.agencyCode.trim().toUpperCase(),
      place: form.place.trim(),
      openingHours: [...form.openingHours].sort((a, b) => (a.weekday - b.weekday) || a.open.localeCompare(b.open)),
      priority: {
        enabledGroups: PRIORITY_GROUPS.filter((g) => form.enabledGroups.includes(g)),
        maxConsecutivePriority: toInt(form.maxConsecutivePriority),
      },
      pickupFieldId: form.pickupFieldId || null,
    };
    // sessions are checked in the order the editor shows them (indices into form.openingHours)
    const extra = sessionErrors(form.openingHours, locale);
    const c = check(siteUpdateInput, { ...payload, openingHours: form.openingHours }, tc, locale, extra);
    setErrors(c.ok ? {} : c.errors);
    if (!c.ok) return;
    const saved = await run('site:update', { ...c.data, openingHours: payload.openingHours });
    if (saved) {
      setDirty(false);
      setForm(toForm(saved));
      flash(t('siteSaved'));
      reloadConfig();
    }
  };
  const toggleGroup = (g: PriorityGroup, on: boolean): void =>
    set({ enabledGroups: on ? [...form.enabledGroups, g] : form.enabledGroups.filter((x) => x !== g) });
  return (
    <section className="page site">
      <PageHeader title={t('siteTitle')} subtitle={t('siteSubtitle')} />
      <div className="two-col">
        <form className="card form-card" data-testid="site-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
          <div className="grid2 is-wide-first">
            <FormRow label={t('siteName')} error={err(errors, 'name')}>
              <input name="name" value={form.name} maxLength={200} onChange={(e) => set({ name: e.target.value })} />
            </FormRow>
            <FormRow label={t('agencyCode')} hint={t('agencyCodeHint')} error={err(errors, 'agencyCode')}>
              <input name="agencyCode" value={form.agencyCode} maxLength={30} onChange={(e) => set({ agencyCode: e.target.value.toUpperCase() })} />
            </FormRow>
            <FormRow label={t('place')} hint={t('placeHint')} error={err(errors, 'place')}>
              <input name="place" value={form.place} maxLength={60} placeholder="Hà Nội" onChange={(e) => set({ place: e.target.value })} />
            </FormRow>
          </div>
          <h2>{t('hoursTitle')}</h2>
          <p className="muted">{t('hoursHint')}</p>
          <OpeningHoursEditor sessions={form.openingHours} onChange={(openingHours) => set({ openingHours })} errors={errors} t={t} locale={locale} />
          <h2>{t('priorityTitle')}</h2>
          <p className="muted">{t('priorityHint')}</p>
          <div className="checks" data-testid="priority-groups">
            {PRIORITY_GROUPS.map((g) => (
              <Checkbox key={g} name="enabledGroups" label={PRIORITY_GROUP_LABELS[locale][g]} checked={form.enabledGroups.includes(g)}
                onChange={(on) => toggleGroup(g, on)} testId={`group-${g}`} />
            ))}
          </div>
          <div className="grid2">
            <FormRow label={t('maxConsecutive')} hint={t('maxConsecutiveHint')} error={err(errors, 'priority.maxConsecutivePriority')}>
              <input name="maxConsecutivePriority" inputMode="numeric" value={form.maxConsecutivePriority} onChange={(e) => set({ maxConsecutivePriority: e.target.value })} />
            </FormRow>
            <FormRow label={t('pickupField')} hint={t('pickupFieldHint')} error={err(errors, 'pickupFieldId')}>
              <select name="pickupFieldId" value={form.pickupFieldId} onChange={(e) => set({ pickupFieldId: e.target.value })}>
                <option value="">{tc('none')}</option>
                {config.fields.map((f) => <option key={f.id} value={f.id}>{locale === 'vi' ? f.nameVi : f.nameEn}</option>)}
              </select>
            </FormRow>
          </div>
          <FormFooter busy={busy} error={error} errors={errors} />
        </form>
        <HolidaysEditor />
      </div>
    </section>
  );
}
