/**
 * Bundles the soak's hub child and the bench's display and kiosk workers with the options production bundles
 * the hub with (`hubBundleOptions` of build/build-hub.ts, as test/bench/bundle.ts does).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { hubBundleOptions } from '../../build/build-hub';

/**
 * The bundles go next to this file as .out-*.mjs, their shared chunks to .out-chunks/ (all
 * gitignored), inside the repo so the externals resolve from its node_modules.
 */
const OUT_DIR = fileURLToPath(new URL('./', import.meta.url));

export async function bundleSoak(): Promise<{ hub: string; displays: string; kiosks: string; ms: number }> {
  const t0 = performance.now();
  await build({
    ...hubBundleOptions(OUT_DIR),
    entryPoints: {
      'hub-process': fileURLToPath(new URL('./hub-process.ts', import.meta.url)),
      'display-worker': fileURLToPath(new URL('../bench/display-worker.ts', import.meta.url)),
      'kiosk-worker': fileURLToPath(new URL('../bench/kiosk-worker.ts', import.meta.url)),
    },
    entryNames: '.out-[name]',
    chunkNames: '.out-chunks/[name]-[hash]',
  });
  return { hub: join(OUT_DIR, '.out-hub-process.mjs'), displays: join(OUT_DIR, '.out-display-worker.mjs'), kiosks: join(OUT_DIR, '.out-kiosk-worker.mjs'), ms: performance.now() - t0 };
}
