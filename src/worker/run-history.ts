// The run's curves: one point per evaluation (train/test loss and accuracy, plus a summary of the
// batch losses since the previous point) and, for chosen layers, quantiles of their outputs on the
// training batch. Both bounded by SummarySeries.
import { HISTORY_KEYS, type ActivationHistory, type History, type HistoryKey, type Metrics } from '../protocol/frame.ts';
import { QUANTILES, SummarySeries, type SampleSummary } from './history.ts';

export class RunHistory {
  readonly metrics: SummarySeries;
  readonly acts: { index: number; series: SummarySeries }[];
  // Batch losses since the last evaluation.
  private blSum = 0;
  private blMin = Infinity;
  private blMax = -Infinity;
  private blN = 0;
  private blFirst = -1;
  private readonly q = new Float64Array(QUANTILES.length);

  constructor(trackedLayers: readonly number[], capacity = 512) {
    this.metrics = new SummarySeries(HISTORY_KEYS.length, capacity);
    this.acts = trackedLayers.map((index) => ({ index, series: new SummarySeries(QUANTILES.length, capacity) }));
  }

  onStep(step: number, loss: number): void {
    if (!Number.isFinite(loss)) return;
    if (this.blN === 0) this.blFirst = step;
    this.blSum += loss;
    this.blN++;
    if (loss < this.blMin) this.blMin = loss;
    if (loss > this.blMax) this.blMax = loss;
  }

  /** Records an evaluation; `fillQuantiles(index, out)` writes a tracked layer's quantiles (false: none). */
  onEval(m: Metrics, fillQuantiles: (index: number, out: Float64Array) => boolean): void {
    const n = this.blN;
    const batch: SampleSummary = n > 0 ? { mean: this.blSum / n, min: this.blMin, max: this.blMax, weight: n } : { mean: NaN, min: NaN, max: NaN, weight: 0 };
    const one = (v: number): SampleSummary => ({ mean: v, min: v, max: v, weight: Number.isNaN(v) ? 0 : 1 });
    const first = n > 0 ? this.blFirst : m.step;
    this.metrics.pushSummaries(first, m.step, [batch, one(m.trainLoss), one(m.testLoss), one(m.trainAcc), one(m.testAcc)]);
    this.blSum = 0;
    this.blMin = Infinity;
    this.blMax = -Infinity;
    this.blN = 0;
    for (const a of this.acts) {
      if (!fillQuantiles(a.index, this.q)) this.q.fill(NaN);
      a.series.pushValues(m.step, this.q);
    }
  }

  snapshot(): { history: History; activations: ActivationHistory } {
    const s = this.metrics.snapshot();
    const pick = (arrs: Float32Array[]): Record<HistoryKey, Float32Array> =>
      Object.fromEntries(HISTORY_KEYS.map((k, i) => [k, arrs[i]])) as Record<HistoryKey, Float32Array>;
    const history: History = {
      ...pick(s.mean),
      step: s.stepLast,
      stepFirst: s.stepFirst,
      stride: s.stride,
      min: pick(s.min),
      max: pick(s.max),
    };
    let actStep: Float64Array = new Float64Array(0);
    let actStride = 1;
    const layers = this.acts.map(({ index, series }) => {
      const a = series.snapshot();
      actStep = a.stepLast;
      actStride = a.stride;
      const n = a.stepLast.length, K = QUANTILES.length, q = new Float32Array(n * K);
      // Keep the envelope when points merge: lowest quantile by min, highest by max, the rest by mean.
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < K; k++) q[i * K + k] = k === 0 ? a.min[k][i] : k === K - 1 ? a.max[k][i] : a.mean[k][i];
      }
      return { index, q };
    });
    return { history, activations: { step: actStep, stride: actStride, layers } };
  }
}
