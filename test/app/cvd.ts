// Colour-vision simulation for tests: Machado, Oliveira & Fernandes (2009) full-severity dichromacy
// matrices in linear sRGB, CIE L*a*b* (D65) and ΔE*76, WCAG contrast. Small and independent of the app.
export type Vision = 'normal' | 'protan' | 'deutan' | 'tritan';
export const VISIONS: readonly Vision[] = ['normal', 'protan', 'deutan', 'tritan'];

const MACHADO: Record<Exclude<Vision, 'normal'>, number[][]> = {
  protan: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deutan: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritan: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};

export type Rgb = readonly [number, number, number];

export function parseColor(c: string): Rgb {
  const m = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(c);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  const n = parseInt(c.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const toLinear = (v: number) => {
  const s = v / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};

function simulate(lin: number[], v: Vision): number[] {
  if (v === 'normal') return lin;
  return MACHADO[v].map((r) => Math.min(1, Math.max(0, r[0] * lin[0] + r[1] * lin[1] + r[2] * lin[2])));
}

function lab(lin: number[]): [number, number, number] {
  const [r, g, b] = lin;
  const X = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const Y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const Z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(Y) - 16, 500 * (f(X) - f(Y)), 200 * (f(Y) - f(Z))];
}

/** ΔE*76 between two colours as a viewer with the given vision sees them. */
export function deltaE(a: Rgb, b: Rgb, v: Vision): number {
  const A = lab(simulate(a.map(toLinear), v)), B = lab(simulate(b.map(toLinear), v));
  return Math.hypot(A[0] - B[0], A[1] - B[1], A[2] - B[2]);
}

/** Difference in L* alone: what survives greyscale, monochromacy or a washed-out projector. */
export function deltaL(a: Rgb, b: Rgb): number {
  return Math.abs(lab(a.map(toLinear))[0] - lab(b.map(toLinear))[0]);
}

/** WCAG 2 contrast ratio. */
export function contrast(a: Rgb, b: Rgb): number {
  const Y = (c: Rgb) => { const l = c.map(toLinear); return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2]; };
  const [hi, lo] = [Y(a), Y(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
