// The human-readable part of the bench output.

export interface Row {
  name: string;
  title: string;
  engine: number;
  tfjs_cpu: number;
  tfjs_wasm: number;
  /** jax-js on its wasm device (jit of the whole step). */
  jax_wasm: number;
  engine_over_wasm: number;
  engine_over_cpu: number;
  engine_over_jax: number;
  /** Quartiles of the engine ÷ wasm ratio over the individual rounds (each round's sides ran back to back). */
  wasm_ratio_q1: number;
  wasm_ratio_q3: number;
  jax_ratio_q1: number;
  jax_ratio_q3: number;
  target_over_wasm: number;
  target_over_jax: number;
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
  if (!Number.isFinite(v)) return 'n/a';
  if (v >= 1000) return v.toFixed(0);
  if (v >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

function times(v: number): string {
  return Number.isFinite(v) ? `${fmt(v)}×` : 'n/a';
}

function range(lo: number, hi: number): string {
  return Number.isFinite(lo) && Number.isFinite(hi) ? `${fmt(lo)}–${fmt(hi)}` : 'n/a';
}

export function formatTable(rows: Row[], rounds: number, ms: number): string {
  const head = ['workload', 'engine/s', 'tfjs_cpu/s', 'tfjs_wasm/s', 'jax_wasm/s', 'eng÷wasm', 'rounds IQR', 'floor', 'eng÷jax', 'rounds IQR', 'aim', 'eng÷cpu'];
  const verdict = (ratio: number, target: number, word: string) =>
    !Number.isFinite(target) ? '' : !Number.isFinite(ratio) ? 'n/a' : `${ratio >= target ? 'ok' : word} ≥${target}×`;
  const body = rows.map((r) => [
    r.name,
    fmt(r.engine),
    fmt(r.tfjs_cpu),
    fmt(r.tfjs_wasm),
    fmt(r.jax_wasm),
    times(r.engine_over_wasm),
    range(r.wasm_ratio_q1, r.wasm_ratio_q3),
    verdict(r.engine_over_wasm, r.target_over_wasm, 'MISS'),
    times(r.engine_over_jax),
    range(r.jax_ratio_q1, r.jax_ratio_q3),
    verdict(r.engine_over_jax, r.target_over_jax, 'short'),
    times(r.engine_over_cpu),
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
