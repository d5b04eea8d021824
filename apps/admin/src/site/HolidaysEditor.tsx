import { CALENDAR_ENTRY_KINDS, serviceDayOf, type CalendarEntry, type CalendarEntryKind } from '@qms/core';
import { holidaysSetInput } from '@qms/protocol';
import { DateInput } from '@qms/ui/date-input';
import { useEffect, useState } from 'react';
import { FormFooter } from '../components/forms';
import { HOLIDAY_MESSAGES, type HolidayKey } from '../i18n/holidays';
import { WEEKDAY_LABELS } from '../i18n/labels';
import { useAdmin, useCommon, useT } from '../lib/admin-context';
import { useCommand } from '../lib/use-command';
import { check, type FormErrors } from '../lib/validate';
import { DefaultHolidays, weekdayOf } from './DefaultHolidays';

const KIND_LABEL: Record<CalendarEntryKind, HolidayKey> = { off: 'kindOff', work: 'kindWork', open: 'kindOpen' };
const NEW_NAME: Record<CalendarEntryKind, HolidayKey> = { off: 'newOffName', work: 'newWorkName', open: 'newOpenName' };

/** The holiday calendar of a year: the defaults, and the site's entries over them (holidays:set replaces the whole list). */
export function HolidaysEditor() {
  const { config, locale, flash, reloadConfig } = useAdmin();
  const t = useT(HOLIDAY_MESSAGES);
  const tc = useCommon();
  const [list, setList] = useState<CalendarEntry[] | null>(null);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<FormErrors>({});
  const [year, setYear] = useState<number | null>(null);
  /** Rows added or edited since the last save stay in view even when their date leaves the chosen year. */
  const [pinned, setPinned] = useState<ReadonlySet<number>>(new Set());
  const { run, busy, error } = useCommand();
  useEffect(() => {
    if (config && !dirty) setList(config.holidays);
  }, [config, dirty]);
  if (!list) return null;
  const change = (next: CalendarEntry[], pin?: number): void => {
    setList(next);
    setDirty(true);
    if (pin === undefined) setPinned(new Set());
    else setPinned(new Set([...pinned, pin]));
  };
  const today = serviceDayOf(Date.now(), config?.site.timeZone ?? 'Asia/Ho_Chi_Minh');
  const thisYear = Number(today.slice(0, 4));
  const listYears = list.map((h) => Number(h.day.slice(0, 4))).filter((y) => y > 1900);
  const years = [...new Set([thisYear - 1, thisYear, thisYear + 1, thisYear + 2, ...listYears])].sort();
  const shownYear = year ?? thisYear;
  // rows keep their index in the whole list (errors are reported by it); a row being typed stays visible
  const rows = list.map((h, i) => ({ h, i })).filter(({ h, i }) => pinned.has(i) || h.day.startsWith(String(shownYear)));
  const add = (entry: CalendarEntry): void => change([...list, entry], list.length);
  const addKind = (kind: CalendarEntryKind): void =>
    add({ day: shownYear === thisYear ? today : `${shownYear}-01-01`, name: t(NEW_NAME[kind]), kind });
  const submit = async (): Promise<void> => {
    const extra: FormErrors = {};
    list.forEach((h, i) => {
      if (list.findIndex((o) => o.day === h.day) !== i) extra[`holidays.${i}.day`] = t('duplicateDay');
    });
    const c = check(holidaysSetInput, { holidays: list }, tc, locale, extra);
    setErrors(c.ok ? {} : c.errors);
    if (!c.ok) return;
    const saved = await run('holidays:set', { holidays: [...list].sort((a, b) => a.day.localeCompare(b.day)) });
    if (saved) {
      setDirty(false);
      setPinned(new Set());
      setList(saved);
      flash(t('holidaysSaved', { n: saved.length }));
      reloadConfig();
    }
  };
  const edit = (i: number, patch: Partial<CalendarEntry>): void => change(list.map((x, j) => (j === i ? { ...x, ...patch } : x)), i);
  return (
    <form className="card form-card" data-testid="holidays-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h2>{t('holidaysTitle')}</h2>
      <p className="muted">{t('holidaysHint')}</p>
      <div className="presets" role="group" data-testid="holiday-years">
        {years.map((y) => (
          <button key={y} type="button" className={`btn small${shownYear === y ? ' is-pressed' : ''}`} aria-pressed={shownYear === y} data-year={y} onClick={() => setYear(y)}>
            {y} <span className="muted-on">({list.filter((h) => h.day.startsWith(String(y))).length})</span>
          </button>
        ))}
      </div>
      <DefaultHolidays year={shownYear} site={list} locale={locale} t={t} onAdd={add} />
      <h3>{t('siteEntriesTitle')}</h3>
      <p className="muted small">{t('siteEntriesHint')}</p>
      <table className="table compact holidays" data-testid="site-holidays">
        <thead><tr><th>{t('holidayDay')}</th><th>{t('holidayKind')}</th><th>{t('holidayName')}</th><th /></tr></thead>
        <tbody>
          {rows.length === 0 && <tr><td colSpan={4} className="muted">{t('noHolidays')}</td></tr>}
          {rows.map(({ h, i }) => {
            const wd = weekdayOf(h.day);
            const e = errors[`holidays.${i}.day`] ?? errors[`holidays.${i}.name`];
            return (
              <tr key={i} data-holiday={i} className={e ? 'is-invalid' : ''}>
                <td>
                  <DateInput name="day" value={h.day} locale={locale} onChange={(day) => edit(i, { day })} />
                  <br /><span className="muted nowrap small">{wd === null ? '' : WEEKDAY_LABELS[locale][wd]}</span>
                </td>
                <td>
                  <select name="kind" value={h.kind} onChange={(ev) => edit(i, { kind: ev.target.value as CalendarEntryKind })}>
                    {CALENDAR_ENTRY_KINDS.map((k) => <option key={k} value={k}>{t(KIND_LABEL[k])}</option>)}
                  </select>
                </td>
                <td>
                  {/* a textarea that grows with the name, so a long one is never cut off */}
                  <textarea name="name" className="holiday-name" value={h.name} maxLength={120} rows={Math.max(1, Math.ceil(h.name.length / 45))}
                    onKeyDown={(ev) => { if (ev.key === 'Enter') ev.preventDefault(); }}
                    onChange={(ev) => edit(i, { name: ev.target.value.replace(/\s*\n\s*/g, ' ') })} />
                  {e && <span className="row-error">{e}</span>}
                </td>
                <td><button type="button" className="btn small danger-text" data-remove-holiday={i} onClick={() => change(list.filter((_, j) => j !== i))}>{tc('remove')}</button></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="presets">
        <button type="button" className="btn small" data-testid="add-holiday" onClick={() => addKind('off')}>+ {t('addHoliday')}</button>
        <button type="button" className="btn small" data-testid="add-work-day" onClick={() => addKind('work')}>+ {t('addWorkDay')}</button>
        <button type="button" className="btn small" data-testid="add-open-day" onClick={() => addKind('open')}>+ {t('addOpenDay')}</button>
      </div>
      <FormFooter busy={busy} error={error} errors={errors} saveLabel={t('saveHolidays')} saveTestId="save-holidays" />
    </form>
  );
}
