import { DomainError } from './errors';
import { localDateTime, type LocalDateTime } from './local-time';
import type { EpochMs, NumberFormat, ServiceDay } from './model';

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const MAX_NUMERIC = 99_999;
const PREFIX_PATTERN = /^[A-Z]{1,3}$/;
function localParts(at: EpochMs, timeZone: string): LocalDateTime {
  if (!Number.isFinite(at)) throw new DomainError('INVALID_ARGUMENT', 'Thời điểm không hợp lệ', { at });
  return localDateTime(at, timeZone);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Local date `YYYY-MM-DD` of `at` in `timeZone`; numbering restarts when it changes. */
export function serviceDayOf(at: EpochMs, timeZone: string = DEFAULT_TIME_ZONE): ServiceDay {
  const p = localParts(at, timeZone);
  return `${String(p.year).padStart(4, '0')}-${pad2(p.month)}-${pad2(p.day)}`;
}

/** Local weekday (0 = Sunday) and minutes since local midnight. */
export function localTimeOf(
  at: EpochMs,
  timeZone: string = DEFAULT_TIME_ZONE,
): { weekday: number; minutes: number } {
  const p = localParts(at, timeZone);
  return { weekday: p.weekday, minutes: p.hour * 60 + p.minute };
}

function invalid(message: string, f: NumberFormat): never {
  throw new DomainError('INVALID_NUMBER_FORMAT', message, { format: { ...f } });
}

export function validateNumberFormat(f: NumberFormat): void {
  const { rangeStart, rangeEnd, pad } = f;
  if (!Number.isInteger(rangeStart) || !Number.isInteger(rangeEnd) || rangeStart < 0 || rangeEnd < 0) {
    invalid('Dải số phải là số nguyên không âm', f);
  }
  if (rangeStart > rangeEnd) invalid('Số bắt đầu phải nhỏ hơn hoặc bằng số kết thúc', f);
  if (!Number.isInteger(pad) || pad < 1 || pad > 6) invalid('Số chữ số phải từ 1 đến 6', f);
  if (f.style === 'prefixed') {
    if (!PREFIX_PATTERN.test(f.prefix)) invalid('Tiền tố phải gồm 1–3 chữ cái in hoa (A–Z)', f);
  } else if (f.style === 'numeric') {
    if (rangeEnd > MAX_NUMERIC) invalid(`Số kết thúc không được vượt quá ${MAX_NUMERIC}`, f);
  } else {
    invalid('Kiểu số không hợp lệ', f);
  }
}

/**
 * Sequence of the next ticket of the day in a field. `lastSeq` is the last one
 * issued today (null for the first ticket), read back from storage after a restart.
 * A `lastSeq` below the range (range changed mid-day) starts again at `rangeStart`.
 */
export function nextSequence(f: NumberFormat, lastSeq: number | null): number {
  if (lastSeq !== null && !Number.isInteger(lastSeq)) {
    throw new DomainError('INVALID_ARGUMENT', 'Số thứ tự trước đó không hợp lệ', { lastSeq });
  }
  const next = lastSeq === null ? f.rangeStart : Math.max(lastSeq + 1, f.rangeStart);
  if (next > f.rangeEnd) {
    throw new DomainError('NUMBER_RANGE_EXHAUSTED', 'Đã hết số trong ngày cho lĩnh vực này', {
      lastSeq,
      rangeEnd: f.rangeEnd,
    });
  }
  return next;
}

/** `prefixed` -> `A-023`, `numeric` -> `1023`. */
export function formatTicketNumber(f: NumberFormat, seq: number): string {
  if (f.style === 'prefixed') return `${f.prefix}-${String(seq).padStart(f.pad, '0')}`;
  return String(seq);
}
