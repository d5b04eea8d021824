/**
 * Builds every browser UI with Vite into dist/web/<app>/, served by the hub at /<app>/, and
 * writes a brotli and a gzip copy next to each compressible file (build/precompress.ts).
 * Run by `npm start` and `npm test` (and by hand: `npm run build:web`).
 */
import { cpSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { precompressDir } from './precompress';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface WebApp {
  name: string;
  /** Folder holding index.html (and any other entry pages). */
  root: string;
  pages: string[];
  /** Folders copied as they are into the app's output (e.g. the display's voice pack). */
  copy?: Array<{ from: string; to: string }>;
}

export const WEB_APPS: WebApp[] = [
  { name: 'kiosk', root: 'apps/kiosk/src/renderer', pages: ['index.html', 'status.html', 'dossier.html'] },
  { name: 'counter', root: 'apps/counter/src', pages: ['index.html', 'rate.html'] },
  { name: 'display', root: 'apps/display/src', pages: ['index.html'], copy: [{ from: 'apps/display/voice', to: 'voice' }] },
  { name: 'admin', root: 'apps/admin/src', pages: ['index.html'] },
];

async function buildApp(app: WebApp): Promise<void> {
  const root = join(ROOT, app.root);
  const input = Object.fromEntries(
    app.pages.filter((p) => existsSync(join(root, p))).map((p) => [p.replace('.html', ''), join(root, p)]),
  );
  await build({
    root,
    base: `/${app.name}/`,
    logLevel: 'warn',
    configFile: false,
    oxc: { jsx: { runtime: 'automatic' } },
    build: {
      outDir: join(ROOT, 'dist', 'web', app.name),
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      chunkSizeWarningLimit: 1500,
      rollupOptions: { input },
    },
  });
  for (const c of app.copy ?? []) {
    const from = join(ROOT, c.from);
    if (existsSync(from)) cpSync(from, join(ROOT, 'dist', 'web', app.name, c.to), { recursive: true });
  }
  precompressDir(join(ROOT, 'dist', 'web', app.name));
}

export async function buildWeb(names?: string[]): Promise<string[]> {
  const apps = WEB_APPS.filter((a) => existsSync(join(ROOT, a.root, 'index.html')))
    .filter((a) => !names || names.length === 0 || names.includes(a.name));
  for (const app of apps) await buildApp(app);
  return apps.map((a) => a.name);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  buildWeb(process.argv.slice(2))
    .then((built) => process.stdout.write(`web UIs built (${built.join(', ')}) in ${Date.now() - started} ms\n`))
    .catch((e: unknown) => {
      process.stderr.write(`web build failed: ${(e as Error).stack ?? String(e)}\n`);
      process.exit(1);
    });
}
