// The evaluation loop, written once: a network's loss and accuracy over a set of rows, `chunk` rows per
// forward pass (the chunk is BN's batch when it normalizes with the batch's own statistics), with
// nothing changed but the network's buffers. The lab's metrics, the engine's Model.evaluate and the
// inspection's measurements all run this loop.
import { argmaxRow, type Loss, type Targets } from './loss.ts';

export interface EvalResult {
  loss: number;
  /** Fraction correct (cross-entropy); NaN for MSE. */
  accuracy: number;
}

export interface EvalOptions {
  /** Counts (true class × predicted class) are added here, classification only. */
  confusion?: Uint32Array | null;
  /** Sees each chunk's outputs (B rows from row o) before the next forward overwrites them. */
  onChunk?: (z: Float32Array, o: number, B: number) => void;
}

/**
 * Mean loss and accuracy of the first n rows of X (D values a row) against y: one class index a row
 * (cross-entropy) or the loss's width of targets a row (MSE).
 */
export function evaluateRows(
  forward: (x: Float32Array, B: number) => Float32Array, loss: Loss, D: number,
  X: Float32Array, y: Targets, n: number, chunk: number, opts: EvalOptions = {},
): EvalResult {
  const C = loss.classes, ce = loss.kind === 'cross_entropy', conf = opts.confusion ?? null;
  let lossSum = 0, correct = 0;
  for (let o = 0; o < n; o += chunk) {
    const B = Math.min(chunk, n - o);
    const z = forward(X.subarray(o * D, (o + B) * D), B);
    const yy = ce ? y.subarray(o, o + B) : y.subarray(o * C, (o + B) * C);
    lossSum += loss.forward(z, yy, B, false) * B;
    if (ce) {
      for (let b = 0; b < B; b++) {
        const pred = argmaxRow(z, b, C), truth = yy[b];
        if (pred === truth) correct++;
        if (conf) conf[truth * C + pred]++;
      }
    }
    opts.onChunk?.(z, o, B);
  }
  return { loss: lossSum / n, accuracy: ce ? correct / n : NaN };
}
