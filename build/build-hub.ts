/**
 * Bundles the hub (and the workspace packages it uses) into dist/hub/main.mjs for production:
 * plain `node`, no TypeScript loader in memory. npm dependencies stay external.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function externals(): string[] {
  const names = new Set<string>();
  for (const pkg of ['package.json', 'apps/hub/package.json', 'packages/store/package.json', 'packages/printer/package.json', 'packages/protocol/package.json']) {
    const json = JSON.parse(readFileSync(join(ROOT, pkg), 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
    for (const name of Object.keys({ ...json.dependencies, ...json.devDependencies })) if (!name.startsWith('@qms/')) names.add(name);
  }
  return [...names];
}

export async function buildHub(): Promise<void> {
  await build({
    entryPoints: { main: join(ROOT, 'apps/hub/src/main.ts'), restore: join(ROOT, 'apps/hub/src/restore.ts') },
    outdir: join(ROOT, 'dist/hub'),
    outExtension: { '.js': '.mjs' },
    // the printer (canvas) and the XLSX reader load only when first used
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
