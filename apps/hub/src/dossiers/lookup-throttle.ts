import { DomainError } from '@qms/core';
import { RecentEvents } from '../auth/recent-events';

/** Look-ups (and result-pickup requests) a kiosk may make in a minute, with or without a key. */
export const LOOKUPS_PER_MINUTE = 20;
/** Look-ups without the receipt's key (typed codes, unknown codes, wrong keys) a kiosk may make in a minute… */
export const UNVERIFIED_PER_MINUTE = 5;
/** …after which it makes none for this long (a scanned receipt, with its key, still works). */
export const UNVERIFIED_COOL_DOWN_MS = 2 * 60_000;

/**
 * Per kiosk device, in memory: dossier codes are sequential (yymmdd + daily number), so a kiosk
 * typing codes one after another could walk through the day's dossiers. Without the receipt's
 * key it sees only status and dates, and only a few a minute.
 */
export class LookupThrottle {
  private readonly all = new RecentEvents(60_000);
  private readonly unverified = new RecentEvents(60_000);
  private readonly coolingUntil = new Map<string, number>();

  /** Counts one look-up of `kiosk`; refuses past LOOKUPS_PER_MINUTE. */
  lookup(kiosk: string, now: number): void {
    if (this.all.count(kiosk, now) >= LOOKUPS_PER_MINUTE) {
      throw new DomainError('RATE_LIMITED', 'Tra cứu quá nhiều lần liên tiếp. Mời Ông/Bà chờ một phút rồi thử lại.');
    }
    this.all.add(kiosk, now);
  }

  /** Counts one look-up without a valid key; refuses past UNVERIFIED_PER_MINUTE and during the cool-down. */
  unverifiedLookup(kiosk: string, now: number): void {
    const until = this.coolingUntil.get(kiosk);
    if (until !== undefined && now < until) throw coolingDown(until - now);
    if (until !== undefined) this.coolingUntil.delete(kiosk);
    if (this.unverified.count(kiosk, now) >= UNVERIFIED_PER_MINUTE) {
      this.coolingUntil.set(kiosk, now + UNVERIFIED_COOL_DOWN_MS);
      throw coolingDown(UNVERIFIED_COOL_DOWN_MS);
    }
    this.unverified.add(kiosk, now);
  }
}

function coolingDown(ms: number): DomainError {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return new DomainError(
    'RATE_LIMITED',
    `Đã nhập mã hồ sơ quá nhiều lần; xin vui lòng chờ ${minutes} phút, hoặc quét mã QR trên phiếu hẹn`,
    { retryAfterMs: ms },
  );
}
