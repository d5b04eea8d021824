/**
 * The site the load children serve (the bench's hub child and the soak's): the demo ward, plus
 * counters q(n+1)..q(counters) that serve every field (each starting from a different one) with
 * officers canbo(n+1)..canbo(counters), so every simulated officer holds a counter; kiosks
 * kiosk-1..kiosk-K, one device token each, whose anti-hoarding limit (`maxTicketsPerMinute`,
 * default 10) is lifted to `ticketsPerMinute` (the check itself still runs); number ranges
 * widened to 9,999 per field (the demo ranges hold 999 a day, a rush needs more).
 */
import { demoFields, hashPassword, hashToken, newToken, seedDemoSite, systemClock } from '@qms/hub';
import type { Store } from '@qms/store';

export interface CounterLogin {
  counterId: string;
  username: string;
  password: string;
}

export interface LoadSite {
  /** One token per kiosk device; kiosk socket i uses token i modulo their number. */
  kioskTokens: string[];
  displayToken: string;
  fieldIds: string[];
  counters: CounterLogin[];
}

export interface LoadSiteOptions {
  counters: number;
  kiosks: number;
  ticketsPerMinute: number;
  /** Password of the added officers (the demo ones keep theirs). */
  password: string;
}

export async function seedLoadSite(store: Store, options: LoadSiteOptions): Promise<LoadSite> {
  const now = systemClock.now();
  const creds = await seedDemoSite(store, systemClock);
  const fields = demoFields();
  const hash = await hashPassword(options.password);
  const kioskTokens: string[] = [];
  const counters: CounterLogin[] = creds.officers.map((o, i) => ({ counterId: `q${i + 1}`, username: o.username, password: o.password }));
  store.transaction(() => {
    fields.forEach((f, i) =>
      store.config.saveField({ ...f, numberFormat: { ...f.numberFormat, rangeStart: (i + 1) * 10_000 + 1, rangeEnd: (i + 1) * 10_000 + 9_999 } }),
    );
    for (let n = counters.length + 1; n <= options.counters; n++) {
      const username = `canbo${n}`;
      store.accounts.saveOfficer(
        { id: username, username, fullName: `Cán bộ ${n}`, role: 'officer', enabled: true, passwordHash: hash, failedLogins: 0, lockedUntil: null },
        now,
      );
      const fieldIds = fields.map((_, k) => fields[(n + k) % fields.length]?.id ?? '');
      store.config.saveCounter({ id: `q${n}`, number: n, name: `Quầy ${n}`, kind: 'receiving', fieldIds, status: 'closed', officerId: null, consecutivePriorityCalls: 0, enabled: true });
      counters.push({ counterId: `q${n}`, username, password: options.password });
    }
    for (let k = 1; k <= options.kiosks; k++) {
      const token = k === 1 ? creds.kioskToken : newToken();
      const settings = { maxTicketsPerMinute: options.ticketsPerMinute };
      store.accounts.saveDevice({ id: `kiosk-${k}`, kind: 'kiosk', name: `Kiosk ${k}`, settings, createdAt: now, revokedAt: null }, hashToken(token));
      kioskTokens.push(token);
    }
  });
  return { kioskTokens, displayToken: creds.displayToken, fieldIds: fields.map((f) => f.id), counters };
}
