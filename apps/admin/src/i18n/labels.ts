import { DOSSIER_STATUS_LABELS, PRIORITY_GROUP_LABELS, RATING_LABELS, type CounterKind, type StaffRole } from '@qms/core';
import type { Locale } from '@qms/ui';

export { DOSSIER_STATUS_LABELS, PRIORITY_GROUP_LABELS, RATING_LABELS };

/** Index = weekday as stored (0 = Sunday); the editor lists Monday first, as Vietnamese offices do. */
export const WEEKDAY_LABELS: Record<Locale, string[]> = {
  vi: ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

export const COUNTER_KIND_LABELS: Record<Locale, Record<CounterKind, string>> = {
  vi: { receiving: 'Tiếp nhận hồ sơ', guidance: 'Hướng dẫn', result_pickup: 'Trả kết quả' },
  en: { receiving: 'Reception', guidance: 'Guidance', result_pickup: 'Result pickup' },
};

export const COUNTER_STATUS_LABELS: Record<Locale, Record<'open' | 'paused' | 'closed', string>> = {
  vi: { open: 'Đang mở', paused: 'Tạm nghỉ', closed: 'Đóng' },
  en: { open: 'Open', paused: 'Paused', closed: 'Closed' },
};

export const ROLE_LABELS: Record<Locale, Record<StaffRole, string>> = {
  vi: { officer: 'Cán bộ', admin: 'Quản trị viên' },
  en: { officer: 'Officer', admin: 'Administrator' },
};

export const DEVICE_KIND_LABELS: Record<Locale, Record<'kiosk' | 'display', string>> = {
  vi: { kiosk: 'Ki-ốt lấy số', display: 'Màn hình gọi số' },
  en: { kiosk: 'Ticket kiosk', display: 'Call display' },
};

/** `1.234.567 ₫` / `1,234,567 ₫`. */
export function formatMoney(n: number, locale: Locale): string {
  return `${new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB').format(n)} ₫`;
}

export function formatNumber(n: number, locale: Locale, digits = 0): string {
  return new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(n);
}

/** A share 0..1 as `87,5 %`; a dash when nothing was measured. */
export function formatShare(v: number | null, locale: Locale): string {
  return v === null ? '—' : `${formatNumber(v * 100, locale, 1)} %`;
}

export function formatMinutes(v: number | null, locale: Locale): string {
  return v === null ? '—' : formatNumber(v, locale, 1);
}

/** `dd/mm/yyyy hh:mm` in the site's time zone. */
export function formatDateTime(at: number, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
  }).format(at);
}

/** `YYYY-MM-DD` -> `dd/mm/yyyy`. */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-');
  return y && m && d ? `${d}/${m}/${y}` : day;
}
