/**
 * `npm run bench [-- --quick | --tickets N | --rate N | --serve MIN-MAX | --saturate | --profile]`
 * (or BENCH_TICKETS=N). Bundles the hub child and the bare-server child (bundle.ts) and runs
 * both with plain node. Then: bare SQLite commits; serial calls on the bare server (the
 * reference); the paced rush in A/B rounds, bare server and hub alternately (ab.ts); a quiet
 * serial phase on the hub; with --saturate a closed-loop run on each (throughput, no pass/fail).
 * Prints a table, writes bench-results.json at the repo root, exits 0 even when a target is
 * missed (1 only when the bench could not run).
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { quietPairs, Side } from './ab';
import { bareHub, sampleCallEvent, serialCalls } from './baseline-calls';
import { measureInsertCommit } from './baseline-db';
import type { BaselineReady } from './baseline-server';
import { bundleChildren } from './bundle';
import { Child, heapSamplingRequested } from './child';
import type { HubReady } from './hub-process';
import { DISPLAYS, HubLoad, type LoadShape } from './load';
import { summariseProfile } from './profile-top';
import { buildResults, printResults } from './report';
import type { RushResult } from './rush';
import { sleep } from './stats';

const heapSampling = heapSamplingRequested();

/** Everything but teardown fits in this; the watchdog ends a run that does not. */
const BUDGET_MS = 230_000;
const WATCHDOG_MS = 238_000;
/** Fixed costs outside the paced rounds (bundling, baselines, logins, quiet phase, teardown). */
const OVERHEAD_MS = 30_000;
/** Calls continue after the kiosks of a round stop, until every ticket is called (at most this). */
const DRAIN_MS = 8_000;
const SETTLE_MS = 300;
const RESULTS = fileURLToPath(new URL('../../bench-results.json', import.meta.url));
const started = performance.now();
const elapsed = () => performance.now() - started;

function options() {
  const argv = process.argv.slice(2);
  const value = (name: string) => argv[argv.indexOf(name) + 1];
  const known = new Set(['--quick', '--tickets', '--rate', '--serve', '--saturate', '--profile']);
  argv.forEach((a, i) => {
    if (a.startsWith('--') && !known.has(a)) throw new Error(`unknown flag ${a}`);
    if (!a.startsWith('--') && !['--tickets', '--rate', '--serve'].includes(argv[i - 1] ?? '')) throw new Error(`unexpected argument ${a}`);
  });
  const quick = argv.includes('--quick');
  const tickets = Number(argv.includes('--tickets') ? value('--tickets') : (process.env['BENCH_TICKETS'] ?? (quick ? 1000 : 10_000)));
  if (!Number.isInteger(tickets) || tickets < 1 || tickets > 60_000) throw new Error(`--tickets must be 1..60000, got ${tickets}`);
  const rate = Number(argv.includes('--rate') ? value('--rate') : 150);
  if (!(rate > 0 && rate <= 5000)) throw new Error(`--rate must be a number of tickets/s in (0, 5000], got ${rate}`);
  const serveMatch = /^(\d+)-(\d+)$/.exec(argv.includes('--serve') ? (value('--serve') ?? '') : '100-300');
  const serve: [number, number] = serveMatch ? [Number(serveMatch[1]), Number(serveMatch[2])] : [Number.NaN, Number.NaN];
  if (!serveMatch || serve[0] > serve[1]) throw new Error('--serve must be MIN-MAX in ms, e.g. 100-300');
  const saturate = argv.includes('--saturate');
  const saturateMs = saturate ? (quick ? 4_000 : 10_000) : 0;
  const rounds = quick ? 2 : 4;
  // every round (bare and hub alike) gets the same issuing window: expected time plus slack,
  // shrunk when the whole run would not fit the budget
  const perRound = Math.ceil(tickets / rounds);
  const expectedMs = (perRound / rate) * 1000;
  const room = (BUDGET_MS - OVERHEAD_MS - 2 * saturateMs) / (2 * rounds) - SETTLE_MS - 1_000;
  const issueForMs = Math.min(expectedMs * 1.3 + 2_000, room);
  if (issueForMs < expectedMs) {
    console.warn(`bench: ${tickets} tickets at ${rate}/s do not fit the 4-minute budget; each round stops issuing after ${(issueForMs / 1000).toFixed(1)} s`);
  }
  const paced: LoadShape = { tickets: perRound, ratePerS: rate, jitter: 0.2, serveMs: serve, backoffMs: 50, issueForMs, drainMs: DRAIN_MS };
  const saturation: LoadShape | null = saturate
    ? { tickets: 1_000_000, ratePerS: null, jitter: 0, serveMs: [0, 0], backoffMs: 5, issueForMs: saturateMs, drainMs: 0 }
    : null;
  return {
    quick,
    tickets,
    rounds,
    paced,
    saturation,
    profile: argv.includes('--profile') || process.env['BENCH_PROFILE'] === '1',
    insertCommits: quick ? 500 : 2000,
    baselineCalls: quick ? 500 : 2000,
    quietCalls: quick ? 100 : 300,
  };
}

function log(msg: string): void {
  console.log(`[bench ${(elapsed() / 1000).toFixed(1).padStart(5)} s] ${msg}`);
}

const rushLine = (r: RushResult) =>
  `${r.issued} issued / ${r.called} called in ${(r.durationMs / 1000).toFixed(1)} s` +
  ` (${(r.issued / (r.issuePhaseMs / 1000)).toFixed(0)}/s issued), max waiting ${r.maxWaiting}, load generator ELU ${r.loadGen.elu} (displays ${r.loadGen.displaysElu}, kiosks ${r.loadGen.kiosksElu})`;

async function main(): Promise<void> {
  const opt = options();
  const watchdog = setTimeout(() => {
    console.error(`bench: still running after ${WATCHDOG_MS / 1000} s; giving up`);
    process.exit(1);
  }, WATCHDOG_MS);
  watchdog.unref();
  const p = opt.paced;
  log(
    `${opt.tickets} tickets per server at ${p.ratePerS}/s over 8 kiosks, serve ${p.serveMs.join('-')} ms, ` +
      `${opt.rounds} A/B rounds${opt.quick ? ' (quick)' : ''}${opt.saturation ? ', then saturation' : ''}`,
  );
  const bundles = await bundleChildren();
  log(`bundled the hub child and the bare-server child in ${bundles.ms.toFixed(0)} ms (esbuild, like build/build-hub.ts)`);

  log(`baseline: ${opt.insertCommits} bare insert+commit (WAL, synchronous=FULL)`);
  const insertCommitMs = measureInsertCommit(opt.insertCommits, sampleCallEvent(0));

  const bare = new Child<BaselineReady>(bundles.baseline);
  // experiments only (e.g. BENCH_HUB_NODE_ARGS=--max-semi-space-size=2); the report shows them
  const hubNodeArgs = (process.env['BENCH_HUB_NODE_ARGS'] ?? '').split(/\s+/).filter(Boolean);
  const hub = new Child<HubReady>(bundles.hub, hubNodeArgs);
  let results: Record<string, unknown>;
  let profileFile: string | null = null;
  try {
    const bareReady = await bare.ready();
    log(`baseline: bare Socket.IO + better-sqlite3: ${opt.baselineCalls} serial calls to ${DISPLAYS} displays`);
    const serial = await serialCalls(bare, bareReady.url, opt.baselineCalls, DISPLAYS, bundles.displays);

    log('hub: started (plain node, bundled); connecting 8 kiosks, 30 officers (password login), 50 displays');
    const hubReady = await hub.ready();
    const idle = await hub.usage();
    const hubLoad = await HubLoad.connect(hubReady, bundles);
    const connected = await hub.usage();
    const bareLoad = await HubLoad.connect(bareHub(bareReady.url), bundles);
    log(`connected ${hubLoad.clients} clients to the hub and ${bareLoad.clients} to the bare server`);

    const sides = { bare: new Side('bare', bare as Child<unknown>, bareLoad), hub: new Side('hub', hub as Child<unknown>, hubLoad) };
    sides.bare.start();
    sides.hub.start();
    if (opt.profile) hub.send({ type: 'profile-start' });
    const pairMs = 2 * (p.issueForMs + SETTLE_MS + 1_500);
    for (let i = 0; i < opt.rounds; i++) {
      if (i > 0 && elapsed() + pairMs + OVERHEAD_MS / 2 + 2 * (opt.saturation?.issueForMs ?? 0) > BUDGET_MS) {
        log(`out of time budget: stopping after ${i} of ${opt.rounds} rounds`);
        break;
      }
      for (const side of [sides.bare, sides.hub]) {
        const r = await side.round(p, i + 1);
        const info = side.info[side.info.length - 1];
        log(`round ${i + 1}/${opt.rounds} ${side.name.padEnd(4)}: ${rushLine(r)}; call p99 ${info?.callP99Ms} ms, other CPU on the machine ${info?.otherCpuMs} ms`);
        await sleep(SETTLE_MS);
      }
    }
    const end = await hub.usage();
    const bareEnd = await bare.usage();
    const pairs = quietPairs(sides.bare, sides.hub);
    if (pairs.excluded.length) log(`round pair(s) ${pairs.excluded.map((i) => i + 1).join(', ')} left out of the figures: other processes were busy (see the rounds table)`);
    if (opt.profile) profileFile = await hub.stopProfile(join(tmpdir(), `qms-bench-hub-rush-${Date.now()}.${heapSampling ? 'heapprofile' : 'cpuprofile'}`));

    log(`hub: quiet phase, ${opt.quietCalls} serial issues then calls`);
    const quiet = await hubLoad.quiet(opt.quietCalls);
    let saturation: { bare: RushResult; hub: RushResult } | null = null;
    if (opt.saturation) {
      log('saturation (closed loop): bare server');
      const b = await bareLoad.rush(opt.saturation, 99);
      log(`saturation bare: ${rushLine(b)}`);
      log('saturation (closed loop): hub');
      const h = await hubLoad.rush(opt.saturation, 99);
      log(`saturation hub:  ${rushLine(h)}`);
      saturation = { bare: b, hub: h };
    }
    results = buildResults(
      {
        shape: p,
        ticketsRequested: opt.tickets,
        roundsPlanned: opt.rounds,
        clients: hubLoad.clients,
        insertCommitMs,
        serial,
        bare: { runtime: bareReady.runtime, rush: sides.bare.merged(pairs.used), rounds: sides.bare.info, usage: bareEnd },
        hub: { runtime: hubReady.runtime ?? null, rush: sides.hub.merged(pairs.used), rounds: sides.hub.info, idle, connected, end },
        pairs,
        quiet,
        saturation,
        profiled: opt.profile,
      },
      await hubLoad.seqGaps(),
    );
    await Promise.all([hubLoad.close(), bareLoad.close()]);
  } finally {
    await Promise.all([hub.stop(), bare.stop()]);
  }
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  printResults(results);
  if (profileFile && heapSampling) {
    log(`hub allocation samples of its paced rounds: ${profileFile} (npx tsx test/bench/tools/heap-top.ts FILE COMMANDS [N])`);
  } else if (profileFile) {
    log(`hub CPU profile of its paced rounds: ${profileFile} (npx tsx test/bench/profile-top.ts FILE [N])`);
    console.log(summariseProfile(profileFile, 20));
  }
  log(`done; wrote ${RESULTS}`);
  clearTimeout(watchdog);
}

main().catch((e: unknown) => {
  console.error('bench failed:', e);
  process.exit(1);
});
