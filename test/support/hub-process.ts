import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DemoCredentials } from '@qms/hub';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MAIN = join(REPO_ROOT, 'apps', 'hub', 'src', 'main.ts');

export interface HubProcess {
  child: ChildProcess;
  url: string;
  creds: DemoCredentials;
  output(): string;
  /**
   * Resolves with the output once it contains `text` (rejects after `timeoutMs`). The hub's
   * pino logs are written asynchronously, so a log line may arrive after the start banner.
   */
  waitForOutput(text: string, timeoutMs?: number): Promise<string>;
  /** SIGKILL: no shutdown code runs, as in a crash or a power cut. */
  kill9(): Promise<void>;
  stop(): Promise<number | null>;
}

/**
 * Starts the real hub entry point (`npm start`'s code) as its own process on a free port, over a
 * database prepared with `prepareDemoDb`. `bundle`: a bundled main.mjs run with plain node, as
 * production runs dist/hub/main.mjs (no TypeScript loader in memory); default: the sources through tsx.
 */
export async function startHubProcess(
  dbPath: string,
  extraArgs: string[] = [],
  options: { nodeArgs?: string[]; env?: Record<string, string>; ipc?: boolean; bundle?: string } = {},
): Promise<HubProcess> {
  const backupDir = join(dirname(dbPath), 'backups');
  const entry = options.bundle ? [options.bundle] : ['--import', 'tsx', MAIN];
  const args = [...(options.nodeArgs ?? []), ...entry, '--port', '0', '--db', dbPath, '--log-level', 'warn', '--seed', 'none', '--backup-dir', backupDir, ...extraArgs];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...options.env },
    stdio: options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub did not start:\n${out}`)), 30_000);
    const check = (): void => {
      const m = /đang chạy tại (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', check);
    void exited.then(() => reject(new Error(`hub exited during start:\n${out}`)));
  });
  const creds = JSON.parse(readFileSync(`${dbPath}.demo-credentials.json`, 'utf8')) as DemoCredentials;
  return {
    child,
    url,
    creds,
    output: () => out,
    waitForOutput: (text, timeoutMs = 10_000) =>
      new Promise<string>((resolve, reject) => {
        if (out.includes(text)) return resolve(out);
        const onData = (): void => {
          if (!out.includes(text)) return;
          done();
          resolve(out);
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`hub output has no ${JSON.stringify(text)} after ${timeoutMs} ms:\n${out}`));
        }, timeoutMs);
        const done = (): void => {
          clearTimeout(timer);
          child.stdout?.off('data', onData);
          child.stderr?.off('data', onData);
        };
        // registered after the collectors above, so `out` already holds the new chunk
        child.stdout?.on('data', onData);
        child.stderr?.on('data', onData);
      }),
    kill9: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
