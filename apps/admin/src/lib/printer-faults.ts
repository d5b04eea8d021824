import { FAULT_TITLES, PRINTER_FAULTS, type PrinterFaultCode } from '@qms/printer/types';
import type { Locale } from '@qms/ui';

/** The kind of a printer fault in a word or two, as staff say it. */
export const PRINTER_FAULT_LABELS: Record<Locale, Record<PrinterFaultCode, string>> = {
  vi: { offline: 'Mất kết nối', paper_out: 'Hết giấy', cover_open: 'Mở nắp', timeout: 'Không phản hồi', error: 'Lỗi máy in' },
  en: { offline: 'Offline', paper_out: 'Paper out', cover_open: 'Cover open', timeout: 'Not responding', error: 'Printer fault' },
};

const isKnown = (fault: string): fault is PrinterFaultCode => (PRINTER_FAULTS as readonly string[]).includes(fault);

/** The kind's label; a code a kiosk made up itself is a printer fault like any other. */
export function faultKindLabel(fault: string, locale: Locale): string {
  return PRINTER_FAULT_LABELS[locale][isKnown(fault) ? fault : 'error'];
}

/**
 * Splits a fault message ("<Vietnamese reason> (<technical detail>)") into the reason staff read
 * and the detail a technician wants (shown on hover, never as text). The reason is null when it
 * only repeats the kind ("Máy in hết giấy" under "Hết giấy"); a message such as "Ki-ốt chưa được
 * cấu hình máy in" is kept, since it says what to do.
 */
export function faultReason(fault: string, message: string): { reason: string | null; detail: string | null } {
  const m = /^(.*?) \((.*)\)$/s.exec(message.trim());
  const reason = (m ? (m[1] ?? '') : message).trim();
  const detail = m?.[2]?.trim() || null;
  const plain = reason === '' || (isKnown(fault) && reason === FAULT_TITLES[fault]) || Object.values(FAULT_TITLES).includes(reason);
  return { reason: plain ? null : reason, detail };
}
