/**
 * `npm run bench [-- --quick | --tickets N | --profile]`: baselines first (bare SQLite commit,
 * bare Socket.IO + SQLite), then the rush against a real hub in a child process.
 * Prints a table, writes bench-results.json at the repo root; exits 0 even when a target is missed.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { measureBaselineCalls, sampleCallEvent } from './baseline-calls';
import { measureInsertCommit } from './baseline-db';
import { Child } from './child';
import type { HubReady } from './hub-process';
import { DISPLAYS, HubLoad } from './load';
import { round, summarize } from './stats';

const WATCHDOG_MS = 175_000;
const RESULTS = fileURLToPath(new URL('../../bench-results.json', import.meta.url));

function options() {
  const argv = process.argv.slice(2);
  const flag = (name: string) => argv.includes(name);
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const quick = flag('--quick');
  const tickets = Number(value('--tickets') ?? process.env['BENCH_TICKETS'] ?? (quick ? 1000 : 10_000));
  if (!Number.isInteger(tickets) || tickets < 1 || tickets > 70_000) throw new Error(`--tickets must be 1..70000, got ${tickets}`);
  return {
    tickets,
    quick,
    profile: flag('--profile') || process.env['BENCH_PROFILE'] === '1',
    baselineCalls: quick ? 500 : 2000,
    insertCommits: quick ? 500 : 2000,
    quietCalls: quick ? 100 : 300,
    rushDeadlineMs: quick ? 40_000 : 110_000,
  };
}

async function main(): Promise<void> {
  const opt = options();
  const watchdog = setTimeout(() => {
    console.error(`bench: still running after ${WATCHDOG_MS / 1000} s; giving up`);
    process.exit(1);
  }, WATCHDOG_MS);
  watchdog.unref();
  const t0 = performance.now();
  log(`tickets=${opt.tickets}${opt.quick ? ' (quick)' : ''}`);

  log(`baseline: ${opt.insertCommits} bare insert+commit (WAL, synchronous=FULL)`);
  const insertCommit = summarize(measureInsertCommit(opt.insertCommits, sampleCallEvent(0)));

  log(`baseline: bare Socket.IO + better-sqlite3, ${opt.baselineCalls} calls to ${DISPLAYS} displays`);
  const base = await measureBaselineCalls(opt.baselineCalls, DISPLAYS);
  const baseCall = summarize(base.callToLastDisplayMs);

  log('hub: starting child process and connecting clients');
  const profileDir = opt.profile ? tmpdir() : null;
  const hub = new Child<HubReady>('./hub-process.ts', profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []);
  let result: Record<string, unknown>;
  try {
    const ready = await hub.ready();
    const load = await HubLoad.connect(ready);
    log(`hub: ${load.clients} clients connected; rush of ${opt.tickets} tickets`);
    hub.send({ type: 'mark' });
    const benchCpu = process.cpuUsage();
    const benchElu = performance.eventLoopUtilization();
    const rush = await load.rush(opt.tickets, opt.rushDeadlineMs);
    const loadGen = { cpuMs: round((sum(process.cpuUsage(benchCpu)) / 1000), 0), elu: round(performance.eventLoopUtilization(benchElu).utilization) };
    const usage = await hub.usage();
    log(`hub: quiet phase, ${opt.quietCalls} serial calls`);
    const quiet = await load.quiet(opt.quietCalls);
    const clients = load.clients;
    load.close();

    const issue = summarize(rush.issueMs);
    const call = summarize(rush.callToLastDisplayMs);
    const callAck = summarize(rush.callAckMs);
    const quietCall = summarize(quiet.callToLastDisplayMs);
    const quietIssue = summarize(quiet.issueMs);
    const ratio = round(call.p99 / baseCall.p99, 2);
    const targets = {
      call_p99_ratio: { limit: 1.5, value: ratio, pass: ratio <= 1.5 },
      issue_p99_ms: { limit: 5, value: issue.p99, pass: issue.p99 <= 5 },
      hub_rss_mb: { limit: 100, value: round(usage.rssMb, 1), pass: usage.rssMb <= 100 },
    };
    result = {
      at: new Date().toISOString(),
      tickets: rush.issued,
      tickets_requested: opt.tickets,
      tickets_called: rush.called,
      truncated: rush.truncated,
      clients_connected: clients,
      issue_p50_ms: issue.p50,
      issue_p99_ms: issue.p99,
      call_to_last_display_p50_ms: call.p50,
      call_to_last_display_p99_ms: call.p99,
      call_ack_p50_ms: callAck.p50,
      call_ack_p99_ms: callAck.p99,
      baseline_call_p50_ms: baseCall.p50,
      baseline_call_p99_ms: baseCall.p99,
      call_p99_ratio: ratio,
      baseline_insert_commit_p50_ms: insertCommit.p50,
      baseline_insert_commit_p99_ms: insertCommit.p99,
      tickets_per_s: round(rush.called / (rush.durationMs / 1000), 1),
      issue_per_s: round(rush.issued / (rush.issuePhaseMs / 1000), 1),
      hub_rss_mb: round(usage.rssMb, 1),
      hub_heap_used_mb: round(usage.heapUsedMb, 1),
      quiet_issue_p50_ms: quietIssue.p50,
      quiet_issue_p99_ms: quietIssue.p99,
      quiet_call_to_last_display_p50_ms: quietCall.p50,
      quiet_call_to_last_display_p99_ms: quietCall.p99,
      quiet_call_p99_ratio: round(quietCall.p99 / baseCall.p99, 2),
      rush: {
        duration_s: round(rush.durationMs / 1000, 1),
        issue_phase_s: round(rush.issuePhaseMs / 1000, 1),
        max_waiting: rush.maxWaiting,
        null_calls: rush.nullCalls,
        undelivered_calls: rush.undelivered + quiet.undelivered,
        display_seq_gaps: load.seqGaps,
        errors: rush.errors,
        latency: { issue, call_to_last_display: call, call_ack: callAck },
        hub_cpu_ms: round(usage.cpuMs, 0),
        hub_event_loop_utilisation: round(usage.elu),
        hub_timings_ms: usage.timings,
        load_generator: loadGen,
      },
      baseline: { insert_commit: insertCommit, call_to_last_display: baseCall, lost: base.lost, server_cpu_ms: round(base.serverCpuMs, 0) },
      targets,
      all_targets_met: Object.values(targets).every((t) => t.pass),
    };
  } finally {
    await hub.stop();
  }
  if (profileDir) log(`hub CPU profile written to ${profileDir}/CPU.*.cpuprofile (summarise: npx tsx test/bench/profile-top.ts <file>)`);
  writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
  print(result);
  log(`done in ${round((performance.now() - t0) / 1000, 1)} s; wrote ${RESULTS}`);
  clearTimeout(watchdog);
}

function sum(c: NodeJS.CpuUsage): number {
  return c.user + c.system;
}

function log(msg: string): void {
  console.log(`[bench] ${msg}`);
}

function print(r: Record<string, unknown>): void {
  const rows: Array<[string, string]> = [];
  const keys = [
    'tickets', 'clients_connected', 'tickets_per_s', 'issue_per_s', 'issue_p50_ms', 'issue_p99_ms',
    'call_ack_p50_ms', 'call_ack_p99_ms', 'call_to_last_display_p50_ms', 'call_to_last_display_p99_ms',
    'baseline_call_p50_ms', 'baseline_call_p99_ms', 'call_p99_ratio', 'quiet_call_to_last_display_p50_ms',
    'quiet_call_to_last_display_p99_ms', 'quiet_call_p99_ratio', 'quiet_issue_p50_ms', 'quiet_issue_p99_ms',
    'baseline_insert_commit_p50_ms', 'baseline_insert_commit_p99_ms', 'hub_rss_mb', 'hub_heap_used_mb',
  ];
  for (const k of keys) rows.push([k, String(r[k])]);
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log('');
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
  const rush = r['rush'] as Record<string, unknown>;
  console.log(`\n  rush: ${JSON.stringify({ ...rush, latency: undefined, hub_timings_ms: undefined })}`);
  console.log(`  hub timings (ms, inside the hub process):`);
  for (const [k, s] of Object.entries((rush['hub_timings_ms'] ?? {}) as Record<string, { n: number; p50: number; p99: number; mean: number }>)) {
    console.log(`    ${k.padEnd(26)} n=${String(s.n).padStart(6)}  p50=${s.p50}  p99=${s.p99}  mean=${s.mean}`);
  }
  console.log('\n  targets:');
  const targets = r['targets'] as Record<string, { limit: number; value: number; pass: boolean }>;
  for (const [k, t] of Object.entries(targets)) {
    console.log(`    ${t.pass ? 'PASS' : 'FAIL'}  ${k} = ${t.value} (target <= ${t.limit})`);
  }
  const failed = Object.entries(targets).filter(([, t]) => !t.pass).map(([k]) => k);
  console.log(failed.length ? `\n  TARGETS MISSED: ${failed.join(', ')}\n` : '\n  all targets met\n');
}

main().catch((e: unknown) => {
  console.error('bench failed:', e);
  process.exitCode = 1;
});
