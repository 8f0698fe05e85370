// Bounded histories for a run of any length: a series keeps at most `capacity` points; when it fills,
// neighbouring points merge in pairs (weighted mean, min, max) and each point then stands for twice as
// many samples. Memory stays flat over a million steps and the whole run stays drawable.

/** One channel of a raw sample: a value, or a summary of several (mean, min, max, and their count). */
export interface SampleSummary {
  mean: number;
  min: number;
  max: number;
  /** How many raw values the summary stands for; 0 (or NaN values) means missing. */
  weight: number;
}

export interface SeriesSnapshot {
  stepFirst: Float64Array;
  stepLast: Float64Array;
  stride: number;
  /** Per channel, exact-length arrays (fresh copies, safe to transfer). */
  mean: Float32Array[];
  min: Float32Array[];
  max: Float32Array[];
}

export class SummarySeries {
  readonly channels: number;
  readonly capacity: number;
  /** Committed points. */
  length = 0;
  /** Samples per committed point. */
  stride = 1;
  private readonly first: Float64Array;
  private readonly last: Float64Array;
  private readonly mean: Float64Array;
  private readonly min: Float64Array;
  private readonly max: Float64Array;
  private readonly w: Float64Array;
  // The point being filled: `pending` samples so far, each channel summarized like a committed point.
  private pending = 0;
  private pFirst = 0;
  private pLast = 0;
  private readonly pSum: Float64Array;
  private readonly pMin: Float64Array;
  private readonly pMax: Float64Array;
  private readonly pW: Float64Array;

  constructor(channels: number, capacity = 512) {
    if (capacity < 2 || capacity % 2 !== 0) throw new Error('capacity must be an even number ≥ 2');
    this.channels = channels;
    this.capacity = capacity;
    const n = channels * capacity;
    this.first = new Float64Array(capacity);
    this.last = new Float64Array(capacity);
    this.mean = new Float64Array(n);
    this.min = new Float64Array(n);
    this.max = new Float64Array(n);
    this.w = new Float64Array(n);
    this.pSum = new Float64Array(channels);
    this.pMin = new Float64Array(channels);
    this.pMax = new Float64Array(channels);
    this.pW = new Float64Array(channels);
    this.clearPending();
  }

  clear(): void {
    this.length = 0;
    this.stride = 1;
    this.clearPending();
  }

  /** Points a snapshot holds (committed plus a partly filled one). */
  get points(): number {
    return this.length + (this.pending > 0 ? 1 : 0);
  }

  private clearPending(): void {
    this.pending = 0;
    this.pSum.fill(0);
    this.pMin.fill(Infinity);
    this.pMax.fill(-Infinity);
    this.pW.fill(0);
  }

  /** Adds one sample of plain values (NaN = missing). */
  pushValues(step: number, values: ArrayLike<number>): void {
    const C = this.channels;
    this.begin(step, step);
    for (let c = 0; c < C; c++) {
      const v = values[c];
      if (Number.isNaN(v)) continue;
      this.pSum[c] += v;
      this.pW[c] += 1;
      if (v < this.pMin[c]) this.pMin[c] = v;
      if (v > this.pMax[c]) this.pMax[c] = v;
    }
    this.end();
  }

  /** Adds one sample whose channels already summarize several values (weighted by their count). */
  pushSummaries(stepFirst: number, step: number, values: readonly SampleSummary[]): void {
    this.begin(stepFirst, step);
    values.forEach((s, c) => {
      if (!(s.weight > 0) || Number.isNaN(s.mean)) return;
      this.pSum[c] += s.mean * s.weight;
      this.pW[c] += s.weight;
      if (s.min < this.pMin[c]) this.pMin[c] = s.min;
      if (s.max > this.pMax[c]) this.pMax[c] = s.max;
    });
    this.end();
  }

  private begin(stepFirst: number, step: number): void {
    if (this.pending === 0) this.pFirst = stepFirst;
    this.pLast = step;
    this.pending++;
  }

  private end(): void {
    if (this.pending < this.stride) return;
    const i = this.length, C = this.channels;
    this.first[i] = this.pFirst;
    this.last[i] = this.pLast;
    for (let c = 0; c < C; c++) this.writePending(i * C + c, c);
    this.length++;
    this.clearPending();
    if (this.length === this.capacity) this.halve();
  }

  private writePending(k: number, c: number): void {
    const w = this.pW[c];
    this.w[k] = w;
    this.mean[k] = w > 0 ? this.pSum[c] / w : NaN;
    this.min[k] = w > 0 ? this.pMin[c] : NaN;
    this.max[k] = w > 0 ? this.pMax[c] : NaN;
  }

  /** Merges points (2k, 2k+1) into k: weighted mean, min of mins, max of maxes. */
  private halve(): void {
    const C = this.channels, half = this.length / 2;
    for (let k = 0; k < half; k++) {
      const a = 2 * k, b = a + 1;
      this.first[k] = this.first[a];
      this.last[k] = this.last[b];
      for (let c = 0; c < C; c++) {
        const ia = a * C + c, ib = b * C + c, o = k * C + c;
        const wa = this.w[ia], wb = this.w[ib], w = wa + wb;
        const mean = w > 0 ? ((wa > 0 ? this.mean[ia] * wa : 0) + (wb > 0 ? this.mean[ib] * wb : 0)) / w : NaN;
        const min = wa > 0 && wb > 0 ? Math.min(this.min[ia], this.min[ib]) : wa > 0 ? this.min[ia] : this.min[ib];
        const max = wa > 0 && wb > 0 ? Math.max(this.max[ia], this.max[ib]) : wa > 0 ? this.max[ia] : this.max[ib];
        this.w[o] = w;
        this.mean[o] = mean;
        this.min[o] = min;
        this.max[o] = max;
      }
    }
    this.length = half;
    this.stride *= 2;
  }

  snapshot(): SeriesSnapshot {
    const n = this.points, C = this.channels, L = this.length;
    const stepFirst = new Float64Array(n), stepLast = new Float64Array(n);
    stepFirst.set(this.first.subarray(0, L));
    stepLast.set(this.last.subarray(0, L));
    const mean: Float32Array[] = [], min: Float32Array[] = [], max: Float32Array[] = [];
    for (let c = 0; c < C; c++) {
      const m = new Float32Array(n), lo = new Float32Array(n), hi = new Float32Array(n);
      for (let i = 0; i < L; i++) {
        m[i] = this.mean[i * C + c];
        lo[i] = this.min[i * C + c];
        hi[i] = this.max[i * C + c];
      }
      mean.push(m);
      min.push(lo);
      max.push(hi);
    }
    if (this.pending > 0) {
      stepFirst[L] = this.pFirst;
      stepLast[L] = this.pLast;
      for (let c = 0; c < C; c++) {
        const w = this.pW[c];
        mean[c][L] = w > 0 ? this.pSum[c] / w : NaN;
        min[c][L] = w > 0 ? this.pMin[c] : NaN;
        max[c][L] = w > 0 ? this.pMax[c] : NaN;
      }
    }
    return { stepFirst, stepLast, stride: this.stride, mean, min, max };
  }
}

export const QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

/** Quantiles (linear interpolation) of the first n values of src; `scratch` must hold n values. */
export function quantiles(src: Float32Array, n: number, scratch: Float32Array, out: Float64Array): void {
  const s = scratch.subarray(0, n);
  s.set(src.subarray(0, n));
  s.sort();
  QUANTILES.forEach((q, k) => {
    if (n === 0) {
      out[k] = NaN;
      return;
    }
    const pos = (n - 1) * q, lo = Math.floor(pos), hi = Math.min(n - 1, lo + 1), t = pos - lo;
    out[k] = s[lo] + (s[hi] - s[lo]) * t;
  });
}
