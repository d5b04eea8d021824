import { serviceDayOf } from '@qms/core';
import { holidaysSetInput } from '@qms/protocol';
import { useEffect, useState } from 'react';
import { FormFooter } from '../components/forms';
import { CONFIG_MESSAGES } from '../i18n/config';
import { WEEKDAY_LABELS } from '../i18n/labels';
import { useAdmin, useCommon, useT } from '../lib/admin-context';
import { useCommand } from '../lib/use-command';
import { check, type FormErrors } from '../lib/validate';

type Holiday = { day: string; name: string };

function weekdayOf(day: string): number | null {
  const d = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? null : d.getUTCDay();
}

/** The list of public holidays (holidays:set replaces the whole list). */
export function HolidaysEditor() {
  const { config, locale, flash, reloadConfig } = useAdmin();
  const t = useT(CONFIG_MESSAGES);
  const tc = useCommon();
  const [list, setList] = useState<Holiday[] | null>(null);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<FormErrors>({});
  const [year, setYear] = useState<string | null>(null);
  /** Rows added or edited since the last save stay in view even when their date leaves the chosen year. */
  const [pinned, setPinned] = useState<ReadonlySet<number>>(new Set());
  const { run, busy, error } = useCommand();
  useEffect(() => {
    if (config && !dirty) setList(config.holidays);
  }, [config, dirty]);
  if (!list) return null;
  const change = (next: Holiday[], pin?: number): void => {
    setList(next);
    setDirty(true);
    if (pin === undefined) setPinned(new Set());
    else setPinned(new Set([...pinned, pin]));
  };
  const tz = config?.site.timeZone ?? 'Asia/Ho_Chi_Minh';
  const today = serviceDayOf(Date.now(), tz);
  const years = [...new Set([today.slice(0, 4), ...list.map((h) => h.day.slice(0, 4)).filter((y) => /^\d{4}$/.test(y))])].sort();
  const shownYear = year ?? today.slice(0, 4);
  // rows keep their index in the whole list (errors are reported by it); a row being typed stays visible
  const rows = list.map((h, i) => ({ h, i })).filter(({ h, i }) => shownYear === 'all' || pinned.has(i) || h.day.startsWith(shownYear));
  const submit = async (): Promise<void> => {
    const extra: FormErrors = {};
    list.forEach((h, i) => {
      if (list.findIndex((o) => o.day === h.day) !== i) extra[`holidays.${i}.day`] = t('duplicateDay');
    });
    const sorted = [...list].sort((a, b) => a.day.localeCompare(b.day));
    const c = check(holidaysSetInput, { holidays: list }, tc, locale, extra);
    setErrors(c.ok ? {} : c.errors);
    if (!c.ok) return;
    const saved = await run('holidays:set', { holidays: sorted });
    if (saved) {
      setDirty(false);
      setPinned(new Set());
      setList(saved);
      flash(t('holidaysSaved', { n: saved.length }));
      reloadConfig();
    }
  };
  return (
    <form className="card form-card" data-testid="holidays-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h2>{t('holidaysTitle')}</h2>
      <p className="muted">{t('holidaysHint')}</p>
      <div className="presets" role="group" data-testid="holiday-years">
        {[...years, 'all'].map((y) => (
          <button key={y} type="button" className={`btn small${shownYear === y ? ' is-pressed' : ''}`} aria-pressed={shownYear === y} data-year={y} onClick={() => setYear(y)}>
            {y === 'all' ? tc('all') : y} <span className="muted-on">({y === 'all' ? list.length : list.filter((h) => h.day.startsWith(y)).length})</span>
          </button>
        ))}
      </div>
      <table className="table compact holidays">
        <thead><tr><th>{t('holidayDay')}</th><th /><th>{t('holidayName')}</th><th /></tr></thead>
        <tbody>
          {rows.length === 0 && <tr><td colSpan={4} className="muted">{t('noHolidays')}</td></tr>}
          {rows.map(({ h, i }) => {
            const wd = weekdayOf(h.day);
            const e = errors[`holidays.${i}.day`] ?? errors[`holidays.${i}.name`];
            return (
              <tr key={i} data-holiday={i} className={e ? 'is-invalid' : ''}>
                <td><input type="date" name="day" value={h.day} onChange={(ev) => change(list.map((x, j) => (j === i ? { ...x, day: ev.target.value } : x)), i)} /></td>
                <td className="muted nowrap small">{wd === null ? '' : WEEKDAY_LABELS[locale][wd]}</td>
                <td>
                  <input name="name" value={h.name} maxLength={120} onChange={(ev) => change(list.map((x, j) => (j === i ? { ...x, name: ev.target.value } : x)), i)} />
                  {e && <span className="row-error">{e}</span>}
                </td>
                <td><button type="button" className="btn small danger-text" data-remove-holiday={i} onClick={() => change(list.filter((_, j) => j !== i))}>{tc('remove')}</button></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" className="btn small" data-testid="add-holiday" onClick={() => change([...list, { day: shownYear === 'all' || shownYear === today.slice(0, 4) ? today : `${shownYear}-01-01`, name: '' }], list.length)}>+ {t('addHoliday')}</button>
      <FormFooter busy={busy} error={error} errors={errors} saveLabel={t('saveHolidays')} saveTestId="save-holidays" />
    </form>
  );
}
