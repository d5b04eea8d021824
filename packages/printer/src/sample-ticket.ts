import type { TicketPrintData } from './types';

/** A realistic ticket for previews, docs and tests: 09:05 on 23/11/2026 in Hồ Chí Minh City. */
export const SAMPLE_TICKET: TicketPrintData = {
  siteName: 'UBND phường Bến Thành – Bộ phận Tiếp nhận và Trả kết quả',
  fieldName: 'Tư pháp – Hộ tịch',
  number: '1023',
  issuedAt: Date.UTC(2026, 10, 23, 2, 5),
  timeZone: 'Asia/Ho_Chi_Minh',
  peopleAhead: 4,
  estimatedWaitMinutes: 40,
  counterNumbers: [1, 2],
  statusUrl: 'http://192.168.1.10:3000/t/01JD8Q4Z3M5V7K2N9P6R',
  priorityLabel: 'Người cao tuổi',
  locale: 'vi',
};
