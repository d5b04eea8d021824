import type { OpeningSession } from '@qms/core';
import type { Locale, Translate } from '@qms/ui';
import { CONFIG_MESSAGES, type ConfigKey } from '../i18n/config';
import { WEEK_ORDER, WEEKDAY_LABELS } from '../i18n/labels';
import { translator } from '@qms/ui';
import type { FormErrors } from '../lib/validate';

export const MAX_SESSIONS = 21;

/** Typing help for 24-hour times: `0730` becomes `07:30`; anything but digits and one colon is dropped. */
export function hhmm(typed: string): string {
  const s = typed.replace(/[^\d:]/g, '');
  if (/^\d{4}$/.test(s)) return `${s.slice(0, 2)}:${s.slice(2)}`;
  return s.slice(0, 5);
}

/** Checks the schema cannot: open before close, no two sessions of a day overlapping. */
export function sessionErrors(sessions: OpeningSession[], locale: Locale): FormErrors {
  const t = translator(CONFIG_MESSAGES, locale);
  const errors: FormErrors = {};
  sessions.forEach((s, i) => {
    if (s.open && s.close && s.open >= s.close) errors[`openingHours.${i}.close`] = t('openBeforeClose');
    const clash = sessions.some((o, j) => j !== i && o.weekday === s.weekday && o.open < s.close && s.open < o.close);
    if (clash && !errors[`openingHours.${i}.close`]) errors[`openingHours.${i}.open`] = t('overlap');
  });
  if (sessions.length > MAX_SESSIONS) errors['openingHours'] = t('tooManySessions', { n: MAX_SESSIONS });
  return errors;
}

/** One line per weekday (Monday first) with its sessions; a day without any is closed. */
export function OpeningHoursEditor({ sessions, onChange, errors, t, locale }: {
  sessions: OpeningSession[];
  onChange: (s: OpeningSession[]) => void;
  errors: FormErrors;
  t: Translate<ConfigKey>;
  locale: Locale;
}) {
  const set = (i: number, patch: Partial<OpeningSession>): void => onChange(sessions.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const add = (weekday: number): void => {
    const last = sessions.filter((s) => s.weekday === weekday).sort((a, b) => a.open.localeCompare(b.open)).at(-1);
    const session = last ? { weekday, open: last.close < '13:00' ? '13:30' : last.close, close: last.close < '13:00' ? '17:00' : '23:59' } : { weekday, open: '07:30', close: '11:30' };
    onChange([...sessions, session]);
  };
  return (
    <div className="hours" data-testid="opening-hours">
      {WEEK_ORDER.map((weekday) => {
        const mine = sessions.map((s, i) => ({ s, i })).filter((x) => x.s.weekday === weekday).sort((a, b) => a.s.open.localeCompare(b.s.open));
        return (
          <div key={weekday} className="hours-day" data-weekday={weekday}>
            <span className="hours-name">{WEEKDAY_LABELS[locale][weekday]}</span>
            <div className="hours-sessions">
              {mine.length === 0 && <span className="muted">{t('closedDay')}</span>}
              {mine.map(({ s, i }) => {
                const e = errors[`openingHours.${i}.open`] ?? errors[`openingHours.${i}.close`];
                return (
                  <span key={i} className={`session${e ? ' is-invalid' : ''}`} data-session={i}>
                    <input name="open" className="hhmm" inputMode="numeric" placeholder="07:30" maxLength={5} aria-label={t('open')} value={s.open} onChange={(ev) => set(i, { open: hhmm(ev.target.value) })} />
                    <span>–</span>
                    <input name="close" className="hhmm" inputMode="numeric" placeholder="11:30" maxLength={5} aria-label={t('close')} value={s.close} onChange={(ev) => set(i, { close: hhmm(ev.target.value) })} />
                    <button type="button" className="icon-btn" aria-label="×" data-remove-session={i} onClick={() => onChange(sessions.filter((_, j) => j !== i))}>×</button>
                    {e && <span className="row-error">{e}</span>}
                  </span>
                );
              })}
            </div>
            <button type="button" className="btn small" data-add-session={weekday} onClick={() => add(weekday)}>+ {t('addSession')}</button>
          </div>
        );
      })}
      {errors['openingHours'] && <p className="row-error">{errors['openingHours']}</p>}
    </div>
  );
}
