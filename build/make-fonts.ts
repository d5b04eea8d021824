/**
 * Makes the web fonts the UIs ship: Be Vietnam Pro (400, 600, 700, 800) from the TTFs of
 * @expo-google-fonts/be-vietnam-pro, subset to Latin + Vietnamese and compressed as WOFF2 with
 * subset-font (HarfBuzz's hb-subset and Google's woff2 encoder, both WebAssembly: no network,
 * no native build). The output in packages/ui/fonts/ is committed; run `npm run fonts` after a
 * font update or a change of the character ranges below. Each TTF is ~135 KB; each WOFF2 ~26 KB.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** [first, last] code points: Google Fonts' "latin" and "vietnamese" subsets, and a few symbols the UIs draw. */
export const FONT_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0020, 0x007e], // ASCII
  [0x00a0, 0x00ff], // Latin-1 (à á â ã è é ê ì í ò ó ô õ ù ú ý, «», ·, °)
  [0x0102, 0x0103], // Ă ă
  [0x0110, 0x0111], // Đ đ
  [0x0128, 0x0129], // Ĩ ĩ
  [0x0131, 0x0131],
  [0x0152, 0x0153],
  [0x0168, 0x0169], // Ũ ũ
  [0x01a0, 0x01a1], // Ơ ơ
  [0x01af, 0x01b0], // Ư ư
  [0x02bb, 0x02bc],
  [0x02c6, 0x02c6],
  [0x02da, 0x02da],
  [0x02dc, 0x02dc],
  [0x0300, 0x0304], // combining grave, acute, circumflex, tilde, macron (text in NFD)
  [0x0306, 0x0306], // combining breve
  [0x0308, 0x0309], // combining diaeresis, hook above
  [0x031b, 0x031b], // combining horn
  [0x0323, 0x0323], // combining dot below
  [0x0329, 0x0329],
  [0x1ea0, 0x1ef9], // Vietnamese precomposed letters (Ạ … ỹ)
  [0x2000, 0x206f], // general punctuation: – — ‘ ’ “ ” • …
  [0x20ab, 0x20ac], // ₫ €
  [0x2122, 0x2122],
  [0x2190, 0x2193], // arrows
  [0x2212, 0x2212],
  [0x2215, 0x2215],
  [0x2605, 0x2605], // ★ (priority)
  [0x2713, 0x2713], // ✓
  [0xfeff, 0xfeff],
  [0xfffd, 0xfffd],
];

export const FONT_WEIGHTS = [
  { weight: 400, ttf: '400Regular/BeVietnamPro_400Regular.ttf' },
  { weight: 600, ttf: '600SemiBold/BeVietnamPro_600SemiBold.ttf' },
  { weight: 700, ttf: '700Bold/BeVietnamPro_700Bold.ttf' },
  { weight: 800, ttf: '800ExtraBold/BeVietnamPro_800ExtraBold.ttf' },
] as const;

/** OpenType features kept (the rest, e.g. contextual alternates and stylistic sets, go): kerning, marks, tabular digits. */
export const FONT_FEATURES = ['kern', 'liga', 'ccmp', 'locl', 'mark', 'mkmk', 'tnum'];

export const FONT_OUT_DIR = join(ROOT, 'packages', 'ui', 'fonts');

export function fontText(): string {
  let text = '';
  for (const [first, last] of FONT_RANGES) for (let c = first; c <= last; c++) text += String.fromCodePoint(c);
  return text;
}

export async function makeFonts(): Promise<Array<{ file: string; ttfBytes: number; woff2Bytes: number }>> {
  const pkg = dirname(require.resolve('@expo-google-fonts/be-vietnam-pro/package.json'));
  const text = fontText();
  const out = [];
  for (const { weight, ttf } of FONT_WEIGHTS) {
    const source = readFileSync(join(pkg, ttf));
    const woff2 = await subsetFont(source, text, { targetFormat: 'woff2', keepFeatures: FONT_FEATURES });
    const file = join(FONT_OUT_DIR, `be-vietnam-pro-${weight}.woff2`);
    writeFileSync(file, woff2);
    out.push({ file, ttfBytes: source.length, woff2Bytes: woff2.length });
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  makeFonts()
    .then((files) => {
      for (const f of files) process.stdout.write(`${f.file}: ${f.ttfBytes} B TTF -> ${f.woff2Bytes} B WOFF2\n`);
    })
    .catch((e: unknown) => {
      process.stderr.write(`font build failed: ${(e as Error).stack ?? String(e)}\n`);
      process.exit(1);
    });
}
