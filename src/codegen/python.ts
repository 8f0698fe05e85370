// Python literals written the way Python itself prints them (repr), so exported code reads naturally.

/** A float as Python's repr: 1.0, 0.9, 0.0001, 1e-05, 1.5e-07. */
export function pyFloat(v: number): string {
  if (Number.isNaN(v)) return "float('nan')";
  if (!Number.isFinite(v)) return v > 0 ? "float('inf')" : "-float('inf')";
  if (v === 0) return '0.0';
  const [mantissa, expText] = v.toExponential().split('e');
  const exp = Number(expText);
  // Python switches to exponent form below 1e-4 and from 1e16; JS only below 1e-6 and from 1e21.
  if (exp < -4 || exp >= 16) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  const s = String(v);
  return s.includes('.') ? s : `${s}.0`;
}

/** A computed value without float noise (1 − 0.7 is 0.30000000000000004 in binary). */
export function tidy(v: number): number {
  return Number(v.toPrecision(12));
}
