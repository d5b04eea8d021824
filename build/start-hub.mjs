#!/usr/bin/env node
/**
 * Production start of the hub (npm start): runs dist/hub/main.mjs with the process settings of
 * build/hub-runtime.json, which must be in place before the process starts (glibc reads its
 * malloc tuning at start-up), passes signals on and exits with the hub's exit code.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runtime = JSON.parse(readFileSync(join(root, 'build', 'hub-runtime.json'), 'utf8'));
const child = spawn(process.execPath, [...runtime.nodeArgs, join(root, 'dist', 'hub', 'main.mjs'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...runtime.env, ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
