import { PRIORITY_GROUP_LABELS } from '@qms/core';

export type Locale = 'vi' | 'en';
export type Catalog<K extends string> = Record<Locale, Record<K, string>>;
export type Translate<K extends string> = (key: K, params?: Record<string, string | number>) => string;

/**
 * A translator over a typed catalog: every key exists in both languages (the compiler checks),
 * `{name}` placeholders are filled from params, and output is NFC (Vietnamese diacritics).
 */
export function translator<K extends string>(catalog: Catalog<K>, locale: Locale): Translate<K> {
  const dict = catalog[locale];
  return (key, params) => {
    let text = dict[key];
    if (params) for (const [k, v] of Object.entries(params)) text = text.split(`{${k}}`).join(String(v));
    return text.normalize('NFC');
  };
}

export const PRIORITY_LABELS = PRIORITY_GROUP_LABELS;

export const COMMON = {
  vi: {
    offline: 'Mất kết nối với máy chủ. Đang tự động kết nối lại…',
    connecting: 'Đang kết nối tới máy chủ…',
    refused: 'Thiết bị không được phép kết nối: {message}',
    minutes: '{n} phút',
    datePlaceholder: 'dd/mm/yyyy',
    dateHint: 'Ngày/tháng/năm, ví dụ 07/12/2026',
    invalidDate: 'Ngày không hợp lệ. Nhập ngày/tháng/năm, ví dụ 07/12/2026.',
    dateTooEarly: 'Ngày phải từ {date} trở đi.',
    dateTooLate: 'Ngày không được sau {date}.',
    timePlaceholder: 'hh:mm',
    timeHint: 'Giờ:phút (24 giờ), bỏ trống là hết ngày',
    invalidTime: 'Giờ không hợp lệ. Nhập giờ:phút, ví dụ 17:30.',
  },
  en: {
    offline: 'Lost connection to the server. Reconnecting automatically…',
    connecting: 'Connecting to the server…',
    refused: 'This device may not connect: {message}',
    minutes: '{n} min',
    datePlaceholder: 'dd/mm/yyyy',
    dateHint: 'Day/month/year, e.g. 07/12/2026',
    invalidDate: 'Not a valid date. Type day/month/year, e.g. 07/12/2026.',
    dateTooEarly: 'The date must be {date} or later.',
    dateTooLate: 'The date must not be after {date}.',
    timePlaceholder: 'hh:mm',
    timeHint: 'Hours:minutes (24-hour); empty means the end of the day',
    invalidTime: 'Not a valid time. Type hours:minutes, e.g. 17:30.',
  },
} satisfies Catalog<string>;
export type CommonKey = keyof (typeof COMMON)['vi'];
