import type { IssueTicketResult } from '@qms/protocol';
import { PRIORITY_LABELS, type HubConnection, type Locale } from '@qms/ui';
import type { TicketPrintData } from '@qms/printer/types';
import type { KioskIdentity } from './identity';

export type PrintState = { phase: 'printing' } | { phase: 'printed' } | { phase: 'failed'; reason: string };

/**
 * The ticket's QR link is the hub's (`IssueTicketResult.statusUrl`): an address phones can reach,
 * never this page's own origin (a kiosk on the hub's PC opens it at 127.0.0.1). null: no QR.
 */
export function printData(
  r: IssueTicketResult,
  site: { name: string; timeZone: string },
  locale: Locale,
): TicketPrintData {
  return {
    siteName: site.name,
    fieldName: locale === 'vi' ? r.fieldNameVi : r.fieldNameEn,
    number: r.ticket.number,
    issuedAt: r.ticket.issuedAt,
    timeZone: site.timeZone,
    peopleAhead: r.peopleAhead,
    estimatedWaitMinutes: r.estimatedWaitMinutes,
    counterNumbers: r.counterNumbers,
    statusUrl: r.statusUrl,
    priorityLabel: r.ticket.priorityGroup ? PRIORITY_LABELS[locale][r.ticket.priorityGroup] : null,
    locale,
  };
}

/** Whether this (Electron) kiosk told the hub about a printer fault not yet cleared. */
let faultReported = false;

/**
 * Prints a ticket: in Electron through the local printer (and a fault is reported to the hub);
 * in a browser the hub prints to this kiosk's network printer and records any fault itself.
 */
export async function printTicket(
  conn: HubConnection,
  identity: KioskIdentity,
  data: TicketPrintData,
  ticketId: string,
): Promise<PrintState> {
  if (identity.bridge) {
    const r = await identity.bridge.print(data);
    if (r.ok) {
      if (faultReported) await conn.send('printer:report', { ticketId, code: 'PRINTER_OK', message: '' });
      faultReported = false;
      return { phase: 'printed' };
    }
    faultReported = true;
    await conn.send('printer:report', { ticketId, code: r.error.code, message: r.error.message.slice(0, 300) });
    return { phase: 'failed', reason: r.error.message };
  }
  // the hub prints the QR link it chose itself (IssueTicketResult.statusUrl)
  const r = await conn.send('ticket:print', { ticketId, locale: data.locale });
  return r.ok ? { phase: 'printed' } : { phase: 'failed', reason: r.error.message };
}
