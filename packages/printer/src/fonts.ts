import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { GlobalFonts } from '@napi-rs/canvas';

/** Be Vietnam Pro: designed for Vietnamese, so stacked marks (ệ, ỗ, ữ) sit right. */
const FONT_FILES = {
  medium: '@expo-google-fonts/be-vietnam-pro/500Medium/BeVietnamPro_500Medium.ttf',
  semibold: '@expo-google-fonts/be-vietnam-pro/600SemiBold/BeVietnamPro_600SemiBold.ttf',
  bold: '@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf',
  extrabold: '@expo-google-fonts/be-vietnam-pro/800ExtraBold/BeVietnamPro_800ExtraBold.ttf',
} as const;

export type FontWeight = keyof typeof FONT_FILES;

/** Each weight is registered under its own family name, so no weight matching is left to chance. */
export const fontFamily = (weight: FontWeight): string => `QMS Ticket ${weight}`;

/** CSS font shorthand for a canvas context. */
export const font = (weight: FontWeight, px: number): string => `${px}px "${fontFamily(weight)}"`;

let registered = false;

/**
 * Where a font file really is on disk. In a CommonJS bundle (the kiosk's main.cjs) `import.meta.url`
 * is gone, so the bundle's own `require` resolves; inside a packaged Electron app the resolved path
 * points into app.asar, which Skia cannot read, so the unpacked copy is used (see asarUnpack).
 */
function fontPath(spec: string): string {
  const resolver = typeof require === 'function' ? require : createRequire(import.meta.url);
  const path = resolver.resolve(spec);
  const unpacked = path.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
  return unpacked !== path && existsSync(unpacked) ? unpacked : path;
}

/** Registers the TTF files with the canvas once per process; throws if one is missing. */
export function ensureFonts(): void {
  if (registered) return;
  for (const [weight, spec] of Object.entries(FONT_FILES) as Array<[FontWeight, string]>) {
    const path = fontPath(spec);
    if (!GlobalFonts.registerFromPath(path, fontFamily(weight))) {
      throw new Error(`cannot register font ${path}`);
    }
  }
  registered = true;
}
