/**
 * Hub child processes for the fault suite: the real entry point (startHubProcess, tsx) on a port
 * we pick, so that a restarted hub comes back at the same address and clients reconnect by
 * themselves. Every child is remembered and SIGKILLed by `killAllHubs` (afterAll) and, as a last
 * resort, when the test worker exits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHubProcess, type HubProcess } from '../../support/hub-process';

const live = new Set<HubProcess>();
process.once('exit', () => {
  for (const h of live) h.child.kill('SIGKILL');
});

/** A port that was free a moment ago on 127.0.0.1 (the hub binds it right after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen({ host: '127.0.0.1', port: 0 }, () => {
      const addr = srv.address();
      const port = addr !== null && typeof addr === 'object' ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface StartHubOptions {
  port: number;
  /** More flags after `--always-open --port <port>` (e.g. `--printer tcp://…`). */
  args?: string[];
  /** Environment variables for this child only (e.g. the disk-full hook). */
  env?: Record<string, string>;
}

/**
 * Starts the hub on `dbPath` (prepared by prepareDemoDb) with `--always-open --seed none` on the
 * given port. startHubProcess spawns synchronously before its first await and the child inherits
 * process.env, so `env` is set only around that call. A port still held by the process we just
 * killed is retried a few times.
 */
export async function startHub(dbPath: string, o: StartHubOptions): Promise<HubProcess> {
  let lastError: unknown = null;
  for (let attempt = 1; attempt <= 5; attempt++) {
    const saved = new Map<string, string | undefined>();
    let pending: Promise<HubProcess>;
    try {
      for (const [k, v] of Object.entries(o.env ?? {})) {
        saved.set(k, process.env[k]);
        process.env[k] = v;
      }
      // the crews work far faster than people (three kiosks on one token, 10-40 ms between tickets):
      // the command rate limits are scaled out of their way
      pending = startHubProcess(dbPath, ['--always-open', '--rate-limit-scale', '1000', '--port', String(o.port), ...(o.args ?? [])]);
    } finally {
      for (const [k, v] of saved) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
    try {
      const hub = await pending;
      live.add(hub);
      hub.child.once('exit', () => live.delete(hub));
      return hub;
    } catch (e) {
      lastError = e;
      if (!/EADDRINUSE/.test(String(e))) throw e;
      await sleep(200 * attempt);
    }
  }
  throw lastError;
}

export async function killAllHubs(): Promise<void> {
  await Promise.all([...live].map((h) => h.kill9()));
}

export function tempDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    remove: () => {
      if (process.env.QMS_FAULTS_KEEP === '1') console.log(`kept ${dir}`);
      else rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Health {
  ok: boolean;
  seq: number;
}

/** GET /api/health; null when the hub does not answer 200 within 2 s. */
export async function health(url: string): Promise<Health | null> {
  try {
    const r = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
    if (r.status !== 200) return null;
    return (await r.json()) as Health;
  } catch {
    return null;
  }
}

/** POST /api/login: a session token for `kind: 'session'` sockets (they survive hub restarts). */
export async function login(url: string, username: string, password: string): Promise<string> {
  const r = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await r.json()) as { ok: boolean; data?: { token: string }; error?: { code: string } };
  if (!body.ok || !body.data) throw new Error(`login ${username}: ${r.status} ${body.error?.code ?? ''}`);
  return body.data.token;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Uniform integer in [min, max]. */
export function between(min: number, max: number): number {
  return min + Math.floor(Math.random() * (max - min + 1));
}
