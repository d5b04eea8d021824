import { DomainError, SiteCalendar, type Counter, type Field, type Id, type Procedure, type Site } from '@qms/core';
import type { Device, Store } from '@qms/store';

/**
 * The site's configuration held in memory: the hub is the only writer of its database, so the
 * cache stays true as long as every write goes through `commitCounters` (after the commit of
 * the command that changed them) or `invalidate` (after a configuration edit). Runtime state
 * (presence, hours enforcement, the phone link, throttles) is in HubRuntime (runtime.ts).
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
