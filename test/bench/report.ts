/** Turns the measurements into bench-results.json and the printed table. */
import { NOISE_CORES, type RoundInfo } from './ab';
import type { SerialResult } from './baseline-calls';
import type { ChildUsage, Runtime } from './child';
import type { LoadShape, QuietResult, RushResult } from './load';
import { CORES } from './machine';
import { round, summarize, type Summary } from './stats';

export interface Measurements {
  /** One round's shape (tickets per round). */
  shape: LoadShape;
  ticketsRequested: number;
  roundsPlanned: number;
  clients: number;
  insertCommitMs: number[];
  serial: SerialResult;
  bare: { runtime: Runtime; rush: RushResult; rounds: RoundInfo[]; usage: ChildUsage };
  hub: { runtime: Runtime | null; rush: RushResult; rounds: RoundInfo[]; idle: ChildUsage; connected: ChildUsage; end: ChildUsage };
  quiet: QuietResult;
  saturation: { bare: RushResult; hub: RushResult } | null;
  /** A/B pairs (0-based) the rush figures are made of, and those left out as noisy (ab.ts quietPairs). */
  pairs: { used: number[]; excluded: number[] };
  profiled: boolean;
}

interface Target {
  limit: number;
  value: number;
  pass: boolean;
  what: string;
}

const perSecond = (n: number, ms: number) => round(n / (ms / 1000), 1);
const ratio = (a: number, b: number) => round(a / b, 2);
const mb = (x: number) => round(x, 1);

const rushDetail = (r: RushResult) => ({
  duration_s: round(r.durationMs / 1000, 1),
  issue_phase_s: round(r.issuePhaseMs / 1000, 1),
  offered_per_s: r.offeredPerS,
  issued: r.issued,
  issued_per_s: perSecond(r.issued, r.issuePhaseMs),
  called: r.called,
  called_per_s: perSecond(r.called, r.durationMs),
  late_kiosk_sends: r.lateSends,
  max_kiosk_lag_ms: round(r.maxLagMs, 1),
  max_waiting: r.maxWaiting,
  mean_waiting_at_issue: round(r.meanWaiting, 1),
  null_calls: r.nullCalls,
  undelivered_calls: r.undelivered,
  errors: r.errors,
  truncated: r.truncated,
  load_generator: r.loadGen,
  latency_ms: {
    issue: summarize(r.issueMs),
    call_ack: summarize(r.callAckMs),
    call_to_last_display: summarize(r.callToLastDisplayMs),
  },
});

/** Closed loop: what each server sustained (commands = issues + calls acknowledged per second). */
const saturationDetail = (r: RushResult) => ({
  seconds: round(r.durationMs / 1000, 1),
  issued_per_s: perSecond(r.issued, r.issuePhaseMs),
  called_per_s: perSecond(r.called, r.durationMs),
  commands_per_s: perSecond(r.issueMs.length + r.callAckMs.length, r.durationMs),
  issue_p99_ms: summarize(r.issueMs).p99,
  call_to_last_display_p99_ms: summarize(r.callToLastDisplayMs).p99,
  errors: r.errors,
  undelivered_calls: r.undelivered,
});

const usageDetail = (u: ChildUsage) => ({
  rss_mb: mb(u.rssMb),
  rss_anon_mb: mb(u.memory.rssAnonMb),
  rss_file_mb: mb(u.memory.rssFileMb),
  heap_used_mb: mb(u.heapUsedMb),
  heap_total_mb: mb(u.heapTotalMb),
  external_mb: mb(u.externalMb),
  array_buffers_mb: mb(u.memory.arrayBuffersMb),
  v8_malloced_mb: mb(u.memory.v8MallocedMb),
  v8_code_and_metadata_mb: mb(u.memory.v8CodeAndMetadataMb),
});

/** Server CPU per acknowledged command over the rounds used. */
const cpuPerCommand = (rounds: RoundInfo[], used: number[]) => {
  const pick = used.map((i) => rounds[i]).filter((r): r is RoundInfo => r !== undefined);
  const commands = pick.reduce((t, r) => t + r.commands, 0);
  return commands ? round(pick.reduce((t, r) => t + r.serverCpuMs, 0) / commands, 2) : null;
};

/** Share of one core that other processes used during a side's rounds. */
const otherCpuShare = (rounds: RoundInfo[]) => {
  const ms = rounds.reduce((t, r) => t + r.otherCpuMs, 0);
  const wall = rounds.reduce((t, r) => t + r.seconds * 1000, 0);
  return wall ? round(ms / wall, 2) : null;
};

/** Median over the A/B pairs of (hub round call p99 / bare round call p99): less sensitive to one noisy round. */
const roundRatioMedian = (hub: RoundInfo[], bare: RoundInfo[], used: number[]) => {
  const ratios = used.flatMap((i) => (hub[i] && bare[i] ? [hub[i].callP99Ms / bare[i].callP99Ms] : [])).sort((a, b) => a - b);
  if (ratios.length === 0) return null;
  const mid = ratios.length / 2;
  return round(ratios.length % 2 ? (ratios[Math.floor(mid)] ?? Number.NaN) : ((ratios[mid - 1] ?? 0) + (ratios[mid] ?? 0)) / 2, 2);
};

export function buildResults(m: Measurements, seqGaps: number): Record<string, unknown> {
  const rush = m.hub.rush;
  const br = m.bare.rush;
  const issue = summarize(rush.issueMs);
  const call = summarize(rush.callToLastDisplayMs);
  const callAck = summarize(rush.callAckMs);
  const brIssue = summarize(br.issueMs);
  const brCall = summarize(br.callToLastDisplayMs);
  const brCallAck = summarize(br.callAckMs);
  const serial: Summary = summarize(m.serial.callToLastDisplayMs);
  const insert = summarize(m.insertCommitMs);
  const quietCall = summarize(m.quiet.callToLastDisplayMs);
  const quietIssue = summarize(m.quiet.issueMs);
  const end = m.hub.end;
  const targets: Record<string, Target> = {
    call_p99_ratio: {
      limit: 1.5,
      value: ratio(call.p99, brCall.p99),
      pass: call.p99 / brCall.p99 <= 1.5,
      what: 'hub call_to_last_display_p99_ms / rush_baseline_call_to_last_display_p99_ms (bare server), same paced rush',
    },
    issue_p99_ms: { limit: 5, value: issue.p99, pass: issue.p99 <= 5, what: 'hub ticket:issue emit -> ack p99 in the paced rush' },
    hub_rss_mb: { limit: 100, value: mb(end.rssMb), pass: end.rssMb <= 100, what: `hub RSS at the end of the paced rush, ${m.clients} clients connected` },
  };
  return {
    at: new Date().toISOString(),
    tickets: rush.issued,
    tickets_requested: m.ticketsRequested,
    truncated: rush.truncated || br.truncated || m.hub.rounds.length < m.roundsPlanned,
    rounds_used: m.pairs.used.length,
    rounds_left_out_as_noisy: m.pairs.excluded.length,
    clients_connected: m.clients,
    offered_rate_per_s: m.shape.ratePerS,
    issue_rate_per_s: perSecond(rush.issued, rush.issuePhaseMs),
    call_rate_per_s: perSecond(rush.called, rush.durationMs),
    issue_p50_ms: issue.p50,
    issue_p99_ms: issue.p99,
    call_ack_p50_ms: callAck.p50,
    call_ack_p99_ms: callAck.p99,
    call_to_last_display_p50_ms: call.p50,
    call_to_last_display_p99_ms: call.p99,
    rush_baseline_issue_rate_per_s: perSecond(br.issued, br.issuePhaseMs),
    rush_baseline_issue_p50_ms: brIssue.p50,
    rush_baseline_issue_p99_ms: brIssue.p99,
    rush_baseline_call_ack_p99_ms: brCallAck.p99,
    rush_baseline_call_to_last_display_p50_ms: brCall.p50,
    rush_baseline_call_to_last_display_p99_ms: brCall.p99,
    call_p99_ratio: ratio(call.p99, brCall.p99),
    call_p99_ratio_round_median: roundRatioMedian(m.hub.rounds, m.bare.rounds, m.pairs.used),
    baseline_call_p50_ms: serial.p50,
    baseline_call_p99_ms: serial.p99,
    call_p99_ratio_vs_serial_baseline: ratio(call.p99, serial.p99),
    quiet_issue_p50_ms: quietIssue.p50,
    quiet_issue_p99_ms: quietIssue.p99,
    quiet_call_to_last_display_p50_ms: quietCall.p50,
    quiet_call_to_last_display_p99_ms: quietCall.p99,
    quiet_call_p99_ratio_vs_serial_baseline: ratio(quietCall.p99, serial.p99),
    baseline_insert_commit_p50_ms: insert.p50,
    baseline_insert_commit_p99_ms: insert.p99,
    hub_rss_mb: mb(end.rssMb),
    hub_rss_mb_idle: mb(m.hub.idle.rssMb),
    hub_rss_mb_after_connect: mb(m.hub.connected.rssMb),
    hub_rss_anon_mb: mb(end.memory.rssAnonMb),
    hub_rss_file_mb: mb(end.memory.rssFileMb),
    hub_heap_used_mb: mb(end.heapUsedMb),
    hub_heap_total_mb: mb(end.heapTotalMb),
    hub_external_mb: mb(end.externalMb),
    rush_baseline_server_rss_mb: mb(m.bare.usage.rssMb),
    hub_cpu_ms_per_command: cpuPerCommand(m.hub.rounds, m.pairs.used),
    rush_baseline_cpu_ms_per_command: cpuPerCommand(m.bare.rounds, m.pairs.used),
    hub_event_loop_utilisation: round(end.elu),
    rush_baseline_event_loop_utilisation: round(m.bare.usage.elu),
    other_cpu_share_hub_rounds: otherCpuShare(m.hub.rounds),
    other_cpu_share_bare_rounds: otherCpuShare(m.bare.rounds),
    saturation_hub_commands_per_s: m.saturation ? saturationDetail(m.saturation.hub).commands_per_s : null,
    saturation_baseline_commands_per_s: m.saturation ? saturationDetail(m.saturation.bare).commands_per_s : null,
    config: {
      ...m.shape,
      tickets_per_round: m.shape.tickets,
      rounds_planned: m.roundsPlanned,
      rounds_run: m.hub.rounds.length,
      rounds_used: m.pairs.used.map((i) => i + 1),
      rounds_left_out_as_noisy: m.pairs.excluded.map((i) => i + 1),
      noise_limit_cores: NOISE_CORES,
      kiosks: 8,
      counters: m.clients - 58,
      displays: 50,
      cores: CORES,
      profiled: m.profiled,
    },
    hub: {
      runtime: m.hub.runtime,
      cpu_ms_during_rush: round(end.cpuMs, 0),
      event_loop_utilisation_during_rush: round(end.elu),
      timings_ms: end.timings,
      display_seq_gaps: seqGaps,
      quiet_undelivered_calls: m.quiet.undelivered,
      rounds: m.hub.rounds,
      memory: { idle: usageDetail(m.hub.idle), after_connect: usageDetail(m.hub.connected), end_of_rush: usageDetail(end) },
    },
    rush: rushDetail(rush),
    baseline: {
      runtime: m.bare.runtime,
      insert_commit_ms: insert,
      serial_call_to_last_display_ms: serial,
      serial_lost: m.serial.lost,
      rush: rushDetail(br),
      rounds: m.bare.rounds,
      rush_server: {
        timings_ms: m.bare.usage.timings,
        cpu_ms: round(m.bare.usage.cpuMs, 0),
        event_loop_utilisation: round(m.bare.usage.elu),
        memory: usageDetail(m.bare.usage),
      },
    },
    saturation: m.saturation ? { hub: saturationDetail(m.saturation.hub), baseline: saturationDetail(m.saturation.bare) } : null,
    targets,
    all_targets_met: Object.values(targets).every((t) => t.pass),
    /** False when every A/B pair ran while other processes were busy: the latency targets then say little. */
    latency_figures_reliable: m.pairs.used.every((i) => (m.hub.rounds[i]?.otherCores ?? 1) <= NOISE_CORES && (m.bare.rounds[i]?.otherCores ?? 1) <= NOISE_CORES),
  };
}

const TABLE: Array<[string, string]> = [
  ['tickets', 'tickets issued in the hub paced rush (rounds used)'],
  ['rounds_used', 'A/B round pairs the figures are made of'],
  ['rounds_left_out_as_noisy', 'pairs left out: other processes were busy'],
  ['clients_connected', 'kiosks + counters (real logins) + displays'],
  ['offered_rate_per_s', 'planned arrivals, all kiosks together'],
  ['issue_rate_per_s', 'hub: tickets issued / issue phase'],
  ['call_rate_per_s', 'hub: tickets called / rush time'],
  ['issue_p50_ms', 'hub rush: ticket:issue emit -> ack'],
  ['issue_p99_ms', ''],
  ['call_ack_p50_ms', 'hub rush: counter:callNext emit -> ack'],
  ['call_ack_p99_ms', ''],
  ['call_to_last_display_p50_ms', 'hub rush: callNext emit -> last of 50 displays'],
  ['call_to_last_display_p99_ms', ''],
  ['rush_baseline_issue_rate_per_s', 'bare server under the same paced rush'],
  ['rush_baseline_issue_p50_ms', ''],
  ['rush_baseline_issue_p99_ms', ''],
  ['rush_baseline_call_ack_p99_ms', ''],
  ['rush_baseline_call_to_last_display_p50_ms', ''],
  ['rush_baseline_call_to_last_display_p99_ms', ''],
  ['call_p99_ratio', 'TARGET: hub rush call p99 / bare rush call p99'],
  ['call_p99_ratio_round_median', 'info: median of the per-round ratios'],
  ['baseline_call_p50_ms', 'bare server, serial calls to 50 displays'],
  ['baseline_call_p99_ms', ''],
  ['call_p99_ratio_vs_serial_baseline', 'info: hub rush call p99 / serial baseline p99'],
  ['quiet_issue_p50_ms', 'hub, one kiosk, serial, after the rush'],
  ['quiet_issue_p99_ms', ''],
  ['quiet_call_to_last_display_p50_ms', 'hub, one counter, serial (like the baseline)'],
  ['quiet_call_to_last_display_p99_ms', ''],
  ['quiet_call_p99_ratio_vs_serial_baseline', ''],
  ['baseline_insert_commit_p50_ms', 'bare better-sqlite3 insert+commit, FULL sync'],
  ['baseline_insert_commit_p99_ms', ''],
  ['hub_rss_mb', 'hub RSS at the end of the rush, clients connected'],
  ['hub_rss_mb_idle', 'after seeding, before any client'],
  ['hub_rss_mb_after_connect', ''],
  ['hub_rss_anon_mb', 'end of rush: anonymous / file-backed RSS'],
  ['hub_rss_file_mb', ''],
  ['hub_heap_used_mb', 'end of rush: V8 heap used / total, external'],
  ['hub_heap_total_mb', ''],
  ['hub_external_mb', ''],
  ['rush_baseline_server_rss_mb', 'bare server RSS at the end of its rush'],
  ['hub_cpu_ms_per_command', 'server CPU per command (issue or call), rounds used'],
  ['rush_baseline_cpu_ms_per_command', ''],
  ['hub_event_loop_utilisation', 'server event loop busy share, all rounds'],
  ['rush_baseline_event_loop_utilisation', ''],
  ['other_cpu_share_hub_rounds', 'cores used by OTHER processes, all rounds (noise)'],
  ['other_cpu_share_bare_rounds', ''],
  ['saturation_hub_commands_per_s', '--saturate: closed loop, acks/s (info)'],
  ['saturation_baseline_commands_per_s', ''],
];

export function printResults(r: Record<string, unknown>): void {
  const w = Math.max(...TABLE.map(([k]) => k.length));
  const show = (v: unknown) => (v === null || v === undefined ? '-' : String(v));
  console.log('');
  for (const [k, note] of TABLE) console.log(`  ${k.padEnd(w)}  ${show(r[k]).padStart(9)}  ${note}`);
  const hub = r['hub'] as { runtime: Runtime | null; timings_ms?: Record<string, Summary>; display_seq_gaps: number; rounds: RoundInfo[] };
  const rush = r['rush'] as ReturnType<typeof rushDetail>;
  const base = r['baseline'] as { rush: ReturnType<typeof rushDetail>; runtime: Runtime; rounds: RoundInfo[] };
  const rt = (x: Runtime | null) =>
    x
      ? `node ${x.node} ${x.script.replace(/^.*\/test\//, 'test/')} execArgv=[${x.execArgv.join(' ')}] UV_THREADPOOL_SIZE=${x.uvThreadpoolSize}` +
        Object.entries(x.mallocEnv ?? {}).map(([k, v]) => ` ${k}=${v}`).join('') +
        `; helper threads: ${x.helperThreads ?? '?'}` +
        (x.experiment ? `; EXPERIMENT: ${x.experiment}` : '')
      : '?';
  console.log(`\n  hub child:  ${rt(hub.runtime)}`);
  console.log(`  bare child: ${rt(base.runtime)}`);
  const lg = (x: typeof rush) => `${x.load_generator.elu} (display worker ${x.load_generator.displaysElu}, kiosk worker ${x.load_generator.kiosksElu})`;
  console.log(`  load generator ELU during the rush: hub rounds ${lg(rush)}, bare rounds ${lg(base.rush)}`);
  console.log(`  hub rush: max waiting ${rush.max_waiting}, null calls ${rush.null_calls}, late kiosk sends ${rush.late_kiosk_sends} (max lag ${rush.max_kiosk_lag_ms} ms); bare: max waiting ${base.rush.max_waiting}, late sends ${base.rush.late_kiosk_sends}`);
  const used = (r['config'] as { rounds_used: number[] }).rounds_used;
  console.log('  rounds (call p99 ms / server CPU ms / cores used by other processes):');
  hub.rounds.forEach((h, i) => {
    const b = base.rounds[i];
    const mark = used.includes(i + 1) ? '' : '   (left out: noisy)';
    console.log(`    ${i + 1}: bare ${b?.callP99Ms} / ${b?.serverCpuMs} / ${b?.otherCores}   hub ${h.callP99Ms} / ${h.serverCpuMs} / ${h.otherCores}${mark}`);
  });
  const timing = (who: string, t: Record<string, Summary> | undefined) => {
    for (const [k, s] of Object.entries(t ?? {})) {
      console.log(`    ${who} ${k.padEnd(22)} n=${String(s.n).padStart(6)}  p50=${s.p50}  p99=${s.p99}  mean=${s.mean}`);
    }
  };
  console.log('  timings inside the server processes during the rush (ms):');
  timing('hub ', hub.timings_ms);
  timing('bare', (r['baseline'] as { rush_server: { timings_ms?: Record<string, Summary> } }).rush_server.timings_ms);
  if (r['truncated']) console.log('\n  WARNING: a rush hit its time budget; fewer tickets than requested or calls not drained');
  for (const [who, d] of [['hub', rush], ['bare server', base.rush]] as const) {
    if (Object.keys(d.errors).length || d.undelivered_calls) {
      console.log(`\n  WARNING (${who}): errors ${JSON.stringify(d.errors)}, undelivered calls ${d.undelivered_calls}`);
    }
  }
  const cfg = r['config'] as { rounds_used: number[]; rounds_left_out_as_noisy: number[] };
  const noisyRounds = [...hub.rounds, ...base.rounds].filter((x) => x.otherCores > NOISE_CORES).length;
  if (cfg.rounds_left_out_as_noisy.length) {
    console.log(`\n  NOTE: round pair(s) ${cfg.rounds_left_out_as_noisy.join(', ')} left out of the rush figures and targets: other processes used > ${NOISE_CORES} cores`);
  }
  if (noisyRounds > 0 && cfg.rounds_left_out_as_noisy.length === 0) {
    console.log(`\n  WARNING: other processes used > ${NOISE_CORES} cores in every round pair; on a shared machine the`);
    console.log('  latency figures are then unreliable: rerun when it is quiet');
  }
  if (hub.display_seq_gaps) console.log(`\n  WARNING: displays saw ${hub.display_seq_gaps} seq gaps`);
  if ((r['config'] as { profiled: boolean }).profiled) console.log('\n  NOTE: the hub was CPU-profiled during the rush; its latencies include the profiler');
  const targets = r['targets'] as Record<string, Target>;
  console.log('\n  targets:');
  const unreliable = r['latency_figures_reliable'] === false;
  for (const [k, t] of Object.entries(targets)) {
    const doubt = unreliable && k !== 'hub_rss_mb' ? '  [UNRELIABLE: noisy machine]' : '';
    console.log(`    ${t.pass ? 'PASS' : 'FAIL'}  ${k} = ${t.value} (target <= ${t.limit}): ${t.what}${doubt}`);
  }
  const failed = Object.entries(targets).filter(([, t]) => !t.pass).map(([k]) => k);
  console.log(failed.length ? `\n  TARGETS MISSED: ${failed.join(', ')}\n` : '\n  all targets met\n');
}
