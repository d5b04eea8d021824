import type { TicketPrintData } from './types';

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
  ahead: string;
  wait: string;
  noCounter: string;
  about: (minutes: number) => string;
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
    ahead: 'Số người đang chờ trước bạn',
    wait: 'Thời gian chờ dự kiến',
    noCounter: 'Chưa có quầy mở',
    about: (m) => (m < 1 ? 'dưới 1 phút' : `khoảng ${duration(m, 'giờ', 'phút')}`),
    issued: (time, date) => `Lấy số lúc ${keep(`${time} ngày ${date}`)}`,
    scan: 'Quét mã QR để theo dõi lượt gọi',
    footer: 'Vui lòng chờ gọi số. Xin cảm ơn!',
  },
  en: {
    label: 'YOUR NUMBER',
    priority: 'Priority',
    counter: (n) => (n === 1 ? 'Counter' : 'Counters'),
    ahead: 'People waiting ahead of you',
    wait: 'Estimated wait',
    noCounter: 'No counter open yet',
    about: (m) => (m < 1 ? 'under 1 minute' : `about ${duration(m, 'h', 'min')}`),
    issued: (time, date) => `Issued at ${keep(`${time} on ${date}`)}`,
    scan: 'Scan the QR code to follow your turn',
    footer: 'Please wait for your number to be called. Thank you!',
  },
};

function duration(minutes: number, hourUnit: string, minuteUnit: string): string {
  const m = Math.round(minutes);
  if (m < 60) return `${m} ${minuteUnit}`;
  const rest = m % 60;
  const hours = `${Math.floor(m / 60)} ${hourUnit}`;
  return rest === 0 ? hours : `${hours} ${rest} ${minuteUnit}`;
}

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
    ahead: `${w.ahead}: ${Math.max(0, Math.round(data.peopleAhead))}`,
    wait: data.estimatedWaitMinutes === null ? w.noCounter : `${w.wait}: ${keep(w.about(data.estimatedWaitMinutes))}`,
    issued: w.issued(time, date),
    scan: w.scan,
    footer: w.footer,
  };
}
