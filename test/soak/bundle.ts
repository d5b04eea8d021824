/**
 * Bundles the soak's hub child and the bench's display worker the way build/build-hub.ts and
 * test/bench/bundle.ts do (esbuild, ESM for node20, @qms/* bundled, every npm dependency
 * external, the same createRequire banner) into test/soak/.out-*.mjs (gitignored), inside the repo
 * so the externals resolve from the repo's node_modules as they do for dist/hub/main.mjs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/**
 * The bundles go next to this file as .out-*.mjs (gitignored), not in a subfolder: the bundled
 * test/bench/child.ts reads build/hub-runtime.json at `../../build/` from its own module URL.
 */
const OUT_DIR = fileURLToPath(new URL('./', import.meta.url));

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

export async function bundleSoak(): Promise<{ hub: string; displays: string; ms: number }> {
  const t0 = performance.now();
  await build({
    entryPoints: {
      'hub-process': fileURLToPath(new URL('./hub-process.ts', import.meta.url)),
      'display-worker': fileURLToPath(new URL('../bench/display-worker.ts', import.meta.url)),
    },
    outdir: OUT_DIR,
    outExtension: { '.js': '.mjs' },
    entryNames: '.out-[name]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: externals(),
    sourcemap: true,
    logLevel: 'warning',
    banner: { js: "import { createRequire as __qmsRequire } from 'node:module'; const require = __qmsRequire(import.meta.url);" },
  });
  return { hub: join(OUT_DIR, '.out-hub-process.mjs'), displays: join(OUT_DIR, '.out-display-worker.mjs'), ms: performance.now() - t0 };
}
