/**
 * How much of a lone issue's latency is the machine being cold: the bench's hub child (bundled,
 * build/hub-runtime.json settings) and ONE kiosk socket, 400 serial `ticket:issue` (the first 50
 * not counted), once back to back and once with `GAP` ms of idle between them (default 20, about
 * the soak's spacing), then the same again with `N` display sockets connected (default 30; 0
 * skips it); then the same lone pattern on the bench's bare server (one insert+commit and one
 * broadcast per issue). Each phase also prints the server's own timings (`exec:ticket:issue`,
 * `tx`, `broadcast`, and `arrive:ticket:issue`: engine.io packet -> submit).
 * `npx tsx test/bench/tools/idle-probe.ts [GAP] [N]`. Not part of `npm run bench`.
 *
 * 2026-12-06 (Firecracker/PVM guest): hub alone back to back p50 1.19 / p99 3.8 ms, with 20 ms
 * gaps 2.56 / 6.8 ms (its `tx` 0.73 -> 1.28 ms); bare server 0.71 / 3.4 and 1.57 / 4.7 ms (`tx`
 * 0.32 -> 0.54 ms). Keeping both vCPUs busy with SCHED_IDLE spinners did not remove the gap
 * penalty (so it is not the vCPU halting), and a plain TCP echo pays only +0.2 ms: what costs is
 * the code and pages a command touches being cold. See test/bench/README.md.
 */
import { PROTOCOL_VERSION, type IssueTicketResult } from '@qms/protocol';
import { bundleChildren } from '../bundle';
import { Child } from '../child';
import { ask, connect, connectMany, type RawSocket } from '../clients';
import type { BaselineReady } from '../baseline-server';
import type { HubReady } from '../hub-process';
import { sleep, summarize } from '../stats';

const GAP_MS = Number(process.argv[2] ?? 20);
const DISPLAYS = Number(process.argv[3] ?? 30);
const ISSUES = 400;
const WARM_UP = 50;

type Server = 'hub' | 'bare';

async function serialIssues(server: Server, child: Child<unknown>, socket: RawSocket, fieldIds: string[], label: string, gapMs: number): Promise<void> {
  const ms: number[] = [];
  child.send({ type: 'mark' });
  child.send({ type: 'resume' });
  for (let i = 0; i < ISSUES; i++) {
    const t0 = performance.now();
    const a = await ask<IssueTicketResult>(socket, 'ticket:issue', { fieldId: fieldIds[i % fieldIds.length], idempotencyKey: `probe-${label.replace(/\W+/g, '_')}-${Date.now()}-${i}` });
    if (!a.ok) throw new Error(`${label}: ${a.error.code} ${a.error.message}`);
    ms.push(performance.now() - t0);
    if (gapMs > 0) await sleep(gapMs);
  }
  child.send({ type: 'pause' });
  // the server's own timings cover every request of the phase (warm-up included)
  const timings = (await child.usage()).timings ?? {};
  console.log(`${server} ${label.padEnd(28)} ${JSON.stringify(summarize(ms.slice(WARM_UP)))}`);
  for (const k of ['arrive:ticket:issue', 'exec:ticket:issue', 'tx', 'broadcast']) {
    const t = timings[k];
    if (t) console.log(`${''.padEnd(4)}${server} ${k.padEnd(24)} p50 ${t.p50} p99 ${t.p99} mean ${t.mean}`);
  }
}

async function main(): Promise<void> {
  const bundles = await bundleChildren();
  const device = (token: string) => ({ protocolVersion: PROTOCOL_VERSION, kind: 'device', token });
  const hubChild = new Child<HubReady>(bundles.hub);
  try {
    const hub = await hubChild.ready();
    const { socket } = await connect(hub.url, device(hub.kioskTokens[0] ?? ''), 'hub:snapshot');
    await serialIssues('hub', hubChild, socket, hub.fieldIds, 'alone, back to back', 0);
    await serialIssues('hub', hubChild, socket, hub.fieldIds, `alone, ${GAP_MS} ms gaps`, GAP_MS);
    if (DISPLAYS > 0) {
      const others = await connectMany(DISPLAYS, () => connect(hub.url, device(hub.displayToken), 'hub:snapshot'));
      await serialIssues('hub', hubChild, socket, hub.fieldIds, `${DISPLAYS} displays, back to back`, 0);
      await serialIssues('hub', hubChild, socket, hub.fieldIds, `${DISPLAYS} displays, ${GAP_MS} ms gaps`, GAP_MS);
      for (const o of others) o.socket.disconnect();
    }
    socket.disconnect();
  } finally {
    await hubChild.stop();
  }
  // the same serial pattern on the bench's bare server (one insert+commit and one broadcast per issue)
  const bareChild = new Child<BaselineReady>(bundles.baseline);
  try {
    const bare = await bareChild.ready();
    const { socket } = await connect(bare.url, undefined, 'hub:snapshot');
    await serialIssues('bare', bareChild, socket, ['f1'], 'alone, back to back', 0);
    await serialIssues('bare', bareChild, socket, ['f1'], `alone, ${GAP_MS} ms gaps`, GAP_MS);
    socket.disconnect();
  } finally {
    await bareChild.stop();
  }
}

main().catch((e: unknown) => {
  console.error('idle-probe failed:', e);
  process.exit(1);
});
