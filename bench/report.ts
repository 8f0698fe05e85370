// The human-readable part of the bench output.

export interface Row {
  name: string;
  title: string;
  engine: number;
  tfjs_cpu: number;
  tfjs_wasm: number;
  engine_over_wasm: number;
  engine_over_cpu: number;
  /** Quartiles of the engine ÷ wasm ratio over the individual rounds (each round's sides ran back to back). */
  wasm_ratio_q1: number;
  wasm_ratio_q3: number;
  target_over_wasm: number;
  /** The losses stayed finite on every side (a sanity check that real training happened). */
  finite: boolean;
  /** Tensors the timed tfjs steps left behind (should be 0). */
  leaked: number;
}

/** Linear-interpolated quantile q ∈ [0, 1]. */
export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const at = (s.length - 1) * q, lo = Math.floor(at), hi = Math.ceil(at);
  return s[lo] + (s[hi] - s[lo]) * (at - lo);
}

export function median(xs: number[]): number {
  return quantile(xs, 0.5);
}

function fmt(v: number): string {
  if (v >= 1000) return v.toFixed(0);
  if (v >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

export function formatTable(rows: Row[], rounds: number, ms: number): string {
  const head = ['workload', 'engine/s', 'tfjs_cpu/s', 'tfjs_wasm/s', 'eng÷wasm', 'rounds IQR', 'target', 'eng÷cpu'];
  const body = rows.map((r) => [
    r.name,
    fmt(r.engine),
    fmt(r.tfjs_cpu),
    fmt(r.tfjs_wasm),
    `${fmt(r.engine_over_wasm)}×`,
    `${fmt(r.wasm_ratio_q1)}–${fmt(r.wasm_ratio_q3)}`,
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
