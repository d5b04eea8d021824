/** Prints a fault test's counts as a two-column table (shown in the vitest output). */
export function printTable(title: string, rows: ReadonlyArray<readonly [string, string | number]>): void {
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`);
  const rule = '-'.repeat(Math.max(title.length, ...lines.map((l) => l.length)));
  console.log(`\n${title}\n${rule}\n${lines.join('\n')}\n${rule}`);
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** `fail` with every problem listed, or nothing. */
export function problemsMessage(problems: readonly string[]): string {
  return problems.length === 0 ? '' : `${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`;
}
