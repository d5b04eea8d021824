/**
 * The catalog's cell values as written by people and by the national database's exports:
 * “Trong ngày”, “03 ngày làm việc”, “50.000 đồng”, “2.000 đồng/trang”, “Miễn phí”, “Ngừng”…
 * Anything not recognised is null (an issue), never a guess.
 */
import { cellText, cleanText, type Cell } from '../dossiers/import/sheet';
import { MAX_FEE, MAX_PROCESSING_DAYS } from './types';

const CODE = /^[A-Za-z0-9][A-Za-z0-9.\-_/]{0,59}$/;

/** Lower case, no diacritics (đ -> d), single spaces; punctuation kept (it matters in numbers). */
function fold(text: string): string {
  return cleanText(text)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/**
 * The procedure code. A code typed into Excel as a number (1.001190) reaches us as 1.00119; the
 * national codes have six digits after the point, so a number is written back with six.
 */
export function parseCode(cell: Cell | undefined): string | null {
  let text: string;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < 0) return null;
    text = Number.isInteger(cell) ? String(cell) : cell < 100 && Number(cell.toFixed(6)) === cell ? cell.toFixed(6) : String(cell);
  } else {
    text = cleanText(cellText(cell));
  }
  return CODE.test(text) ? text : null;
}

const WITHIN_THE_DAY = /^(?:ngay )?trong (?:ngay|ngay lam viec)(?:$|[^a-z0-9])/;
const DAYS = /^(?:(?:trong|trong vong|trong thoi han|khong qua|toi da) )?(\d{1,3}) ?ngay(?:$|[^a-z0-9])/;

/** Thời hạn giải quyết in working days: 3, “3”, “03 ngày làm việc”, “Trong 05 ngày…”, “Trong ngày” (0). */
export function parseDays(cell: Cell | undefined): number | null {
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 0 && cell <= MAX_PROCESSING_DAYS ? cell : null;
  const text = fold(cellText(cell));
  let days: number | null = null;
  if (/^\d{1,3}$/.test(text)) days = Number(text);
  else if (WITHIN_THE_DAY.test(text)) days = 0;
  else {
    const m = DAYS.exec(text);
    if (m?.[1]) days = Number(m[1]);
  }
  return days !== null && days <= MAX_PROCESSING_DAYS ? days : null;
}

const FREE = /^(?:khong|mien|khong thu|mien thu|khong co|mien phi|mien le phi|khong thu phi|khong thu le phi|khong co le phi|0|-)\.?$/;
/** 50000, 50.000, 50,000, 50 000 (thousands grouped by 3), then đ / đồng / VND / ₫, then an optional “/trang”. */
const AMOUNT = /^(\d{1,3}(?:([., ])\d{3})(?:\2\d{3})*|\d+) ?(?:d|dong|vnd|₫)?(?: ?\/ ?\S.*)?$/;

/** Lệ phí in VND: 50000, “50.000 đồng”, “2.000 đồng/trang”, “Không”, “Miễn phí” (0). */
export function parseFee(cell: Cell | undefined): number | null {
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 0 && cell <= MAX_FEE ? cell : null;
  const text = fold(cellText(cell));
  if (FREE.test(text)) return 0;
  const m = AMOUNT.exec(text);
  if (!m?.[1]) return null;
  const fee = Number(m[1].replace(/[., ]/g, ''));
  return Number.isSafeInteger(fee) && fee <= MAX_FEE ? fee : null;
}

const IN_FORCE = new Set(['dang ap dung', 'ap dung', 'con hieu luc', 'dang hieu luc', 'hieu luc', 'co', 'x', 'bat', 'active', 'enabled', 'yes', 'true', '1']);
const STOPPED = new Set([
  'ngung',
  'ngung ap dung',
  'da ngung',
  'tam ngung',
  'tam ngung ap dung',
  'het hieu luc',
  'khong ap dung',
  'bai bo',
  'da bai bo',
  'khong',
  'tat',
  'inactive',
  'disabled',
  'no',
  'false',
  '0',
]);

/** Trạng thái: true (Đang áp dụng), false (Ngừng), undefined when not recognised; blank is null. */
/**
 * Giờ chốt nhận hồ sơ: “15:00”, “15h”, “15h30”, “15 giờ”, an Excel time (a fraction of a day,
 * or a Date on 1899-12-30). Empty is null (none given); anything else undefined (an issue).
 */
export function parseCutoff(cell: Cell | undefined): string | null | undefined {
  let minutes: number;
  if (typeof cell === 'number') {
    if (!(cell >= 0 && cell < 1)) return undefined;
    minutes = Math.round(cell * 24 * 60);
  } else if (cell instanceof Date) {
    minutes = cell.getUTCHours() * 60 + cell.getUTCMinutes();
  } else {
    const text = fold(cellText(cell));
    if (text === '') return null;
    const m = /^(\d{1,2})\s*(?::|h|gio)\s*([0-5]\d)?(?::00)?\s*(?:phut)?$/.exec(text);
    if (!m) return undefined;
    minutes = Number(m[1]) * 60 + Number(m[2] ?? '0');
  }
  if (!(minutes >= 0 && minutes < 24 * 60)) return undefined;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function parseStatus(cell: Cell | undefined): boolean | null | undefined {
  const text = fold(cellText(cell))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (text === '') return null;
  if (IN_FORCE.has(text)) return true;
  if (STOPPED.has(text)) return false;
  return undefined;
}
