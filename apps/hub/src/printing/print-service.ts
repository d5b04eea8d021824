import { PRIORITY_GROUP_LABELS, DomainError, estimateWaitMinutes, type Ticket } from '@qms/core';
import { PrinterFault, parsePrinterConfig, printerFromUrl, type PrinterConfig, type TicketPrintData } from '@qms/printer/config';
import type { PrinterFaultView, PrintResult } from '@qms/protocol';
import type { CommandExecutor } from '../commands/executor';
import type { Actor, CommandContext } from '../domain/context';
import { fieldAverageServiceMs, openCountersFor } from '../domain/stats';
import { faultView, ticketStatusUrl } from '../domain/views';

export type PrintFn = (data: TicketPrintData, config: PrinterConfig) => Promise<{ bytes: number; ms: number }>;

export interface PrintServiceOptions {
  executor: CommandExecutor;
  print: PrintFn;
  /** Printer for kiosks that have none in their device settings (QMS_PRINTER / --printer). */
  defaultPrinter: PrinterConfig | null;
}

/** What goes on the paper: the ticket as it stands now (people ahead recounted at print time). */
function printData(ctx: CommandContext, t: Ticket, locale: 'vi' | 'en'): TicketPrintData {
  const field = ctx.field(t.fieldId);
  const peopleAhead = ctx.store.tickets.countAhead(t, ctx.site.priority);
  return {
    siteName: ctx.site.name,
    fieldName: locale === 'vi' ? field.nameVi : field.nameEn,
    number: t.number,
    issuedAt: t.issuedAt,
    timeZone: ctx.site.timeZone,
    peopleAhead,
    estimatedWaitMinutes: estimateWaitMinutes({
      peopleAhead,
      openCounters: openCountersFor(field.id, ctx.counters()),
      avgServiceMs: fieldAverageServiceMs(ctx.store, field),
    }),
    counterNumbers: ctx.counters().filter((c) => c.enabled && c.fieldIds.includes(field.id)).map((c) => c.number),
    statusUrl: ticketStatusUrl(ctx.runtime.phoneLinkBase, t.id),
    priorityLabel: t.priorityGroup ? PRIORITY_GROUP_LABELS[locale][t.priorityGroup] : null,
    locale,
  };
}

/**
 * Printing for kiosks in a browser: the hub sends the ticket to the kiosk's network printer.
 * A failure is recorded as a printer fault (event to staff) and answered PRINTER_FAULT; the
 * ticket stays issued. The first good print after faults resolves them.
 */
export class PrintService {
  constructor(private readonly o: PrintServiceOptions) {}

  /** The kiosk's printer: its device setting (URL string or object), else the hub's default. */
  printerFor(ctx: CommandContext, deviceId: string): PrinterConfig | null {
    const configured = ctx.config.device(deviceId)?.settings.printer;
    if (configured === undefined || configured === null) return this.o.defaultPrinter;
    return typeof configured === 'string' ? printerFromUrl(configured) : parsePrinterConfig(configured);
  }

  async printTicket(
    actor: Actor,
    input: { ticketId: string; locale: 'vi' | 'en'; baseUrl?: string | undefined; idempotencyKey?: string | undefined },
  ): Promise<PrintResult> {
    const ctx = this.o.executor.readContext(actor);
    const ticket = ctx.ticket(input.ticketId);
    if (ticket.issuedBy !== actor.id) throw new DomainError('FORBIDDEN', 'Ki-ốt chỉ in được vé do chính ki-ốt cấp');
    const scope = `print:${actor.id}:${ctx.day}`;
    const first = input.idempotencyKey ? ctx.store.idempotency.get(scope, input.idempotencyKey) : null;
    if (first && first.command !== `ticket:print#${ticket.id}`) {
      throw new DomainError('CONFLICT', 'Khoá idempotency đã dùng cho một vé khác');
    }
    if (first) return first.result as PrintResult; // a retry of a print that succeeded: never a second paper ticket
    let printer: PrinterConfig | null;
    try {
      printer = this.printerFor(ctx, actor.id);
    } catch (e) {
      return this.fail(actor, ticket.id, 'error', `Cấu hình máy in của ki-ốt không hợp lệ (${(e as Error).message})`);
    }
    if (!printer) return this.fail(actor, ticket.id, 'error', 'Ki-ốt chưa được cấu hình máy in');
    // the QR link is the hub's own choice (network/phone-link.ts); a kiosk's `baseUrl` is not used
    const data = printData(ctx, ticket, input.locale);
    try {
      const result = await this.o.print(data, printer);
      if (input.idempotencyKey) ctx.store.idempotency.put(scope, input.idempotencyKey, `ticket:print#${ticket.id}`, result, ctx.now);
      this.resolveFaults(actor);
      return result;
    } catch (e) {
      const fault = e instanceof PrinterFault ? e.fault : 'error';
      return this.fail(actor, ticket.id, fault, e instanceof Error ? e.message : String(e));
    }
  }

  /** A fault seen by an Electron kiosk printing locally, or PRINTER_OK when it prints again. */
  report(actor: Actor, input: { ticketId?: string | undefined; code: string; message: string }): PrinterFaultView | null {
    if (input.code === 'PRINTER_OK') {
      this.resolveFaults(actor);
      return null;
    }
    const fault = input.code.replace(/^PRINTER_/, '').toLowerCase();
    return this.record(actor, input.ticketId ?? null, fault, input.message);
  }

  private fail(actor: Actor, ticketId: string, fault: string, message: string): never {
    this.record(actor, ticketId, fault, message);
    throw new DomainError('PRINTER_FAULT', message, { fault });
  }

  private record(actor: Actor, ticketId: string | null, fault: string, message: string): PrinterFaultView {
    return this.o.executor.transact(actor, (ctx) => {
      const rec = ctx.store.printerFaults.record({ deviceId: actor.id, ticketId, fault, message, at: ctx.now });
      const view = faultView(ctx, rec);
      ctx.emit({ type: 'printer:fault', fault: view }, { ticketId });
      return view;
    });
  }

  private resolveFaults(actor: Actor): void {
    this.o.executor.transact(actor, (ctx) => {
      if (ctx.store.printerFaults.resolveOpen(actor.id, ctx.now) === 0) return;
      ctx.emit({ type: 'printer:restored', deviceId: actor.id, deviceName: actor.name }, {});
    });
  }
}
