/**
 * Hand-written SVG bar charts (no chart library): they scale with the page, print crisply and
 * carry their numbers as text, so the printed report needs no colours to be read.
 */

/** A round axis maximum at or above `max` (1, 2, 5 × 10^n). */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  const m = max / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

/** Hours to draw: at least 07–17, widened to every hour that had arrivals. */
export function hourWindow(counts: number[]): [number, number] {
  const used = counts.map((n, h) => (n > 0 ? h : -1)).filter((h) => h >= 0);
  const first = Math.min(7, ...used);
  const last = Math.max(17, ...used);
  return [Math.max(0, first), Math.min(counts.length - 1, last)];
}

export function ArrivalsChart({ counts, title, axisLabel }: { counts: number[]; title: string; axisLabel: string }) {
  const [a, b] = hourWindow(counts);
  const hours = Array.from({ length: b - a + 1 }, (_, i) => a + i);
  const W = 520;
  const H = 230;
  const left = 34;
  const bottom = 36;
  const top = 18;
  const plotH = H - top - bottom;
  const max = niceMax(Math.max(0, ...hours.map((h) => counts[h] ?? 0)));
  const slot = (W - left - 8) / Math.max(1, hours.length);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(max * f * 100) / 100);
  return (
    <figure className="chart" data-testid="chart-arrivals">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title} preserveAspectRatio="xMidYMid meet">
        {ticks.map((v) => {
          const y = top + plotH - (v / max) * plotH;
          return (
            <g key={v}>
              <line x1={left} x2={W - 8} y1={y} y2={y} className="grid" />
              <text x={left - 6} y={y + 4} textAnchor="end" className="tick">{v}</text>
            </g>
          );
        })}
        {hours.map((h, i) => {
          const n = counts[h] ?? 0;
          const bh = (n / max) * plotH;
          const x = left + i * slot + slot * 0.15;
          return (
            <g key={h} data-hour={h} data-count={n}>
              <rect x={x} y={top + plotH - bh} width={slot * 0.7} height={bh} className="bar" />
              {n > 0 && <text x={x + slot * 0.35} y={top + plotH - bh - 4} textAnchor="middle" className="value">{n}</text>}
              <text x={x + slot * 0.35} y={H - bottom + 16} textAnchor="middle" className="tick">{String(h).padStart(2, '0')}</text>
            </g>
          );
        })}
        <text x={(W + left) / 2} y={H - 4} textAnchor="middle" className="axis">{axisLabel}</text>
      </svg>
    </figure>
  );
}

export interface GroupBar {
  key: string;
  label: string;
  a: number;
  b: number;
}

/** Two bars per group (served, no-show), horizontal so long field names stay readable. */
export function GroupChart({ rows, title, aLabel, bLabel }: { rows: GroupBar[]; title: string; aLabel: string; bLabel: string }) {
  const W = 520;
  const labelW = 160;
  const rowH = 34;
  const top = 28;
  const H = top + rows.length * rowH + 8;
  const max = niceMax(Math.max(0, ...rows.flatMap((r) => [r.a, r.b])));
  const plotW = W - labelW - 50;
  const cut = (s: string): string => (s.length > 24 ? `${s.slice(0, 23)}…` : s);
  return (
    <figure className="chart" data-testid="chart-groups">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title} preserveAspectRatio="xMidYMid meet">
        <g className="legend">
          <rect x={labelW} y={6} width={12} height={12} className="bar" />
          <text x={labelW + 18} y={16}>{aLabel}</text>
          <rect x={labelW + 130} y={6} width={12} height={12} className="bar is-b" />
          <text x={labelW + 148} y={16}>{bLabel}</text>
        </g>
        {rows.map((r, i) => {
          const y = top + i * rowH;
          const wa = (r.a / max) * plotW;
          const wb = (r.b / max) * plotW;
          return (
            <g key={r.key} data-group={r.key}>
              <text x={labelW - 8} y={y + 19} textAnchor="end" className="label">{cut(r.label)}</text>
              <rect x={labelW} y={y + 3} width={wa} height={13} className="bar" />
              <text x={labelW + wa + 4} y={y + 14} className="value">{r.a}</text>
              <rect x={labelW} y={y + 17} width={wb} height={13} className="bar is-b" />
              <text x={labelW + wb + 4} y={y + 28} className="value">{r.b}</text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
