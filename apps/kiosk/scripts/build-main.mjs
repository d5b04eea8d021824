#!/usr/bin/env node
// Bundles the kiosk's Electron main process and preload into apps/kiosk/dist/ with esbuild:
//   dist/main.cjs     main process (CJS; electron and native printer modules stay external)
//   dist/preload.cjs  preload, ONE self-contained CJS file (a sandboxed preload may only require 'electron')
// Usage: node apps/kiosk/scripts/build-main.mjs [--out <dir>] [--minify]
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const KIOSK_DIR = fileURLToPath(new URL('..', import.meta.url));

/** Loaded from node_modules at run time: Electron itself and native (or native-backed) printer modules. */
export const MAIN_EXTERNALS = ['electron', '@napi-rs/canvas', 'node-thermal-printer'];

// Bundled ESM code (the printer's font lookup) may use import.meta.url; in CJS it is this file's URL.
const IMPORT_META_SHIM = 'const __qmsImportMetaUrl = require("node:url").pathToFileURL(__filename).href;';

/**
 * @param {{ outDir?: string, minify?: boolean, logLevel?: import('esbuild').LogLevel }} [options]
 */
export async function buildKiosk(options = {}) {
  const outDir = resolve(options.outDir ?? resolve(KIOSK_DIR, 'dist'));
  const common = {
    bundle: true,
    format: /** @type {const} */ ('cjs'),
    sourcemap: true,
    minify: options.minify ?? false,
    metafile: true,
    logLevel: options.logLevel ?? 'warning',
    tsconfig: resolve(KIOSK_DIR, 'tsconfig.main.json'),
    absWorkingDir: KIOSK_DIR,
  };
  const mainFile = resolve(outDir, 'main.cjs');
  const preloadFile = resolve(outDir, 'preload.cjs');
  const [main, preload] = await Promise.all([
    build({
      ...common,
      entryPoints: [resolve(KIOSK_DIR, 'src/main/main.ts')],
      outfile: mainFile,
      platform: 'node',
      target: 'node22',
      external: MAIN_EXTERNALS,
      define: { 'import.meta.url': '__qmsImportMetaUrl' },
      banner: { js: IMPORT_META_SHIM },
    }),
    build({
      ...common,
      entryPoints: [resolve(KIOSK_DIR, 'src/preload/preload.ts')],
      outfile: preloadFile,
      platform: 'browser',
      target: 'chrome130',
      external: ['electron'],
    }),
  ]);
  return { outDir, mainFile, preloadFile, mainMeta: main.metafile, preloadMeta: preload.metafile };
}

if (process.argv[1] && realpathSync(resolve(process.argv[1])) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const outDir = outIndex >= 0 ? args[outIndex + 1] : undefined;
  const { mainFile, preloadFile } = await buildKiosk({ outDir, minify: args.includes('--minify'), logLevel: 'info' });
  console.log(`built ${mainFile}\nbuilt ${preloadFile}`);
}
