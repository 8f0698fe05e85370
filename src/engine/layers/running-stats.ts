// PyTorch's running-statistics update, shared by BatchNorm (per feature over B rows) and BatchNorm2d
// (per channel over N·H·W values): running ← (1 − momentum)·running + momentum·batch, with the batch
// variance made unbiased by n/(n − 1). Readable float64 reference: src/engine/reference.ts.

/** Moves `runningMean`/`runningVar` towards this batch's mean and biased variance over n values each. */
export function updateRunningStats(
  runningMean: Float32Array,
  runningVar: Float32Array,
  mean: ArrayLike<number>,
  biasedVar: ArrayLike<number>,
  n: number,
  momentum: number,
): void {
  const m = momentum, unbias = n / (n - 1);
  for (let j = 0; j < runningMean.length; j++) {
    runningMean[j] = (1 - m) * runningMean[j] + m * mean[j];
    runningVar[j] = (1 - m) * runningVar[j] + m * biasedVar[j] * unbias;
  }
}
