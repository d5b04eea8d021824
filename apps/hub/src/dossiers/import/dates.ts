/**
 * Dates in import files. All are local times in Asia/Ho_Chi_Minh (UTC+7 all year, no DST):
 * text `DD/MM/YYYY[ HH:mm[:ss]]` (also `-` or `.` between parts, one-digit day, month or hour),
 * `YYYY-MM-DD[ HH:mm[:ss]]` (or `T` before the time), and XLSX date cells or date serials.
 * Years 2000–2099 only: anything else is a typo in an office export.
 */
import type { WallClockTime } from '@qms/core';
import type { Cell } from './sheet';

const UTC_OFFSET_MS = 7 * 3_600_000;
/** Years a dossier can have: its code carries the day as YYMMDD (see @qms/core formatDossierCode). */
const MIN_YEAR = 2000;
const MAX_YEAR = 2099;
/** Days from Excel's epoch (serial 0 = 1899-12-30, the 1900 system) to 1970-01-01. */
const EXCEL_EPOCH_OFFSET_DAYS = 25_569;
const TIME = String.raw`(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?`;
const DMY = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})${TIME}$`);
const YMD = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`);

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function build(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): WallClockTime | null {
  const ok =
    year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) &&
    hour <= 23 && minute <= 59 && second <= 59;
  return ok ? { year, month, day, hour, minute, second } : null;
}

function fromText(text: string): WallClockTime | null {
  const t = text.trim();
  const dmy = DMY.exec(t);
  if (dmy) return build(Number(dmy[4]), Number(dmy[3]), Number(dmy[1]), Number(dmy[5] ?? 0), Number(dmy[6] ?? 0), Number(dmy[7] ?? 0));
  const ymd = YMD.exec(t);
  if (ymd) return build(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]), Number(ymd[4] ?? 0), Number(ymd[5] ?? 0), Number(ymd[6] ?? 0));
  return null;
}

/** Wall-clock time kept in a Date's UTC fields (how XLSX dates arrive), to the nearest second. */
function fromWallClockMs(ms: number): WallClockTime | null {
  if (!Number.isFinite(ms)) return null;
  const d = new Date(Math.round(ms / 1000) * 1000);
  return build(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
}

/** The local date and time a cell holds, or null when it holds none (blank cells too). */
export function parseDateCell(cell: Cell | undefined): WallClockTime | null {
  if (cell instanceof Date) return fromWallClockMs(cell.getTime());
  if (typeof cell === 'number') return fromWallClockMs((cell - EXCEL_EPOCH_OFFSET_DAYS) * 86_400_000);
  if (typeof cell === 'string') return fromText(cell);
  return null;
}

/** Epoch ms of a local date and time in Asia/Ho_Chi_Minh. */
export function toEpochMs(t: WallClockTime): number {
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second) - UTC_OFFSET_MS;
}

/** `YYYY-MM-DD` of the local date. */
export function toLocalDate(t: WallClockTime): string {
  return `${String(t.year).padStart(4, '0')}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
}
