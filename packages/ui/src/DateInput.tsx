import { useEffect, useRef, useState } from 'react';
import { dmyFromIso, isoFromDmy, maskDmy } from './dmy-date';
import { COMMON, translator, type Locale } from './i18n';

export interface DateInputProps {
  name: string;
  /** ISO `yyyy-mm-dd`, or '' for no date. */
  value: string;
  /** Called with the ISO day when the text is a real day, '' when it is empty or not (yet) a day. */
  onChange: (iso: string) => void;
  locale?: Locale;
  /** ISO bounds, inclusive. */
  min?: string | undefined;
  max?: string | undefined;
  required?: boolean;
  id?: string;
  title?: string;
  'data-testid'?: string;
}

type Problem = { key: 'invalidDate' } | { key: 'dateTooEarly' | 'dateTooLate'; date: string } | null;

function problemOf(text: string, min: string | undefined, max: string | undefined): Problem {
  if (text === '') return null;
  const iso = isoFromDmy(text);
  if (iso === null) return { key: 'invalidDate' };
  if (min && iso < min) return { key: 'dateTooEarly', date: dmyFromIso(min) };
  if (max && iso > max) return { key: 'dateTooLate', date: dmyFromIso(max) };
  return null;
}

/**
 * The one date field of every UI: reads and writes dd/mm/yyyy whatever the browser's language
 * (a native date input shows 12/07/2026 for 7 December in an English browser), gives the ISO day
 * to the caller, and says in the page's language what is wrong with a day that does not exist.
 * An invalid day also blocks the form's submit (setCustomValidity).
 */
export function DateInput({ name, value, onChange, locale = 'vi', min, max, required, ...rest }: DateInputProps) {
  const [text, setText] = useState(() => dmyFromIso(value));
  const [touched, setTouched] = useState(false);
  // the last ISO value this field handed out, or took from outside
  const [emitted, setEmitted] = useState(value);
  const input = useRef<HTMLInputElement>(null);
  if (value !== emitted) {
    // a value set from outside (a preset, a scanned ID card) replaces the text in this very render
    setEmitted(value);
    setText(dmyFromIso(value));
    setTouched(false);
  }
  const t = translator(COMMON, locale);
  const problem = problemOf(text, min, max);
  const message = problem === null ? '' : problem.key === 'invalidDate' ? t('invalidDate') : t(problem.key, { date: problem.date });
  useEffect(() => {
    input.current?.setCustomValidity(message);
  }, [message]);
  const shown = message !== '' && (touched || text.length >= 10);
  const change = (raw: string): void => {
    const masked = maskDmy(raw);
    setText(masked);
    const iso = isoFromDmy(masked) ?? '';
    if (iso !== emitted) {
      setEmitted(iso);
      onChange(iso);
    }
  };
  return (
    <span className="qms-date-input">
      <input
        ref={input}
        type="text"
        name={name}
        inputMode="numeric"
        autoComplete="off"
        placeholder={t('datePlaceholder')}
        maxLength={10}
        value={text}
        required={required}
        aria-invalid={shown}
        data-iso={emitted}
        title={rest.title ?? t('dateHint')}
        onChange={(e) => change(e.target.value)}
        onBlur={() => {
          setTouched(true);
          const iso = isoFromDmy(text);
          if (iso !== null) setText(dmyFromIso(iso)); // 7/1/2026 -> 07/01/2026
        }}
        {...(rest.id ? { id: rest.id } : {})}
        {...(rest['data-testid'] ? { 'data-testid': rest['data-testid'] } : {})}
      />
      {shown && <span className="qms-date-error" role="alert" data-testid={`${name}-error`}>{message}</span>}
    </span>
  );
}

/** `0930` -> `09:30`; digits only, the colon put in. */
function maskTime(raw: string): string {
  const d = raw.replace(/\D/g, '').slice(0, 4);
  return d.length > 2 ? `${d.slice(0, 2)}:${d.slice(2)}` : d;
}
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * A day (dd/mm/yyyy) and an optional 24-hour time (hh:mm), for "as of" moments: value
 * `yyyy-mm-ddTHH:MM`, `yyyy-mm-dd` when no time is typed (the end of that day), or ''.
 */
export function DateTimeInput({ name, value, onChange, locale = 'vi', ...rest }: Omit<DateInputProps, 'min' | 'max' | 'required'>) {
  const day = value.slice(0, 10);
  const [time, setTime] = useState(value.slice(11, 16));
  const timeInput = useRef<HTMLInputElement>(null);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    const outside = value.slice(11, 16);
    if (outside !== '' || value === '') setTime(outside);
  }
  const t = translator(COMMON, locale);
  const bad = time !== '' && !TIME.test(time);
  useEffect(() => {
    timeInput.current?.setCustomValidity(bad ? t('invalidTime') : '');
  }, [bad, t]);
  const emit = (d: string, tm: string): void => onChange(d === '' ? '' : TIME.test(tm) ? `${d}T${tm}` : d);
  return (
    <span className="qms-datetime-input">
      <DateInput name={name} value={day} locale={locale} onChange={(d) => emit(d, time)} {...rest} />
      <span className="qms-date-input">
        <input ref={timeInput} type="text" name={`${name}-time`} inputMode="numeric" autoComplete="off" maxLength={5} placeholder={t('timePlaceholder')}
          value={time} aria-invalid={bad && time.length >= 5} title={t('timeHint')}
          onChange={(e) => {
            const tm = maskTime(e.target.value);
            setTime(tm);
            emit(day, tm);
          }} />
        {bad && time.length >= 5 && <span className="qms-date-error" role="alert">{t('invalidTime')}</span>}
      </span>
    </span>
  );
}
