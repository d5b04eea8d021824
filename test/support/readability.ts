import type { Page } from 'playwright-core';

/**
 * Legibility of a page as a person sees it: every visible text node's computed font size, and the
 * WCAG contrast ratio of its colour (with the opacity of the element and its ancestors) against
 * the colour actually behind it (every ancestor's background composited from the page down; a
 * gradient counts with its worst stop).
 */
export interface TextSample {
  text: string;
  /** `tag.class` of the text's element and its nearest `data-*` marked ancestor, to find it. */
  where: string;
  fontPx: number;
  contrast: number;
  /** The text's box lies inside the viewport (not cut off by the screen's edges). */
  onScreen: boolean;
  /** Inside an element marked `data-scrolls` (a ticker: it moves across the screen on purpose). */
  scrolls: boolean;
}

type Rgba = [number, number, number, number];

interface RawLayer {
  color: string;
  image: string;
}

interface RawText {
  text: string;
  where: string;
  fontSize: string;
  color: string;
  opacity: number;
  /** The element's own background first, the root's last. */
  layers: RawLayer[];
  rect: { left: number; top: number; right: number; bottom: number };
  scrolls: boolean;
}

export function parseColor(css: string): Rgba[] {
  const out: Rgba[] = [];
  for (const m of css.matchAll(/rgba?\(([^)]+)\)/g)) {
    const parts = (m[1] ?? '').split(/[ ,/]+/).filter(Boolean).map(Number);
    out.push([parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1]);
  }
  return out;
}

function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
}

function luminance([r, g, b]: Rgba): number {
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio of two opaque colours. */
export function contrastRatio(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Every colour the text may stand on: solid layers composited bottom-up, each gradient stop a branch. */
function backgrounds(layers: RawLayer[]): Rgba[] {
  let candidates: Rgba[] = [[255, 255, 255, 1]]; // the canvas
  for (const layer of [...layers].reverse()) {
    const [solid] = parseColor(layer.color);
    if (solid && solid[3] > 0) candidates = candidates.map((c) => over(solid, c));
    const stops = layer.image === 'none' ? [] : parseColor(layer.image);
    if (stops.length > 0) candidates = candidates.flatMap((c) => stops.map((s) => over(s, c)));
  }
  return candidates;
}

function sample(raw: RawText, width: number, height: number): TextSample {
  const [ink] = parseColor(raw.color);
  const text: Rgba = ink ? [ink[0], ink[1], ink[2], ink[3] * raw.opacity] : [0, 0, 0, raw.opacity];
  const contrast = Math.min(...backgrounds(raw.layers).map((bg) => contrastRatio(over(text, bg), bg)));
  const r = raw.rect;
  return {
    text: raw.text,
    where: raw.where,
    fontPx: Number.parseFloat(raw.fontSize),
    contrast,
    onScreen: r.left >= -0.5 && r.top >= -0.5 && r.right <= width + 0.5 && r.bottom <= height + 0.5,
    scrolls: raw.scrolls,
  };
}

/** Samples every rendered text node under `root`, leaving out those inside `exempt`. */
export async function sampleTexts(page: Page, root: string, exempt: string): Promise<TextSample[]> {
  const raws = await page.evaluate(
    ([rootSel, exemptSel]) => {
      const out: RawText[] = [];
      const top = document.querySelector(rootSel);
      if (!top) return out;
      const walker = document.createTreeWalker(top, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        const text = (n.textContent ?? '').trim();
        if (!el || text === '' || el.closest(exemptSel)) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        const rect = range.getBoundingClientRect();
        if (rect.width === 0 || rect.height === 0) continue; // not rendered
        const cs = getComputedStyle(el);
        if (cs.visibility !== 'visible') continue;
        let opacity = 1;
        const layers: RawLayer[] = [];
        for (let a: Element | null = el; a; a = a.parentElement) {
          const s = getComputedStyle(a);
          opacity *= Number(s.opacity);
          layers.push({ color: s.backgroundColor, image: s.backgroundImage });
        }
        const marked = el.closest('[data-testid],[data-counter],[data-field]');
        const mark = marked ? ` in ${marked.outerHTML.slice(0, marked.outerHTML.indexOf('>') + 1)}` : '';
        out.push({
          text,
          where: `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}${mark}`,
          fontSize: cs.fontSize,
          color: cs.color,
          opacity,
          layers,
          rect: { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom },
          scrolls: el.closest('[data-scrolls]') !== null,
        });
      }
      return out;
    },
    [root, exempt] as const,
  );
  const size = page.viewportSize() ?? { width: 0, height: 0 };
  return raws.map((r) => sample(r, size.width, size.height));
}
