/**
 * Bundles the bench's child processes (and the load generator's display worker thread) the way
 * production bundles the hub (build/build-hub.ts):
 * esbuild, ESM for node20, @qms/* workspace packages bundled, every npm dependency external,
 * the same createRequire banner. The output goes to test/bench/.out/ (gitignored), inside the
 * repo so the externals (socket.io, better-sqlite3, ...) and `@qms/store/package.json` (the
 * migrations folder) resolve from the repo's node_modules as they do for dist/hub/main.mjs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const OUT_DIR = fileURLToPath(new URL('./.out/', import.meta.url));

/** Every npm dependency of the root and of every workspace package; @qms/* stay bundled. */
function externals(): string[] {
  const manifests = [join(ROOT, 'package.json')];
  for (const group of ['apps', 'packages']) {
    for (const name of readdirSync(join(ROOT, group))) {
      const file = join(ROOT, group, name, 'package.json');
      if (existsSync(file)) manifests.push(file);
    }
  }
  const names = new Set<string>();
  for (const file of manifests) {
    const json = JSON.parse(readFileSync(file, 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
    for (const name of Object.keys({ ...json.dependencies, ...json.devDependencies })) if (!name.startsWith('@qms/')) names.add(name);
  }
  return [...names];
}

export interface Bundles {
  hub: string;
  baseline: string;
  /** The load generator's display worker thread. */
  displays: string;
  ms: number;
}

export async function bundleChildren(): Promise<Bundles> {
  const t0 = performance.now();
  const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
  await build({
    entryPoints: {
      'hub-process': here('./hub-process.ts'),
      'baseline-server': here('./baseline-server.ts'),
      'display-worker': here('./display-worker.ts'),
    },
    outdir: OUT_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: externals(),
    sourcemap: true,
    logLevel: 'warning',
    banner: { js: "import { createRequire as __qmsRequire } from 'node:module'; const require = __qmsRequire(import.meta.url);" },
  });
  const out = (name: string) => join(OUT_DIR, `${name}.mjs`);
  return { hub: out('hub-process'), baseline: out('baseline-server'), displays: out('display-worker'), ms: performance.now() - t0 };
}
