// The tfjs peer's convolution. tfjs works channels-last (NHWC, filters k×k×in×out); the weights come
// from PyTorch's layout (out×in×k×k) and the first linear layer's rows are permuted so that flattening
// NHWC feeds each weight the same value as PyTorch's NCHW flatten: all sides do the same arithmetic.
//
// tfjs-backend-wasm 4.22 registers Conv2D and Conv2DBackpropInput but no Conv2DBackpropFilter, so
// tf.grad with respect to a filter throws there. On such a backend the conv gets a tf.customGrad
// whose filter gradient is itself a tf.conv2d, on transposed tensors: with the batch as the channel
// axis, ∂F[u][v][c][o] = Σ_b Σ_i Σ_j Xpad[b][i+u][j+v][c] · ∂Y[b][i][j][o] is a convolution of X
// (as C×H×W×B) by ∂Y (as H'×W'×B×O), giving C×k×k×O.
import * as tf from '@tensorflow/tfjs-core';

export const FILTER_GRAD_NOTE =
  'tfjs-wasm 4.22 has no Conv2DBackpropFilter kernel: its conv filter gradient is a tf.customGrad that computes it as a tf.conv2d on transposed tensors';

/** Whether the current backend lacks the filter-gradient kernel (so the peer needs the custom gradient). */
export function needsCustomFilterGrad(): boolean {
  return tf.getKernel('Conv2DBackpropFilter', tf.getBackend()) === undefined;
}

export type Conv = (x: tf.Tensor4D, f: tf.Tensor4D) => tf.Tensor4D;

/** Stride-1 convolution with `pad` zeros on every side; the custom filter gradient where the backend has none. */
export function makeConv(pad: number): Conv {
  if (!needsCustomFilterGrad()) return (x, f) => tf.conv2d(x, f, 1, pad);
  const conv = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x, f, save] = args as [tf.Tensor4D, tf.Tensor4D, tf.GradSaveFunc];
    save([x, f]);
    return {
      value: tf.conv2d(x, f, 1, pad),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [xs, fs] = saved as [tf.Tensor4D, tf.Tensor4D];
        const dx = tf.conv2dTranspose(dy as tf.Tensor4D, fs, xs.shape, 1, pad);
        const dfT = tf.conv2d(tf.transpose(xs, [3, 1, 2, 0]), tf.transpose(dy, [1, 2, 0, 3]) as tf.Tensor4D, 1, pad);
        return [dx, tf.transpose(dfT, [1, 2, 0, 3])];
      },
    };
  });
  return (x, f) => conv(x, f) as tf.Tensor4D;
}

/** PyTorch's out×in×k×k filter as tfjs' k×k×in×out. */
export function filterToHwio(w: Float32Array, out: number, inC: number, k: number): Float32Array {
  const f = new Float32Array(w.length);
  for (let o = 0; o < out; o++)
    for (let c = 0; c < inC; c++)
      for (let u = 0; u < k; u++) for (let v = 0; v < k; v++) f[((u * k + v) * inC + c) * out + o] = w[((o * inC + c) * k + u) * k + v];
  return f;
}

/** Rows of an in×out weight reordered from NCHW-flatten order (c·H·W + i·W + j) to NHWC's ((i·W + j)·C + c). */
export function rowsToNhwc(w: Float32Array, c: number, h: number, wd: number, out: number): Float32Array {
  const r = new Float32Array(w.length);
  for (let ch = 0; ch < c; ch++)
    for (let i = 0; i < h; i++)
      for (let j = 0; j < wd; j++) {
        const from = (ch * h * wd + i * wd + j) * out, to = ((i * wd + j) * c + ch) * out;
        r.set(w.subarray(from, from + out), to);
      }
  return r;
}
