import type { TicketPrintData } from './types';
import { aheadLine, waitLine } from './wait-wording';

/** Every string printed on a ticket, already localised and in NFC. */
export interface TicketTexts {
  site: string;
  field: string;
  label: string;
  number: string;
  priority: string | null;
  counters: string | null;
  ahead: string;
  wait: string;
  issued: string;
  scan: string;
  footer: string;
}

interface Words {
  label: string;
  priority: string;
  counter: (n: number) => string;
  issued: (time: string, date: string) => string;
  scan: string;
  footer: string;
}

const nfc = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/** Joins a phrase with no-break spaces so that wrapping moves it to the next line whole ("40 phút"). */
const keep = (s: string): string => s.replace(/ /g, '\u00a0');

const WORDS: Readonly<Record<TicketPrintData['locale'], Words>> = {
  vi: {
    label: 'SỐ THỨ TỰ',
    priority: 'Ưu tiên',
    counter: () => 'Quầy',
    issued: (time, date) => `Lấy số lúc ${keep(`${time} ngày ${date}`)}`,
    scan: 'Quét mã QR để theo dõi lượt gọi',
    footer: 'Mời Ông/Bà chờ gọi số. Xin cảm ơn!',
  },
  en: {
    label: 'YOUR NUMBER',
    priority: 'Priority',
    counter: (n) => (n === 1 ? 'Counter' : 'Counters'),
    issued: (time, date) => `Issued at ${keep(`${time} on ${date}`)}`,
    scan: 'Scan the QR code to follow your turn',
    footer: 'Please wait for your number to be called. Thank you!',
  },
};

/** "09:05" and "23/11/2026" for the instant `at` in `timeZone` (24-hour clock, day first). */
export function formatIssueTime(at: number, timeZone: string): { time: string; date: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return { time: `${part('hour')}:${part('minute')}`, date: `${part('day')}/${part('month')}/${part('year')}` };
}

/** Drops a leading "Ưu tiên:" / "Priority:" the caller may already have put in the label. */
function priorityLine(label: string | null, word: string): string | null {
  if (label === null || nfc(label) === '') return null;
  const bare = nfc(label).replace(/^(ưu tiên|priority)\s*:\s*/iu, '');
  return `${word}: ${bare}`;
}

/** The shared wait wording (the kiosk's screen says the same), the value kept on one line. */
function line(l: { label: string; value: string }): string {
  return l.label === '' ? l.value : `${l.label}: ${keep(l.value)}`;
}

export function ticketTexts(data: TicketPrintData): TicketTexts {
  const w = WORDS[data.locale];
  const { time, date } = formatIssueTime(data.issuedAt, data.timeZone);
  const counters = data.counterNumbers;
  return {
    site: nfc(data.siteName),
    field: nfc(data.fieldName),
    label: w.label,
    number: nfc(data.number),
    priority: priorityLine(data.priorityLabel, w.priority),
    counters: counters.length === 0 ? null : `${w.counter(counters.length)}: ${counters.join(', ')}`,
    ahead: line(aheadLine(data.peopleAhead, data.locale)),
    wait: line(waitLine(data.estimatedWaitMinutes, data.locale)),
    issued: w.issued(time, date),
    scan: w.scan,
    footer: w.footer,
  };
}
