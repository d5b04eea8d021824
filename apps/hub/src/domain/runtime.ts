import { LookupThrottle } from '../dossiers/lookup-throttle';

/**
 * What the running hub knows that is not configuration: how it was started, what the socket and
 * network layers see, and in-memory throttles. Lives as long as the process; never stored.
 * (ConfigCache holds only the site's configuration as read from the database.)
 */
export class HubRuntime {
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
}
