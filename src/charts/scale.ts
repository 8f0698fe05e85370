// The few scales the charts use — linear, logarithmic (base 10) and band — with d3-scale's behaviour
// for what the lab calls: domain, range, nice, clamp, invert, ticks and tickFormat. d3-scale with its
// interpolators, colours and number formatting weighed about 11 kB gzipped on the first screen; this is
// about 1.5 kB. Tick positions follow d3-array's `ticks` (ISC licence, ported); a test compares every
// function with d3-scale on many domains.

const E10 = Math.sqrt(50);
const E5 = Math.sqrt(10);
const E2 = Math.sqrt(2);

function tickSpec(start: number, stop: number, count: number): [number, number, number] {
  const step = (stop - start) / Math.max(0, count);
  const power = Math.floor(Math.log10(step));
  const error = step / Math.pow(10, power);
  const factor = error >= E10 ? 10 : error >= E5 ? 5 : error >= E2 ? 2 : 1;
  let i1: number, i2: number, inc: number;
  if (power < 0) {
    inc = Math.pow(10, -power) / factor;
    i1 = Math.round(start * inc);
    i2 = Math.round(stop * inc);
    if (i1 / inc < start) ++i1;
    if (i2 / inc > stop) --i2;
    inc = -inc;
  } else {
    inc = Math.pow(10, power) * factor;
    i1 = Math.round(start / inc);
    i2 = Math.round(stop / inc);
    if (i1 * inc < start) ++i1;
    if (i2 * inc > stop) --i2;
  }
  if (i2 < i1 && 0.5 <= count && count < 2) return tickSpec(start, stop, count * 2);
  return [i1, i2, inc];
}

/** About `count` round values between start and stop (d3-array's ticks). */
export function ticks(start: number, stop: number, count: number): number[] {
  if (!(count > 0)) return [];
  if (start === stop) return [start];
  const reverse = stop < start;
  const [i1, i2, inc] = reverse ? tickSpec(stop, start, count) : tickSpec(start, stop, count);
  if (!(i2 >= i1)) return [];
  const n = i2 - i1 + 1;
  const out = new Array<number>(n);
  for (let i = 0; i < n; ++i) {
    const k = reverse ? i2 - i : i1 + i;
    out[i] = inc < 0 ? k / -inc : k * inc;
  }
  return out;
}

function tickIncrement(start: number, stop: number, count: number): number {
  return tickSpec(start, stop, count)[2];
}

function tickStep(start: number, stop: number, count: number): number {
  const reverse = stop < start;
  const inc = reverse ? tickIncrement(stop, start, count) : tickIncrement(start, stop, count);
  return (reverse ? -1 : 1) * (inc < 0 ? 1 / -inc : inc);
}

// ---- number formats (the subset of d3-format the charts ask for: ",f", ".Nf", ".N~g") ----

const MINUS = '\u2212';

function exponent(x: number): number {
  if (!Number.isFinite(x) || x === 0) return NaN;
  return Number(Math.abs(x).toExponential().split('e')[1]);
}

function trim(s: string): string {
  let i0 = -1, i1 = -1;
  out: for (let i = 1; i < s.length; ++i) {
    switch (s[i]) {
      case '.':
        i0 = i1 = i;
        break;
      case '0':
        if (i0 === 0) i0 = i;
        i1 = i;
        break;
      default:
        if (!+s[i]) break out;
        if (i0 > 0) i0 = 0;
    }
  }
  return i0 > 0 ? s.slice(0, i0) + s.slice(i1 + 1) : s;
}

function group(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A d3-format specifier of the form [,][.precision][~][f|g]; anything else is refused. */
export function format(specifier: string): (v: number) => string {
  const m = /^(,)?(?:\.(\d+))?(~)?([fg])?$/.exec(specifier);
  if (!m) throw new Error(`unsupported number format "${specifier}"`);
  const comma = !!m[1];
  const type = m[4] ?? 'g';
  const given = m[2] !== undefined ? Number(m[2]) : type === 'f' ? 6 : 12;
  const precision = type === 'f' ? Math.min(20, given) : Math.max(1, Math.min(21, given));
  const doTrim = !!m[3] || m[4] === undefined;
  return (v: number) => {
    const negative = v < 0 || 1 / v < 0;
    let s = type === 'f' ? Math.abs(v).toFixed(precision) : Math.abs(v).toPrecision(precision);
    if (doTrim) s = trim(s);
    // No negative zero: a value that rounds to 0 is printed without a sign.
    const sign = negative && +s !== 0 ? MINUS : '';
    if (comma) {
      const dot = s.search(/[.e]/);
      s = dot < 0 ? group(s) : group(s.slice(0, dot)) + s.slice(dot);
    }
    return sign + s;
  };
}

// ---- scales ----

type Pair = [number, number];

export interface ContinuousScale {
  (x: number): number;
  domain(): Pair;
  domain(d: readonly number[]): this;
  range(): Pair;
  range(r: readonly number[]): this;
  clamp(on: boolean): this;
  nice(count?: number): this;
  invert(y: number): number;
  ticks(count?: number): number[];
  tickFormat(count?: number, specifier?: string): (v: number) => string;
}

export type ScaleLinear = ContinuousScale;
export type ScaleLog = ContinuousScale;

function continuous(kind: 'linear' | 'log'): ContinuousScale {
  let domain: Pair = kind === 'log' ? [1, 10] : [0, 1];
  let range: Pair = [0, 1];
  let clamped = false;
  const fwd = kind === 'log' ? Math.log : (x: number) => x;
  const back = kind === 'log' ? Math.exp : (x: number) => x;

  const scale = ((x: number) => {
    const a = fwd(domain[0]), b = fwd(domain[1]);
    let t = b - a ? (fwd(x) - a) / (b - a) : Number.isNaN(b - a) ? NaN : 0.5;
    if (clamped) t = Math.max(0, Math.min(1, t));
    return range[0] + t * (range[1] - range[0]);
  }) as ContinuousScale;

  scale.domain = ((d?: readonly number[]) => {
    if (d === undefined) return [domain[0], domain[1]];
    domain = [+d[0], +d[d.length - 1]];
    return scale;
  }) as ContinuousScale['domain'];
  scale.range = ((r?: readonly number[]) => {
    if (r === undefined) return [range[0], range[1]];
    range = [+r[0], +r[r.length - 1]];
    return scale;
  }) as ContinuousScale['range'];
  scale.clamp = (on: boolean) => {
    clamped = on;
    return scale;
  };
  scale.invert = (y: number) => {
    let t = range[1] - range[0] ? (y - range[0]) / (range[1] - range[0]) : 0.5;
    if (clamped) t = Math.max(0, Math.min(1, t));
    const a = fwd(domain[0]), b = fwd(domain[1]);
    return back(a + t * (b - a));
  };

  if (kind === 'linear') {
    scale.ticks = (count = 10) => ticks(domain[0], domain[1], count);
    scale.tickFormat = (count = 10, specifier?: string) => {
      if (specifier !== undefined) return format(specifier);
      const p = Math.max(0, -exponent(tickStep(domain[0], domain[1], count)));
      return format(Number.isNaN(p) ? ',f' : `,.${p}f`);
    };
    scale.nice = (count = 10) => {
      let start = domain[0], stop = domain[1];
      const reversed = stop < start;
      if (reversed) [start, stop] = [stop, start];
      let prestep: number | undefined;
      // As d3: the domain changes only once the step settles.
      for (let iter = 0; iter < 10; iter++) {
        const step = tickIncrement(start, stop, count);
        if (step === prestep) {
          domain = reversed ? [stop, start] : [start, stop];
          break;
        }
        if (step > 0) {
          start = Math.floor(start / step) * step;
          stop = Math.ceil(stop / step) * step;
        } else if (step < 0) {
          start = Math.ceil(start * step) / step;
          stop = Math.floor(stop * step) / step;
        } else break;
        prestep = step;
      }
      return scale;
    };
  } else {
    scale.ticks = (count = 10) => logTicks(domain, count);
    scale.tickFormat = (count = 10, specifier = '.2~g') => {
      const f = format(specifier);
      const k = Math.max(1, (10 * count) / scale.ticks().length);
      return (d: number) => {
        let i = d / pow10(Math.round(Math.log10(d)));
        if (i * 10 < 10 - 0.5) i *= 10;
        return i <= k ? f(d) : '';
      };
    };
    scale.nice = () => {
      const r = domain[1] < domain[0];
      const [lo, hi] = r ? [domain[1], domain[0]] : domain;
      const nd: Pair = [pow10(Math.floor(Math.log10(lo))), pow10(Math.ceil(Math.log10(hi)))];
      domain = r ? [nd[1], nd[0]] : nd;
      return scale;
    };
  }
  return scale;
}

function pow10(x: number): number {
  return Number.isFinite(x) ? +('1e' + x) : x < 0 ? 0 : x;
}

function logTicks(domain: Pair, count: number): number[] {
  let u = domain[0], v = domain[1];
  const reverse = v < u;
  if (reverse) [u, v] = [v, u];
  let i = Math.log10(u), j = Math.log10(v);
  let z: number[] = [];
  if (j - i < count) {
    i = Math.floor(i);
    j = Math.ceil(j);
    if (u > 0) {
      for (; i <= j; ++i) {
        for (let k = 1; k < 10; ++k) {
          const t = i < 0 ? k / pow10(-i) : k * pow10(i);
          if (t < u) continue;
          if (t > v) break;
          z.push(t);
        }
      }
    }
    if (z.length * 2 < count) z = ticks(u, v, count);
  } else {
    z = ticks(i, j, Math.min(j - i, count)).map(pow10);
  }
  return reverse ? z.reverse() : z;
}

export function scaleLinear(): ScaleLinear {
  return continuous('linear');
}

export function scaleLog(): ScaleLog {
  return continuous('log');
}

export interface ScaleBand<T> {
  (v: T): number | undefined;
  domain(d: readonly T[]): this;
  range(r: readonly number[]): this;
  padding(p: number): this;
  bandwidth(): number;
}

/** Equal bands for discrete values, with d3's padding (inner = outer) and centred alignment. */
export function scaleBand<T>(): ScaleBand<T> {
  let values: T[] = [];
  let r: Pair = [0, 1];
  let pad = 0;
  let start = 0, step = 0, bw = 0;
  const index = new Map<T, number>();
  const rescale = () => {
    const n = values.length;
    const reverse = r[1] < r[0];
    let lo = reverse ? r[1] : r[0];
    const hi = reverse ? r[0] : r[1];
    step = (hi - lo) / Math.max(1, n - pad + pad * 2);
    lo += (hi - lo - step * (n - pad)) * 0.5;
    bw = step * (1 - pad);
    start = reverse ? lo + step * (n - 1) : lo;
    if (reverse) step = -step;
  };
  const scale = ((v: T) => {
    const i = index.get(v);
    return i === undefined ? undefined : start + step * i;
  }) as ScaleBand<T>;
  scale.domain = (d) => {
    values = [...d];
    index.clear();
    values.forEach((v, i) => index.has(v) || index.set(v, i));
    rescale();
    return scale;
  };
  scale.range = (rr) => {
    r = [+rr[0], +rr[rr.length - 1]];
    rescale();
    return scale;
  };
  scale.padding = (p) => {
    pad = Math.min(1, p);
    rescale();
    return scale;
  };
  scale.bandwidth = () => bw;
  return scale;
}
