import regular from '../fonts/be-vietnam-pro-400.woff2?url';
import semiBold from '../fonts/be-vietnam-pro-600.woff2?url';
import bold from '../fonts/be-vietnam-pro-700.woff2?url';
import extraBold from '../fonts/be-vietnam-pro-800.woff2?url';

export type FontWeight = 400 | 600 | 700 | 800;

const FACES: Record<FontWeight, string> = { 400: regular, 600: semiBold, 700: bold, 800: extraBold };

/**
 * Be Vietnam Pro, shipped with the app (no network, full Vietnamese coverage), registered
 * before first paint so diacritics never fall back to a system font. The faces are WOFF2 subset
 * to Latin + Vietnamese (build/make-fonts.ts), ~26 KB each. A page on mobile data (the ticket
 * status page) may load fewer weights: CSS font matching then draws 600/700 with the nearest
 * heavier face it has.
 */
export async function loadFonts(weights: readonly FontWeight[] = [400, 600, 700, 800]): Promise<void> {
  const faces = weights.map((w) => new FontFace('Be Vietnam Pro', `url(${FACES[w]}) format('woff2')`, { weight: String(w) }));
  await Promise.all(
    faces.map(async (f) => {
      document.fonts.add(await f.load());
    }),
  );
}
