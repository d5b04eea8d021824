/** Turns the measurements into bench-results.json and the printed table. */
import type { BaselineCallResult } from './baseline-calls';
import type { ChildUsage, Runtime } from './child';
import type { LoadShape, QuietResult, RushResult } from './load';
import { round, summarize, type Summary } from './stats';

export interface Measurements {
  shape: LoadShape;
  clients: number;
  insertCommitMs: number[];
  baseline: BaselineCallResult;
  rush: RushResult;
  quiet: QuietResult;
  saturation: RushResult | null;
  hub: { runtime: Runtime | null; idle: ChildUsage; connected: ChildUsage; end: ChildUsage };
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

export function buildResults(m: Measurements, seqGaps: number): Record<string, unknown> {
  const issue = summarize(m.rush.issueMs);
  const call = summarize(m.rush.callToLastDisplayMs);
  const callAck = summarize(m.rush.callAckMs);
  const br = m.baseline.rush;
  const brIssue = summarize(br.issueMs);
  const brCall = summarize(br.callToLastDisplayMs);
  const brCallAck = summarize(br.callAckMs);
  const serial: Summary = summarize(m.baseline.callToLastDisplayMs);
  const insert = summarize(m.insertCommitMs);
  const quietCall = summarize(m.quiet.callToLastDisplayMs);
  const quietIssue = summarize(m.quiet.issueMs);
  const end = m.hub.end;
  const targets: Record<string, Target> = {
    call_p99_ratio: {
      limit: 1.5,
      value: ratio(call.p99, brCall.p99),
      pass: call.p99 / brCall.p99 <= 1.5,
      what: 'hub call_to_last_display_p99_ms / bare server call_to_last_display_p99_ms, both under the same paced rush',
    },
    issue_p99_ms: { limit: 5, value: issue.p99, pass: issue.p99 <= 5, what: 'hub ticket:issue emit -> ack p99 in the paced rush' },
    hub_rss_mb: { limit: 100, value: mb(end.rssMb), pass: end.rssMb <= 100, what: `hub RSS at the end of the paced rush, ${m.clients} clients connected` },
  };
  return {
    at: new Date().toISOString(),
    tickets: m.rush.issued,
    tickets_requested: m.shape.tickets,
    truncated: m.rush.truncated || br.truncated,
    clients_connected: m.clients,
    offered_rate_per_s: m.shape.ratePerS,
    issue_rate_per_s: perSecond(m.rush.issued, m.rush.issuePhaseMs),
    call_rate_per_s: perSecond(m.rush.called, m.rush.durationMs),
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
    rush_baseline_server_rss_mb: mb(m.baseline.rushServer.rssMb),
    hub_cpu_ms_during_rush: round(end.cpuMs, 0),
    rush_baseline_server_cpu_ms: round(m.baseline.rushServer.cpuMs, 0),
    saturation_hub_commands_per_s: m.saturation ? saturationDetail(m.saturation).commands_per_s : null,
    saturation_baseline_commands_per_s: m.baseline.saturation ? saturationDetail(m.baseline.saturation).commands_per_s : null,
    config: {
      ...m.shape,
      kiosks: 8,
      counters: m.clients - 58,
      displays: 50,
      profiled: m.profiled,
    },
    hub: {
      runtime: m.hub.runtime,
      cpu_ms_during_rush: round(end.cpuMs, 0),
      event_loop_utilisation_during_rush: round(end.elu),
      timings_ms: end.timings,
      display_seq_gaps: seqGaps,
      quiet_undelivered_calls: m.quiet.undelivered,
      memory: { idle: usageDetail(m.hub.idle), after_connect: usageDetail(m.hub.connected), end_of_rush: usageDetail(end) },
    },
    rush: rushDetail(m.rush),
    baseline: {
      runtime: m.baseline.runtime,
      insert_commit_ms: insert,
      serial_call_to_last_display_ms: serial,
      serial_lost: m.baseline.lost,
      rush: rushDetail(br),
      rush_server: {
        cpu_ms: round(m.baseline.rushServer.cpuMs, 0),
        event_loop_utilisation: round(m.baseline.rushServer.elu),
        memory: usageDetail(m.baseline.rushServer),
      },
    },
    saturation: m.saturation || m.baseline.saturation
      ? { hub: m.saturation && saturationDetail(m.saturation), baseline: m.baseline.saturation && saturationDetail(m.baseline.saturation) }
      : null,
    targets,
    all_targets_met: Object.values(targets).every((t) => t.pass),
  };
}

const TABLE: Array<[string, string]> = [
  ['tickets', 'tickets issued in the hub paced rush'],
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
  ['hub_cpu_ms_during_rush', 'hub process CPU time during the rush'],
  ['rush_baseline_server_cpu_ms', 'bare server CPU time during its rush'],
  ['saturation_hub_commands_per_s', '--saturate: closed loop, acks/s (info)'],
  ['saturation_baseline_commands_per_s', ''],
];

export function printResults(r: Record<string, unknown>): void {
  const w = Math.max(...TABLE.map(([k]) => k.length));
  const show = (v: unknown) => (v === null || v === undefined ? '-' : String(v));
  console.log('');
  for (const [k, note] of TABLE) console.log(`  ${k.padEnd(w)}  ${show(r[k]).padStart(9)}  ${note}`);
  const hub = r['hub'] as { runtime: Runtime | null; timings_ms?: Record<string, Summary>; event_loop_utilisation_during_rush: number; display_seq_gaps: number };
  const rush = r['rush'] as ReturnType<typeof rushDetail>;
  const base = r['baseline'] as { rush: ReturnType<typeof rushDetail>; rush_server: { event_loop_utilisation: number }; runtime: Runtime };
  const rt = (x: Runtime | null) => (x ? `node ${x.node} ${x.script.replace(/^.*\/test\//, 'test/')} execArgv=[${x.execArgv.join(' ')}] UV_THREADPOOL_SIZE=${x.uvThreadpoolSize}` : '?');
  console.log(`\n  hub child: ${rt(hub.runtime)}`);
  console.log(`  bare child: ${rt(base.runtime)}`);
  console.log(`  event-loop utilisation during the rush: hub ${hub.event_loop_utilisation_during_rush}, bare server ${base.rush_server.event_loop_utilisation}`);
  console.log(`  load generator ELU during the rush: hub run ${rush.load_generator.elu}, bare run ${base.rush.load_generator.elu}`);
  console.log(`  hub rush: max waiting ${rush.max_waiting}, null calls ${rush.null_calls}, late kiosk sends ${rush.late_kiosk_sends} (max lag ${rush.max_kiosk_lag_ms} ms); bare: max waiting ${base.rush.max_waiting}, late sends ${base.rush.late_kiosk_sends}`);
  console.log('  timings inside the hub process during the rush (ms):');
  for (const [k, s] of Object.entries(hub.timings_ms ?? {})) {
    console.log(`    ${k.padEnd(24)} n=${String(s.n).padStart(6)}  p50=${s.p50}  p99=${s.p99}  mean=${s.mean}`);
  }
  if (r['truncated']) console.log('\n  WARNING: a rush hit its time budget; fewer tickets than requested or calls not drained');
  for (const [who, d] of [['hub', rush], ['bare server', base.rush]] as const) {
    if (Object.keys(d.errors).length || d.undelivered_calls) {
      console.log(`\n  WARNING (${who}): errors ${JSON.stringify(d.errors)}, undelivered calls ${d.undelivered_calls}`);
    }
  }
  if (hub.display_seq_gaps) console.log(`\n  WARNING: displays saw ${hub.display_seq_gaps} seq gaps`);
  if ((r['config'] as { profiled: boolean }).profiled) console.log('\n  NOTE: the hub was CPU-profiled during the rush; its latencies include the profiler');
  const targets = r['targets'] as Record<string, Target>;
  console.log('\n  targets:');
  for (const [k, t] of Object.entries(targets)) console.log(`    ${t.pass ? 'PASS' : 'FAIL'}  ${k} = ${t.value} (target <= ${t.limit}): ${t.what}`);
  const failed = Object.entries(targets).filter(([, t]) => !t.pass).map(([k]) => k);
  console.log(failed.length ? `\n  TARGETS MISSED: ${failed.join(', ')}\n` : '\n  all targets met\n');
}
