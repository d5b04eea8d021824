import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { thresholdRgba, type MonoBitmap } from './bitmap';
import { SAMPLE_TICKET } from './sample-ticket';
import { renderTicketImage, renderTicketRasters } from './ticket-render';
import { MAX_RASTER_WIDTH, TICKET_STYLES } from './ticket-style';
import type { PaperWidth, TicketPrintData } from './types';

const WIDTHS: PaperWidth[] = [80, 58];

const LONG: TicketPrintData = {
  ...SAMPLE_TICKET,
  siteName: 'Trung tâm Phục vụ hành chính công phường Nguyễn Thái Bình, Thành phố Hồ Chí Minh (cơ sở 2)',
  fieldName:
    'Văn hóa – Xã hội (lao động, thương binh và xã hội, y tế, giáo dục – đào tạo) và Đăng ký kinh doanh hộ cá thể',
  number: 'CT-0123',
  priorityLabel: 'Người có công với cách mạng và thân nhân',
  counterNumbers: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14],
  peopleAhead: 1234,
  estimatedWaitMinutes: 615,
};

async function decodePng(png: Buffer): Promise<{ bitmap: MonoBitmap; rgba: Uint8ClampedArray }> {
  const image = await loadImage(png);
  const ctx = createCanvas(image.width, image.height).getContext('2d');
  ctx.drawImage(image, 0, 0);
  const rgba = ctx.getImageData(0, 0, image.width, image.height).data;
  return { bitmap: thresholdRgba(rgba, image.width, image.height), rgba };
}

/** Black pixels in columns [from, to). */
function inkInColumns(b: MonoBitmap, from: number, to: number): number {
  let n = 0;
  for (let y = 0; y < b.height; y++) for (let x = from; x < to; x++) n += b.pixels[y * b.width + x] ?? 0;
  return n;
}

function inkRows(b: MonoBitmap, top: number, height: number): { rows: number; left: number; right: number } {
  let rows = 0;
  let left = b.width;
  let right = -1;
  for (let y = top; y < top + height; y++) {
    let any = false;
    for (let x = 0; x < b.width; x++) {
      if (b.pixels[y * b.width + x] !== 1) continue;
      any = true;
      left = Math.min(left, x);
      right = Math.max(right, x);
    }
    if (any) rows++;
  }
  return { rows, left, right };
}

describe.each(WIDTHS)('renderTicketImage on %i mm paper', (paper) => {
  const style = TICKET_STYLES[paper];

  it('is exactly the printable width, a multiple of 8, in pure black and white', async () => {
    const { png, width, height } = await renderTicketImage(SAMPLE_TICKET, paper);
    expect(width).toBe(MAX_RASTER_WIDTH[paper]);
    expect(width % 8).toBe(0);
    const { bitmap, rgba } = await decodePng(png);
    expect([bitmap.width, bitmap.height]).toEqual([width, height]);
    expect(rgba.every((v, i) => (i % 4 === 3 ? v === 255 : v === 0 || v === 255))).toBe(true);
    expect(bitmap.pixels.reduce((a, b) => a + b, 0)).toBeGreaterThan(width * 20);
  });

  it.each(['vi', 'en'] as const)('wraps long names (%s) instead of running off the paper', async (locale) => {
    const short = renderTicketRasters({ ...SAMPLE_TICKET, locale }, paper);
    const long = renderTicketRasters({ ...LONG, locale }, paper);
    expect(long.head.height).toBeGreaterThan(short.head.height + 3 * style.field);
    for (const part of [long.head, long.foot]) {
      expect(inkInColumns(part, 0, style.margin)).toBe(0);
      expect(inkInColumns(part, part.width - style.margin, part.width)).toBe(0);
    }
  });

  it('prints the number very large, centred, inside the margins', () => {
    for (const data of [SAMPLE_TICKET, { ...SAMPLE_TICKET, number: '7' }, { ...SAMPLE_TICKET, number: 'CT-0123' }]) {
      const { head, headBoxes } = renderTicketRasters(data, paper);
      const box = headBoxes.find((b) => b.kind === 'number');
      if (!box) throw new Error('no number block');
      const ink = inkRows(head, box.top, box.height);
      const minRows = data.number.length <= 4 ? (paper === 80 ? 120 : 80) : paper === 80 ? 70 : 45;
      expect(ink.rows).toBeGreaterThanOrEqual(minRows);
      expect(ink.left).toBeGreaterThanOrEqual(style.margin);
      expect(ink.right).toBeLessThan(head.width - style.margin);
      expect(Math.abs(ink.left + ink.right - head.width)).toBeLessThanOrEqual(4);
      if (data.number.length === 4) expect(ink.right - ink.left).toBeGreaterThan(head.width * 0.75);
    }
  });

  it('draws decomposed (NFD) input exactly like composed (NFC) input', async () => {
    const nfd = { ...SAMPLE_TICKET, fieldName: SAMPLE_TICKET.fieldName.normalize('NFD'), siteName: SAMPLE_TICKET.siteName.normalize('NFD') };
    expect((await renderTicketImage(nfd, paper)).png.equals((await renderTicketImage(SAMPLE_TICKET, paper)).png)).toBe(true);
  });
});

describe('renderTicketRasters', () => {
  it('puts the QR caption at the end of the head and the thanks in the foot', () => {
    const { headBoxes, foot } = renderTicketRasters(SAMPLE_TICKET, 80);
    expect(headBoxes.map((b) => b.kind).filter((k) => k !== 'gap')).toEqual([
      'text', 'text', 'rule', 'text', 'number', 'badge', 'rule', 'text', 'text', 'text', 'text', 'rule', 'text',
    ]);
    expect(foot.height).toBeGreaterThan(30);
  });

  it('leaves the priority badge out when there is no priority', () => {
    const { headBoxes } = renderTicketRasters({ ...SAMPLE_TICKET, priorityLabel: null }, 58);
    expect(headBoxes.some((b) => b.kind === 'badge')).toBe(false);
  });
});
