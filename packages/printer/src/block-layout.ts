import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { thresholdRgba, type MonoBitmap } from './bitmap';
import { ensureFonts, font, type FontWeight } from './fonts';
import { wrapText } from './text-wrap';

/** One vertical piece of a ticket, top to bottom. Text is centred and wraps inside the margins. */
export type Block =
  | { kind: 'text'; text: string; weight: FontWeight; size: number }
  | { kind: 'number'; text: string; weight: FontWeight; maxSize: number }
  | { kind: 'badge'; text: string; weight: FontWeight; size: number }
  | { kind: 'rule'; thickness: number; dashed: boolean }
  | { kind: 'gap'; px: number };

export interface Frame {
  width: number;
  margin: number;
}

interface Placed {
  height: number;
  draw(ctx: SKRSContext2D, top: number): void;
}

function placeLines(ctx: SKRSContext2D, lines: string[], size: number, frame: Frame): Placed {
  const m = ctx.measureText('ẤỹgQ');
  const ascent = Math.ceil(Math.max(m.fontBoundingBoxAscent, m.actualBoundingBoxAscent));
  const lineHeight = ascent + Math.ceil(Math.max(m.fontBoundingBoxDescent, m.actualBoundingBoxDescent));
  const fontSpec = ctx.font;
  return {
    height: lines.length * lineHeight + Math.round(size * 0.1),
    draw(target, top) {
      target.font = fontSpec;
      target.textAlign = 'center';
      lines.forEach((line, i) => target.fillText(line, frame.width / 2, top + ascent + i * lineHeight));
    },
  };
}

function placeText(ctx: SKRSContext2D, block: Extract<Block, { kind: 'text' }>, frame: Frame): Placed {
  ctx.font = font(block.weight, block.size);
  const lines = wrapText(block.text, frame.width - 2 * frame.margin, (s) => ctx.measureText(s).width);
  return placeLines(ctx, lines, block.size, frame);
}

/** The number: as large as fits the width (up to maxSize), measured by its ink, not its font box. */
function placeNumber(ctx: SKRSContext2D, block: Extract<Block, { kind: 'number' }>, frame: Frame): Placed {
  const room = frame.width - 2 * frame.margin;
  ctx.font = font(block.weight, block.maxSize);
  const full = ctx.measureText(block.text);
  const size = Math.max(8, Math.floor(Math.min(block.maxSize, (block.maxSize * room) / Math.max(1, full.width))));
  ctx.font = font(block.weight, size);
  const m = ctx.measureText(block.text);
  const ascent = Math.ceil(m.actualBoundingBoxAscent);
  const pad = Math.round(size * 0.08);
  const fontSpec = ctx.font;
  const left = (frame.width - (m.actualBoundingBoxRight + m.actualBoundingBoxLeft)) / 2 + m.actualBoundingBoxLeft;
  return {
    height: ascent + Math.ceil(m.actualBoundingBoxDescent) + 2 * pad,
    draw(target, top) {
      target.font = fontSpec;
      target.textAlign = 'left';
      target.fillText(block.text, Math.round(left), top + pad + ascent);
    },
  };
}

/** White text on a black rounded box: the priority group must not be missed by the officer. */
function placeBadge(ctx: SKRSContext2D, block: Extract<Block, { kind: 'badge' }>, frame: Frame): Placed {
  const inset = Math.round(block.size * 0.5);
  ctx.font = font(block.weight, block.size);
  const room = frame.width - 2 * frame.margin - 2 * inset;
  const lines = wrapText(block.text, room, (s) => ctx.measureText(s).width);
  const inner = placeLines(ctx, lines, block.size, frame);
  const height = inner.height + inset;
  return {
    height,
    draw(target, top) {
      target.beginPath();
      target.roundRect(frame.margin, top, frame.width - 2 * frame.margin, height, inset);
      target.fill();
      target.fillStyle = '#fff';
      inner.draw(target, top + Math.round(inset / 2));
      target.fillStyle = '#000';
    },
  };
}

function placeRule(block: Extract<Block, { kind: 'rule' }>, frame: Frame): Placed {
  return {
    height: block.thickness,
    draw(target, top) {
      const dash = block.dashed ? block.thickness * 4 : frame.width;
      for (let x = frame.margin; x < frame.width - frame.margin; x += 2 * dash) {
        target.fillRect(x, top, Math.min(dash, frame.width - frame.margin - x), block.thickness);
      }
    },
  };
}

function place(ctx: SKRSContext2D, block: Block, frame: Frame): Placed {
  switch (block.kind) {
    case 'text':
      return placeText(ctx, block, frame);
    case 'number':
      return placeNumber(ctx, block, frame);
    case 'badge':
      return placeBadge(ctx, block, frame);
    case 'rule':
      return placeRule(block, frame);
    case 'gap':
      return { height: block.px, draw: () => undefined };
  }
}

/** Where each block landed: rows [top, top + height) of the bitmap. */
export interface BlockBox {
  kind: Block['kind'];
  top: number;
  height: number;
}

/** Lays blocks out top to bottom on white, black ink, and thresholds the result to 1 bit. */
export function renderBlocks(blocks: readonly Block[], frame: Frame): { bitmap: MonoBitmap; boxes: BlockBox[] } {
  ensureFonts();
  const scratch = createCanvas(frame.width, 1).getContext('2d');
  const placed = blocks.map((b) => place(scratch, b, frame));
  const height = Math.max(1, placed.reduce((sum, p) => sum + p.height, 0));
  const canvas = createCanvas(frame.width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, frame.width, height);
  ctx.fillStyle = '#000';
  const boxes: BlockBox[] = [];
  let top = 0;
  placed.forEach((p, i) => {
    p.draw(ctx, top);
    boxes.push({ kind: blocks[i]?.kind ?? 'gap', top, height: p.height });
    top += p.height;
  });
  return { bitmap: thresholdRgba(ctx.getImageData(0, 0, frame.width, height).data, frame.width, height), boxes };
}
