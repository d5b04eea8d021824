import { DomainError, SiteCalendar, type Counter, type Field, type Id, type Procedure, type Site } from '@qms/core';
import type { Device, Store } from '@qms/store';
import { LookupThrottle } from '../dossiers/lookup-throttle';

/**
 * The site's configuration held in memory: the hub is the only writer of its database, so the
 * cache stays true as long as every write goes through `commitCounters` (after the commit of
 * the command that changed them) or `invalidate` (after a configuration edit).
 */
export class ConfigCache {
  private siteValue: Site | null = null;
  private fieldsValue: Field[] | null = null;
  private countersValue: Counter[] | null = null;
  private readonly names = new Map<Id, string | null>();
  private devicesValue: Device[] | null = null;
  private proceduresValue: Procedure[] | null = null;
  private calendarValue: SiteCalendar | null = null;
  private pickupValue: string | null | undefined = undefined;
  /** Dossier look-ups per kiosk (throttled; in memory, per hub). */
  readonly kioskLookups = new LookupThrottle();
  /** Live sockets per device id (set by the socket layer; the admin's device list shows it). */
  presence: () => ReadonlyMap<string, number> = () => new Map();
  /** Kiosk tickets are refused outside opening hours unless the hub runs with --always-open. */
  enforceHours = true;
  /**
   * Base of the ticket QR link (`<base>/t/<id>`) that phones can open, or null when there is
   * none (no QR is printed; the dashboard warns). Set when the hub listens (network/phone-link.ts).
   */
  phoneLinkBase: string | null = null;

  constructor(private readonly store: Store) {}

  site(): Site {
    this.siteValue ??= this.store.config.site();
    if (!this.siteValue) throw new DomainError('INTERNAL', 'site is not configured');
    return this.siteValue;
  }

  fields(): Field[] {
    this.fieldsValue ??= this.store.config.fields();
    return this.fieldsValue;
  }

  counters(): Counter[] {
    this.countersValue ??= this.store.config.counters();
    return this.countersValue;
  }

  officerName(id: Id): string | null {
    if (!this.names.has(id)) this.names.set(id, this.store.accounts.officerById(id)?.fullName ?? null);
    return this.names.get(id) ?? null;
  }

  procedures(): Procedure[] {
    this.proceduresValue ??= this.store.dossiers.procedures();
    return this.proceduresValue;
  }

  /** Vietnam's default holidays with the site's entries over them (due dates, kiosk closing). */
  calendar(): SiteCalendar {
    this.calendarValue ??= new SiteCalendar(this.store.dossiers.holidayList());
    return this.calendarValue;
  }

  /** The field whose queue result pickups join ("Trả kết quả"). */
  pickupFieldId(): string | null {
    if (this.pickupValue === undefined) this.pickupValue = this.store.config.pickupFieldId();
    return this.pickupValue;
  }

  /** A device (kiosk or display) that is not revoked. */
  device(id: Id): Device | null {
    this.devicesValue ??= this.store.accounts.devices();
    return this.devicesValue.find((d) => d.id === id && d.revokedAt === null) ?? null;
  }

  /** Applies counter states written by a committed transaction. */
  commitCounters(changed: readonly Counter[]): void {
    if (changed.length === 0 || !this.countersValue) return;
    const byId = new Map(changed.map((c) => [c.id, c]));
    this.countersValue = this.countersValue.map((c) => byId.get(c.id) ?? c);
  }

  invalidate(): void {
    this.siteValue = null;
    this.fieldsValue = null;
    this.countersValue = null;
    this.names.clear();
    this.devicesValue = null;
    this.proceduresValue = null;
    this.calendarValue = null;
    this.pickupValue = undefined;
  }
}
