/**
 * Bundles the bench's child processes (and the load generator's display worker thread) with the
 * options production bundles the hub with (`hubBundleOptions` of build/build-hub.ts: esbuild, ESM
 * for node20, code splitting, @qms/* workspace packages bundled, every npm dependency external,
 * the same createRequire banner). The output goes to test/bench/.out/ (gitignored), inside the
 * repo so the externals (socket.io, better-sqlite3, ...) and `@qms/store/package.json` (the
 * migrations folder) resolve from the repo's node_modules as they do for dist/hub/main.mjs.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { hubBundleOptions } from '../../build/build-hub';

export const OUT_DIR = fileURLToPath(new URL('./.out/', import.meta.url));

export interface Bundles {
  hub: string;
  baseline: string;
  /** The load generator's display worker thread. */
  displays: string;
  /** The load generator's kiosk worker thread. */
  kiosks: string;
  ms: number;
}

export async function bundleChildren(): Promise<Bundles> {
  const t0 = performance.now();
  const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
  await build({
    ...hubBundleOptions(OUT_DIR),
    entryPoints: {
      'hub-process': here('./hub-process.ts'),
      'baseline-server': here('./baseline-server.ts'),
      'display-worker': here('./display-worker.ts'),
      'kiosk-worker': here('./kiosk-worker.ts'),
    },
  });
  const out = (name: string) => join(OUT_DIR, `${name}.mjs`);
  return { hub: out('hub-process'), baseline: out('baseline-server'), displays: out('display-worker'), kiosks: out('kiosk-worker'), ms: performance.now() - t0 };
}
