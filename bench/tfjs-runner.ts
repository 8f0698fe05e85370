// The peer: the same network trained with @tensorflow/tfjs-core on one of its backends, written the way
// a tfjs user would (variables, optimizer.minimize inside tf.tidy, tf.moments + tf.batchNorm, tf.dropout,
// softmax cross-entropy). It starts from the engine's initial weights and draws batches from the same
// data; batches are uploaded once beforehand, which only favours tfjs.
import * as tf from '@tensorflow/tfjs-core';
import type { Workload } from './workloads.ts';
import type { Runner } from './runner.ts';
import { convOutputShape } from './workloads.ts';
import { initialWeights, preparedBatches } from './peer-data.ts';
import { filterToHwio, makeConv, rowsToNhwc, type Conv } from './tfjs-conv.ts';

const BN_EPS = 1e-5;
const BN_MOMENTUM = 0.1;

interface TfBn {
  gamma: tf.Variable;
  beta: tf.Variable;
  runMean: tf.Variable;
  runVar: tf.Variable;
  /** Values per feature/channel the statistics are taken over (for the unbiased running variance). */
  count: number;
}

interface TfBlock {
  w: tf.Variable;
  b: tf.Variable;
  bn: TfBn | null;
  dropout: number;
}

interface TfConvBlock {
  f: tf.Variable;
  b: tf.Variable;
  bn: TfBn | null;
  pool: boolean;
  conv: Conv;
}

function makeOptimizer(w: Workload): tf.Optimizer {
  const o = w.optimizer;
  if (o.type === 'adam') return tf.train.adam(o.lr, o.beta1, o.beta2, o.eps);
  return o.momentum > 0 ? tf.train.momentum(o.lr, o.momentum) : tf.train.sgd(o.lr);
}

export function tfjsRunner(w: Workload, backend: 'cpu' | 'wasm'): Runner {
  let built: ReturnType<typeof build> | null = null;
  let cursor = 0;
  let last = 0;

  function build() {
    // Same starting point as the engine: its initial weights, the same prepared batches.
    const iw = initialWeights(w);
    // A variable shares its initial tensor's data; the initial tensor itself can go.
    const variable = (t: tf.Tensor, trainable = true): tf.Variable => {
      const v = tf.variable(t, trainable);
      t.dispose();
      return v;
    };
    const bn = (n: number, count: number): TfBn => ({
      gamma: variable(tf.ones([n])),
      beta: variable(tf.zeros([n])),
      runMean: variable(tf.zeros([n]), false),
      runVar: variable(tf.ones([n]), false),
      count,
    });
    let h = w.image?.height ?? 0, wd = w.image?.width ?? 0;
    const convs: TfConvBlock[] = (w.conv ?? []).map((c, i) => {
      const cw = iw.conv[i];
      h = h + 2 * c.padding - c.kernel + 1;
      wd = wd + 2 * c.padding - c.kernel + 1;
      const blk: TfConvBlock = {
        f: variable(tf.tensor4d(filterToHwio(cw.w, cw.out, cw.in, cw.k), [cw.k, cw.k, cw.in, cw.out])),
        b: variable(tf.tensor1d(cw.b)),
        bn: c.bn ? bn(c.channels, w.batch * h * wd) : null,
        pool: c.pool,
        conv: makeConv(c.padding),
      };
      if (c.pool) (h = Math.floor(h / 2)), (wd = Math.floor(wd / 2));
      return blk;
    });
    const dense = iw.dense.map((d, i) => {
      // After the conv blocks, the first linear layer reads an NHWC flatten: permute its rows to match.
      const weights = i === 0 && w.conv ? rowsToNhwc(d.w, ...convOutputShape(w), d.out) : d.w;
      return { w: variable(tf.tensor2d(weights, [d.in, d.out])), b: variable(tf.tensor1d(d.b)) };
    });
    const blocks: TfBlock[] = w.hidden.map((hb, i) => ({ ...dense[i], bn: hb.bn ? bn(hb.width, w.batch) : null, dropout: hb.dropout }));
    const { w: wOut, b: bOut } = dense[dense.length - 1];
    const trainable: tf.Variable[] = [];
    for (const b of [...convs, ...blocks]) {
      trainable.push('f' in b ? b.f : b.w, b.b);
      if (b.bn) trainable.push(b.bn.gamma, b.bn.beta);
    }
    trainable.push(wOut, bOut);
    const bns = [...convs, ...blocks].flatMap((b) => (b.bn ? [b.bn] : []));
    const img = w.image;
    const batches = preparedBatches(w).map((b) => ({
      // NHWC: with one input channel, PyTorch's C×H×W row is already H×W×C.
      x: img ? (tf.tensor4d(channelsLast(b.x, w.batch, img.channels, img.height, img.width), [w.batch, img.height, img.width, img.channels]) as tf.Tensor) : tf.tensor2d(b.x, [w.batch, w.input]),
      y: tf.tensor2d(b.onehot, [w.batch, w.classes]),
    }));
    return { convs, blocks, wOut, bOut, trainable, bns, batches, opt: makeOptimizer(w), act: w.activation };
  }

  function step(returnCost: boolean): void {
    const m = built!;
    const batch = m.batches[cursor];
    cursor = (cursor + 1) % m.batches.length;
    const stats: tf.Tensor[] = [];
    const act = (h: tf.Tensor) => (m.act === 'relu' ? tf.relu(h) : tf.tanh(h));
    const norm = (h: tf.Tensor, bn: TfBn, axes: number[]) => {
      const { mean, variance } = tf.moments(h, axes);
      stats.push(tf.keep(mean), tf.keep(variance));
      return tf.batchNorm(h, mean, variance, bn.beta, bn.gamma, BN_EPS);
    };
    tf.tidy(() => {
      const cost = m.opt.minimize(
        () => {
          let h: tf.Tensor = batch.x;
          for (const c of m.convs) {
            h = tf.add(c.conv(h as tf.Tensor4D, c.f as tf.Tensor4D), c.b);
            if (c.bn) h = norm(h, c.bn, [0, 1, 2]);
            h = act(h);
            if (c.pool) h = tf.maxPool(h as tf.Tensor4D, 2, 2, 'valid');
          }
          if (m.convs.length) h = tf.reshape(h, [h.shape[0], -1]);
          for (const blk of m.blocks) {
            h = tf.add(tf.matMul(h as tf.Tensor2D, blk.w as tf.Tensor2D), blk.b);
            if (blk.bn) h = norm(h, blk.bn, [0]);
            h = act(h);
            if (blk.dropout > 0) h = tf.dropout(h, blk.dropout);
          }
          const logits = tf.add(tf.matMul(h as tf.Tensor2D, m.wOut as tf.Tensor2D), m.bOut);
          return tf.losses.softmaxCrossEntropy(batch.y, logits) as tf.Scalar;
        },
        returnCost,
        m.trainable,
      );
      // Running statistics move after the step, with the unbiased variance (PyTorch's rule).
      m.bns.forEach((bn, s) => {
        const mean = stats[2 * s], variance = stats[2 * s + 1];
        bn.runMean.assign(tf.add(tf.mul(bn.runMean, 1 - BN_MOMENTUM), tf.mul(mean, BN_MOMENTUM)));
        bn.runVar.assign(tf.add(tf.mul(bn.runVar, 1 - BN_MOMENTUM), tf.mul(variance, (BN_MOMENTUM * bn.count) / (bn.count - 1))));
      });
      if (cost) last = cost.dataSync()[0];
    });
    for (const t of stats) t.dispose();
  }

  return {
    label: `tfjs_${backend}`,
    async activate() {
      await tf.setBackend(backend);
      if (!built) built = build();
    },
    steps(n: number) {
      for (let i = 0; i < n; i++) step(i === n - 1);
    },
    lastLoss() {
      return last;
    },
    dispose() {
      if (!built) return;
      for (const v of built.trainable) v.dispose();
      for (const bn of built.bns) bn.runMean.dispose(), bn.runVar.dispose();
      for (const b of built.batches) {
        b.x.dispose();
        b.y.dispose();
      }
      built.opt.dispose();
      built = null;
    },
  };
}

/** B×C×H×W rows as B×H×W×C. */
function channelsLast(x: Float32Array, b: number, c: number, h: number, w: number): Float32Array {
  if (c === 1) return x;
  const out = new Float32Array(x.length);
  for (let n = 0; n < b; n++)
    for (let ch = 0; ch < c; ch++) for (let i = 0; i < h * w; i++) out[(n * h * w + i) * c + ch] = x[(n * c + ch) * h * w + i];
  return out;
}
