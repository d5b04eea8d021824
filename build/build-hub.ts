/**
 * Bundles the hub (and the workspace packages it uses) into dist/hub/main.mjs for production:
 * plain `node`, no TypeScript loader in memory. npm dependencies stay external.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Every npm dependency of the root and of every workspace package; the @qms/* packages are bundled. */
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

/**
 * How the hub is bundled; the bench and the soak bundle their hub children with exactly these
 * settings, so they run what production runs (in particular code splitting: the printer, with
 * its canvas, and the XLSX reader load only when first used, not at start-up).
 * `outdir` must lie inside the repo, so the externals resolve from its node_modules.
 */
export function hubBundleOptions(outdir: string): BuildOptions & { outdir: string } {
  return {
    outdir,
    outExtension: { '.js': '.mjs' },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: externals(),
    sourcemap: true,
    logLevel: 'warning',
    banner: { js: "import { createRequire as __qmsRequire } from 'node:module'; const require = __qmsRequire(import.meta.url);" },
  };
}

export async function buildHub(): Promise<void> {
  // chunk names carry content hashes: start from an empty folder so no stale chunk stays behind
  rmSync(join(ROOT, 'dist/hub'), { recursive: true, force: true });
  await build({
    ...hubBundleOptions(join(ROOT, 'dist/hub')),
    entryPoints: { main: join(ROOT, 'apps/hub/src/main.ts'), restore: join(ROOT, 'apps/hub/src/restore.ts') },
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  buildHub()
    .then(() => process.stdout.write(`hub bundled in ${Date.now() - started} ms\n`))
    .catch((e: unknown) => {
      process.stderr.write(`hub build failed: ${(e as Error).stack ?? String(e)}\n`);
      process.exit(1);
    });
}
