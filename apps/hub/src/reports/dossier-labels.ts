import { CARRIED_KEY, ONLINE_KEY, POST_KEY, type Store } from '@qms/store';
import { ALL_LABEL, type GroupNames } from './labels';
import type { ReportGroupBy } from './types';

export const ONLINE_LABEL = 'Trực tuyến';
export const POST_LABEL = 'Bưu chính';
export const NO_COUNTER_RECORDED_LABEL = 'Trực tiếp, không rõ quầy';
export const NO_OFFICER_RECORDED_LABEL = 'Trực tiếp, không rõ cán bộ';
export const CARRIED_LABEL = 'Kỳ trước chuyển qua';

/** Names the dossier groups: the ticket groups' names, procedures by name, and the special keys. */
export class DossierNames {
  private procedures: Map<string, { name: string; rank: number }> | null = null;

  constructor(
    private readonly names: GroupNames,
    private readonly store: Store,
  ) {}

  label(groupBy: ReportGroupBy, key: string): string {
    if (key === ONLINE_KEY) return ONLINE_LABEL;
    if (key === POST_KEY) return POST_LABEL;
    if (key === CARRIED_KEY) return CARRIED_LABEL;
    if (groupBy === 'procedure') return this.procedure(key)?.name ?? key;
    if (groupBy === 'counter' && key === '') return NO_COUNTER_RECORDED_LABEL;
    if (groupBy === 'officer' && key === '') return NO_OFFICER_RECORDED_LABEL;
    return groupBy === 'all' ? ALL_LABEL : this.names.label(groupBy, key);
  }

  /**
   * Keys in order: carried over first (by day), then the groups as the ticket tables order them
   * (procedures as the catalog does), then in person without a counter, online, by post.
   */
  keys(groupBy: ReportGroupBy, withFigures: Iterable<string>): string[] {
    if (groupBy === 'all') return [''];
    const special = [CARRIED_KEY, '', ONLINE_KEY, POST_KEY];
    const found = new Set(withFigures);
    const own = [...found].filter((k) => !special.includes(k));
    let ordered: string[];
    if (groupBy === 'procedure') {
      ordered = own.sort((a, b) => (this.procedure(a)?.rank ?? Infinity) - (this.procedure(b)?.rank ?? Infinity) || a.localeCompare(b));
    } else {
      ordered = this.names.keys(groupBy, own).filter((k) => k !== '');
    }
    const head = found.has(CARRIED_KEY) ? [CARRIED_KEY] : [];
    const tail = ['', ONLINE_KEY, POST_KEY].filter((k) => found.has(k));
    return [...head, ...ordered, ...tail];
  }

  private procedure(id: string): { name: string; rank: number } | undefined {
    this.procedures ??= new Map(this.store.dossiers.procedures().map((p, rank) => [p.id, { name: p.name, rank }]));
    return this.procedures.get(id);
  }
}
