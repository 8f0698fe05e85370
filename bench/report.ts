// The human-readable part of the bench output.

export interface Row {
  name: string;
  title: string;
  engine: number;
  tfjs_cpu: number;
  tfjs_wasm: number;
  engine_over_wasm: number;
  engine_over_cpu: number;
  /** Lowest and highest engine ÷ wasm ratio over the individual rounds. */
  wasm_ratio_min: number;
  wasm_ratio_max: number;
  target_over_wasm: number;
  /** The losses stayed finite on every side (a sanity check that real training happened). */
  finite: boolean;
  /** Tensors the timed tfjs steps left behind (should be 0). */
  leaked: number;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function fmt(v: number): string {
  if (v >= 1000) return v.toFixed(0);
  if (v >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

export function formatTable(rows: Row[], rounds: number, ms: number): string {
  const head = ['workload', 'engine/s', 'tfjs_cpu/s', 'tfjs_wasm/s', 'eng÷wasm', '(rounds)', 'target', 'eng÷cpu'];
  const body = rows.map((r) => [
    r.name,
    fmt(r.engine),
    fmt(r.tfjs_cpu),
    fmt(r.tfjs_wasm),
    `${fmt(r.engine_over_wasm)}×`,
    `${fmt(r.wasm_ratio_min)}–${fmt(r.wasm_ratio_max)}`,
    Number.isFinite(r.target_over_wasm) ? `${r.engine_over_wasm >= r.target_over_wasm ? 'ok' : 'MISS'} ≥${r.target_over_wasm}×` : '',
    `${fmt(r.engine_over_cpu)}×`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const out = [
    `training steps per second, median of ${rounds} interleaved rounds of ${ms} ms per side`,
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
    '',
    ...rows.map((r) => `${r.name}: ${r.title}${r.finite ? '' : '  (non-finite loss!)'}`),
  ];
  return out.join('\n');
}
