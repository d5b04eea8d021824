import { describe, expect, it } from 'vitest';
import { SAMPLE_TICKET } from './sample-ticket';
import { formatIssueTime, ticketTexts } from './ticket-text';

const NBSP = '\u00a0';
const plain = (s: string | null): string | null => (s === null ? null : s.replaceAll(NBSP, ' '));

describe('ticketTexts', () => {
  it('says everything in Vietnamese', () => {
    const t = ticketTexts(SAMPLE_TICKET);
    expect(Object.fromEntries(Object.entries(t).map(([k, v]) => [k, plain(v)]))).toEqual({
      site: 'UBND phường Bến Thành – Bộ phận Tiếp nhận và Trả kết quả',
      field: 'Tư pháp – Hộ tịch',
      label: 'SỐ THỨ TỰ',
      number: '1023',
      priority: 'Ưu tiên: Người cao tuổi',
      counters: 'Quầy: 1, 2',
      ahead: 'Số người đang chờ trước Ông/Bà: 4',
      wait: 'Thời gian chờ dự kiến: khoảng 40 phút',
      issued: 'Lấy số lúc 09:05 ngày 23/11/2026',
      scan: 'Quét mã QR để theo dõi lượt gọi',
      footer: 'Mời Ông/Bà chờ gọi số. Xin cảm ơn!',
    });
  });

  it('says it in English when asked', () => {
    const t = ticketTexts({ ...SAMPLE_TICKET, locale: 'en', priorityLabel: 'Elderly person', counterNumbers: [3] });
    expect(t.label).toBe('YOUR NUMBER');
    expect(t.priority).toBe('Priority: Elderly person');
    expect(t.counters).toBe('Counter: 3');
    expect(plain(t.wait)).toBe('Estimated wait: about 40 min');
    expect(plain(t.issued)).toBe('Issued at 09:05 on 23/11/2026');
    expect(t.footer).toBe('Please wait for your number to be called. Thank you!');
  });

  it('prints every string in NFC, even from decomposed input', () => {
    const nfd = { ...SAMPLE_TICKET, siteName: 'Phường Bến Thành'.normalize('NFD'), fieldName: 'Chứng thực'.normalize('NFD') };
    const t = ticketTexts(nfd);
    expect(t.site).toBe('Phường Bến Thành'.normalize('NFC'));
    for (const value of Object.values(t)) if (value !== null) expect(value).toBe(value.normalize('NFC'));
  });

  it('covers the edge cases of wait, counters and priority', () => {
    const t = (patch: Partial<typeof SAMPLE_TICKET>) => ticketTexts({ ...SAMPLE_TICKET, ...patch });
    expect(t({ estimatedWaitMinutes: null }).wait).toBe('Chưa có quầy mở');
    expect(plain(t({ estimatedWaitMinutes: 0.4 }).wait)).toBe('Thời gian chờ dự kiến: dưới 1 phút');
    expect(plain(t({ estimatedWaitMinutes: 135 }).wait)).toBe('Thời gian chờ dự kiến: khoảng 2 giờ 15 phút');
    expect(plain(t({ estimatedWaitMinutes: 120 }).wait)).toBe('Thời gian chờ dự kiến: khoảng 2 giờ');
    expect(t({ counterNumbers: [] }).counters).toBeNull();
    expect(t({ priorityLabel: null }).priority).toBeNull();
    expect(t({ priorityLabel: '  ' }).priority).toBeNull();
    expect(t({ priorityLabel: 'Ưu tiên: Người khuyết tật' }).priority).toBe('Ưu tiên: Người khuyết tật');
    expect(t({ peopleAhead: 0 }).ahead).toBe('Số người đang chờ trước Ông/Bà: 0');
  });

  it('keeps a wait or a date together when wrapping (no-break spaces)', () => {
    expect(ticketTexts(SAMPLE_TICKET).wait).toBe(`Thời gian chờ dự kiến: khoảng${NBSP}40${NBSP}phút`);
  });
});

describe('formatIssueTime', () => {
  it('uses the given time zone and a 24-hour clock', () => {
    const at = Date.UTC(2026, 10, 23, 2, 5);
    expect(formatIssueTime(at, 'Asia/Ho_Chi_Minh')).toEqual({ time: '09:05', date: '23/11/2026' });
    expect(formatIssueTime(at, 'UTC')).toEqual({ time: '02:05', date: '23/11/2026' });
    expect(formatIssueTime(Date.UTC(2026, 0, 1, 17, 0), 'Asia/Ho_Chi_Minh')).toEqual({ time: '00:00', date: '02/01/2026' });
  });

  it('refuses an unknown time zone', () => {
    expect(() => formatIssueTime(0, 'Mars/Olympus')).toThrow(RangeError);
  });
});
