/**
 * A/B rounds: the paced rush is split into rounds run alternately against the bare server and the
 * hub (bare 1, hub 1, bare 2, hub 2, ...), each pair with the same seed, so both see the same
 * offered load and a burst of unrelated activity on the machine hits both alike. Each round also
 * records how much machine CPU went to other processes while it ran; `quietPairs` picks the pairs
 * the figures are made of.
 */
import type { Child } from './child';
import type { HubLoad, LoadShape } from './load';
import { machineCpu } from './machine';
import { mergeRushes, type RushResult } from './rush';

/** A round during which other processes used more than this many cores is "noisy". */
export const NOISE_CORES = 0.15;

export interface RoundInfo {
  seconds: number;
  issued: number;
  /** Commands acknowledged (issues + calls). */
  commands: number;
  serverCpuMs: number;
  /** Machine CPU used outside this bench's processes during the round, ms. */
  otherCpuMs: number;
  /** The same as a share of one core. */
  otherCores: number;
  stealMs: number;
  callP99Ms: number;
}

export class Side {
  readonly rounds: RushResult[] = [];
  readonly info: RoundInfo[] = [];

  constructor(
    readonly name: string,
    readonly child: Child<unknown>,
    readonly load: HubLoad,
  ) {}

  /** Marks the child's counters; call once before the first round. */
  start(): void {
    this.child.send({ type: 'mark' });
  }

  async round(shape: LoadShape, seed: number): Promise<RushResult> {
    const cpu0 = (await this.child.usage()).cpuMs;
    const machine0 = machineCpu();
    const own0 = process.cpuUsage();
    this.child.send({ type: 'resume' });
    const r = await this.load.rush(shape, seed);
    this.child.send({ type: 'pause' });
    const own = process.cpuUsage(own0);
    const machine1 = machineCpu();
    const serverCpuMs = (await this.child.usage()).cpuMs - cpu0;
    const otherCpuMs = machine1.busyMs - machine0.busyMs - (own.user + own.system) / 1000 - serverCpuMs;
    const sorted = [...r.callToLastDisplayMs].sort((a, b) => a - b);
    this.rounds.push(r);
    this.info.push({
      seconds: Math.round(r.durationMs / 100) / 10,
      issued: r.issued,
      commands: r.issueMs.length + r.callAckMs.length,
      serverCpuMs: Math.round(serverCpuMs),
      otherCpuMs: Math.max(0, Math.round(otherCpuMs)),
      otherCores: Math.max(0, Math.round((otherCpuMs / r.durationMs) * 100) / 100),
      stealMs: machine1.stealMs - machine0.stealMs,
      callP99Ms: Math.round((sorted[Math.ceil(sorted.length * 0.99) - 1] ?? Number.NaN) * 10) / 10,
    });
    return r;
  }

  /** The rounds `indices` (all by default) as one result. */
  merged(indices?: number[]): RushResult {
    return mergeRushes(indices ? indices.map((i) => this.rounds[i]).filter((r): r is RushResult => r !== undefined) : this.rounds);
  }
}

/**
 * The A/B pairs both of whose rounds were quiet (other processes below NOISE_CORES). When at
 * least one pair is quiet, the figures and targets use only the quiet pairs, so one burst of
 * unrelated work on a shared machine cannot pass or fail a target on its own; when none is,
 * all pairs are used (and the report says the figures are unreliable).
 */
export function quietPairs(a: Side, b: Side): { used: number[]; excluded: number[] } {
  const all = a.info.map((_, i) => i).filter((i) => b.info[i] !== undefined);
  const quiet = all.filter((i) => (a.info[i]?.otherCores ?? 1) <= NOISE_CORES && (b.info[i]?.otherCores ?? 1) <= NOISE_CORES);
  return quiet.length > 0 ? { used: quiet, excluded: all.filter((i) => !quiet.includes(i)) } : { used: all, excluded: [] };
}
