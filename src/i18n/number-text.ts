// Numbers written as Intl.NumberFormat writes them for en-US and ko-KR (the lab's two locales), without
// Intl: a page's first Intl.NumberFormat starts ICU, about 20 ms of main thread measured on the first
// screen's path (the speed menu's "30 steps/s", the sliders' values), before the lab is interactive.
// Both locales group by thousands with a comma, use a dot for decimals and the hyphen-minus, and show
// the sign of a negative value that rounds to zero ("-0"). Like ICU, the rounding starts from the
// shortest decimal that reads back as the same double (String(v): 0.95, not 0.9499999…) and rounds
// half away from zero. The test compares these with Intl over many values, ties included.

/** Beyond this the callers use Intl (exponent forms, which the lab never shows as plain digits). */
const LIMIT = 1e21;

/** A non-negative decimal: integer digits (no leading zero but a lone "0") and fraction digits. */
interface Dec {
  int: string;
  frac: string;
}

/** The shortest round-trip decimal of a (≥ 0, finite), in plain digits ("1.5e-9" → 0.0000000015). */
function decimalOf(a: number): Dec {
  const s = String(a), e = s.indexOf('e');
  if (e < 0) {
    const dot = s.indexOf('.');
    return dot < 0 ? { int: s, frac: '' } : { int: s.slice(0, dot), frac: s.slice(dot + 1) };
  }
  const digits = s.slice(0, e).replace('.', ''), exp = Number(s.slice(e + 1));
  if (exp >= 0) return { int: digits.padEnd(exp + 1, '0'), frac: digits.slice(exp + 1) };
  return { int: '0', frac: '0'.repeat(-exp - 1) + digits };
}

/** Rounds half away from zero to `f` fraction digits (f < 0: to a multiple of 10^-f). */
function roundTo(d: Dec, f: number): Dec {
  const all = d.int + d.frac, cut = d.int.length + f;
  if (cut >= all.length) return d;
  if (cut < 0) return { int: '0', frac: '' };
  let kept = all.slice(0, cut);
  if (all.charCodeAt(cut) >= 53 /* '5' */) kept = cut === 0 ? '1' : (BigInt(kept) + 1n).toString().padStart(cut, '0');
  // A carry can lengthen the digits by one (9.99 → 10.0): the integer part takes it.
  const intLen = kept.length - Math.max(f, 0);
  const int = (kept.slice(0, intLen) + '0'.repeat(Math.max(-f, 0))).replace(/^0+(?=\d)/, '') || '0';
  return { int, frac: kept.slice(intLen) };
}

function text(negative: boolean, d: Dec, minFrac: number): string {
  let frac = d.frac;
  let end = frac.length;
  while (end > minFrac && frac[end - 1] === '0') end--;
  frac = frac.slice(0, end).padEnd(minFrac, '0');
  const int = d.int.length <= 3 ? d.int : d.int.replace(/\B(?=(\d{3})+$)/g, ',');
  return (negative ? '-' : '') + int + (frac ? `.${frac}` : '');
}

const negative = (v: number) => v < 0 || Object.is(v, -0);

/** Intl's { minimumFractionDigits: min, maximumFractionDigits: max }, or null where it would not match (not finite, 1e21 and beyond). */
export function fractionText(v: number, min: number, max: number): string | null {
  const a = Math.abs(v);
  if (!(a < LIMIT)) return null;
  return text(negative(v), roundTo(decimalOf(a), max), min);
}

/** Intl's { maximumSignificantDigits: max }, or null where it would not match. */
export function significantText(v: number, max: number): string | null {
  const a = Math.abs(v);
  if (!(a < LIMIT)) return null;
  const d = decimalOf(a);
  if (a === 0) return text(negative(v), d, 0);
  // Fraction digits that leave `max` significant ones: fewer (even negative) for large integer parts.
  const lead = d.int !== '0' ? -d.int.length : d.frac.search(/[1-9]/);
  return text(negative(v), roundTo(d, lead + max), 0);
}

/** Intl's { style: 'percent', maximumFractionDigits: max }: 100·v in decimal (exact), rounded, then "%". */
export function percentText(v: number, max: number): string | null {
  const a = Math.abs(v);
  if (!(a < LIMIT / 100)) return null;
  const d = decimalOf(a), frac = d.frac.padEnd(2, '0');
  const shifted: Dec = { int: (d.int + frac.slice(0, 2)).replace(/^0+(?=\d)/, ''), frac: frac.slice(2) };
  return `${text(negative(v), roundTo(shifted, max), 0)}%`;
}
