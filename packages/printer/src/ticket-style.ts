import type { PaperWidth } from './types';

/** Sizes in dots (203 dpi: 8 dots per millimetre) for one paper width. */
export interface TicketStyle {
  /** Printable width: 576 dots on 80 mm paper, 384 on 58 mm. A multiple of 8. */
  width: number;
  /** Blank dots kept at the left and right edges. */
  margin: number;
  site: number;
  field: number;
  label: number;
  /** Largest font size for the number; it shrinks to fit the width. */
  numberMax: number;
  priority: number;
  info: number;
  small: number;
  footer: number;
  gap: number;
  rule: number;
}

export const TICKET_STYLES: Readonly<Record<PaperWidth, TicketStyle>> = {
  80: {
    width: 576,
    margin: 16,
    site: 24,
    field: 34,
    label: 28,
    numberMax: 220,
    priority: 28,
    info: 26,
    small: 22,
    footer: 25,
    gap: 12,
    rule: 3,
  },
  58: {
    width: 384,
    margin: 10,
    site: 20,
    field: 27,
    label: 22,
    numberMax: 160,
    priority: 22,
    info: 21,
    small: 19,
    footer: 21,
    gap: 9,
    rule: 2,
  },
};

export const MAX_RASTER_WIDTH: Readonly<Record<PaperWidth, number>> = { 80: 576, 58: 384 };
