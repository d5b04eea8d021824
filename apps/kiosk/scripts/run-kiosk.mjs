#!/usr/bin/env node
// `npm run kiosk -- --config ./kiosk.json`: runs the kiosk shell in development.
//  1. Electron's binary is not downloaded by `npm install` (allowScripts: electron false), so on
//     the first run this fetches it with electron's own installer (needs network once).
//  2. Bundles main + preload into apps/kiosk/dist/ (scripts/build-main.mjs).
//  3. Starts Electron with dist/main.cjs, passing the arguments through (a relative --config
//     is resolved against the directory `npm run` was started from).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildKiosk } from './build-main.mjs';

const require = createRequire(import.meta.url);

const electronDir = () => dirname(require.resolve('electron/package.json'));

/** True once electron's installer has fetched the binary (it writes node_modules/electron/path.txt). */
export function electronBinaryInstalled() {
  return existsSync(join(electronDir(), 'path.txt'));
}

function ensureElectronBinary() {
  if (electronBinaryInstalled()) return;
  console.log('[kiosk] Electron binary not installed yet: downloading it once (node_modules/electron/install.js)…');
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const result = spawnSync(process.execPath, [join(electronDir(), 'install.js')], { stdio: 'inherit', env });
  if (result.status !== 0 || !electronBinaryInstalled()) {
    console.error('[kiosk] Could not download Electron. Check the network (or ELECTRON_MIRROR) and run again.');
    process.exit(1);
  }
}

/** Makes `--config rel/path` absolute against the caller's directory; other arguments pass unchanged. */
export function passThroughArgs(args, callerDir) {
  const out = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const abs = (p) => (isAbsolute(p) ? p : resolve(callerDir, p));
    if (arg === '--config' && i + 1 < args.length) {
      out.push('--config', abs(args[i + 1]));
      i++;
    } else if (arg.startsWith('--config=')) {
      out.push(`--config=${abs(arg.slice('--config='.length))}`);
    } else {
      out.push(arg);
    }
  }
  return out;
}

async function main() {
  ensureElectronBinary();
  const { mainFile } = await buildKiosk();
  const electronPath = require('electron'); // in plain Node, the package exports the binary's path
  const args = passThroughArgs(process.argv.slice(2), process.env.INIT_CWD ?? process.cwd());
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(electronPath, [mainFile, ...args], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (process.argv[1] && realpathSync(resolve(process.argv[1])) === fileURLToPath(import.meta.url)) await main();
