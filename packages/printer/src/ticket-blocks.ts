import type { Block } from './block-layout';
import type { TicketTexts } from './ticket-text';
import type { TicketStyle } from './ticket-style';

/**
 * The ticket as two rasters around the native QR code the printer draws itself:
 * `head` (everything down to "scan the QR code") and `foot` (the closing line). Without a QR
 * code (no address phones can reach: `withQr` false) the head ends after the time of issue.
 */
export function ticketBlocks(t: TicketTexts, s: TicketStyle, withQr = true): { head: Block[]; foot: Block[] } {
  const gap = (k = 1): Block => ({ kind: 'gap', px: Math.round(s.gap * k) });
  const rule = (dashed: boolean): Block => ({ kind: 'rule', thickness: s.rule, dashed });
  const head: Block[] = [
    gap(0.5),
    { kind: 'text', text: t.site, weight: 'medium', size: s.site },
    gap(0.5),
    { kind: 'text', text: t.field, weight: 'bold', size: s.field },
    gap(),
    rule(false),
    gap(),
    { kind: 'text', text: t.label, weight: 'semibold', size: s.label },
    { kind: 'number', text: t.number, weight: 'extrabold', maxSize: s.numberMax },
  ];
  if (t.priority !== null) head.push(gap(0.5), { kind: 'badge', text: t.priority, weight: 'bold', size: s.priority });
  head.push(gap(), rule(false), gap());
  if (t.counters !== null) head.push({ kind: 'text', text: t.counters, weight: 'bold', size: s.info + 2 });
  head.push(
    { kind: 'text', text: t.ahead, weight: 'medium', size: s.info },
    { kind: 'text', text: t.wait, weight: 'medium', size: s.info },
    gap(0.5),
    { kind: 'text', text: t.issued, weight: 'medium', size: s.small },
  );
  if (withQr) {
    head.push(
      gap(),
      rule(true),
      gap(),
      { kind: 'text', text: t.scan, weight: 'semibold', size: s.small },
      gap(1.5), // quiet zone above the QR code
    );
  }
  const foot: Block[] = [gap(2), { kind: 'text', text: t.footer, weight: 'semibold', size: s.footer }, gap()];
  return { head, foot };
}
