// The peer: the same network trained with @tensorflow/tfjs-core on one of its backends, written the way
// a tfjs user would (variables, optimizer.minimize inside tf.tidy, tf.moments + tf.batchNorm, tf.dropout,
// softmax cross-entropy). It starts from the engine's initial weights and draws batches from the same
// data; batches are uploaded once beforehand, which only favours tfjs.
import * as tf from '@tensorflow/tfjs-core';
import type { Workload } from './workloads.ts';
import type { Runner } from './runner.ts';
import { buildEngineModel } from './engine-runner.ts';
import { Linear } from '../src/engine/layers/linear.ts';
import { Rng } from '../src/engine/rng.ts';

const BN_EPS = 1e-5;
const BN_MOMENTUM = 0.1;
const PREPARED_BATCHES = 16;

interface TfBlock {
  w: tf.Variable;
  b: tf.Variable;
  gamma: tf.Variable | null;
  beta: tf.Variable | null;
  runMean: tf.Variable | null;
  runVar: tf.Variable | null;
  dropout: number;
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
    // Same starting point as the engine: copy its initial weights (both store W as in × out).
    const linears = buildEngineModel(w).layers.filter((l): l is Linear => l instanceof Linear);
    // A variable shares its initial tensor's data; the initial tensor itself can go.
    const variable = (t: tf.Tensor, trainable = true): tf.Variable => {
      const v = tf.variable(t, trainable);
      t.dispose();
      return v;
    };
    const blocks: TfBlock[] = w.hidden.map((h, i) => {
      const lin = linears[i];
      return {
        w: variable(tf.tensor2d(lin.weight.value, [lin.inDim, lin.outDim])),
        b: variable(tf.zeros([lin.outDim])),
        gamma: h.bn ? variable(tf.ones([h.width])) : null,
        beta: h.bn ? variable(tf.zeros([h.width])) : null,
        runMean: h.bn ? variable(tf.zeros([h.width]), false) : null,
        runVar: h.bn ? variable(tf.ones([h.width]), false) : null,
        dropout: h.dropout,
      };
    });
    const out = linears[linears.length - 1];
    const wOut = variable(tf.tensor2d(out.weight.value, [out.inDim, out.outDim]));
    const bOut = variable(tf.zeros([out.outDim]));
    const trainable: tf.Variable[] = [];
    for (const b of blocks) {
      trainable.push(b.w, b.b);
      if (b.gamma && b.beta) trainable.push(b.gamma, b.beta);
    }
    trainable.push(wOut, bOut);

    // Mini-batches drawn from the data set without replacement, as the engine's Trainer draws them.
    const rng = new Rng(11, 3);
    const order = Int32Array.from({ length: w.data.n }, (_, i) => i);
    rng.shuffle(order);
    const batches: { x: tf.Tensor2D; y: tf.Tensor2D }[] = [];
    const D = w.input, B = w.batch;
    for (let k = 0; k < PREPARED_BATCHES; k++) {
      const bx = new Float32Array(B * D), labels = new Int32Array(B);
      for (let r = 0; r < B; r++) {
        const i = order[(k * B + r) % w.data.n];
        bx.set(w.data.x.subarray(i * D, i * D + D), r * D);
        labels[r] = w.data.y[i];
      }
      batches.push({
        x: tf.tensor2d(bx, [B, D]),
        y: tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), w.classes), 'float32') as tf.Tensor2D),
      });
    }
    return { blocks, wOut, bOut, trainable, batches, opt: makeOptimizer(w), act: w.activation };
  }

  function step(returnCost: boolean): void {
    const m = built!;
    const batch = m.batches[cursor];
    cursor = (cursor + 1) % m.batches.length;
    const stats: tf.Tensor[] = [];
    tf.tidy(() => {
      const cost = m.opt.minimize(
        () => {
          let h: tf.Tensor = batch.x;
          for (const blk of m.blocks) {
            h = tf.add(tf.matMul(h, blk.w), blk.b);
            if (blk.gamma && blk.beta) {
              const { mean, variance } = tf.moments(h, 0);
              stats.push(tf.keep(mean), tf.keep(variance));
              h = tf.batchNorm(h, mean, variance, blk.beta, blk.gamma, BN_EPS);
            }
            h = m.act === 'relu' ? tf.relu(h) : tf.tanh(h);
            if (blk.dropout > 0) h = tf.dropout(h, blk.dropout);
          }
          const logits = tf.add(tf.matMul(h, m.wOut), m.bOut);
          return tf.losses.softmaxCrossEntropy(batch.y, logits) as tf.Scalar;
        },
        returnCost,
        m.trainable,
      );
      // Running statistics move after the step, with the unbiased variance (PyTorch's rule).
      const unbias = batch.x.shape[0] / (batch.x.shape[0] - 1);
      let s = 0;
      for (const blk of m.blocks) {
        if (!blk.runMean || !blk.runVar) continue;
        const mean = stats[s++], variance = stats[s++];
        blk.runMean.assign(tf.add(tf.mul(blk.runMean, 1 - BN_MOMENTUM), tf.mul(mean, BN_MOMENTUM)));
        blk.runVar.assign(tf.add(tf.mul(blk.runVar, 1 - BN_MOMENTUM), tf.mul(variance, BN_MOMENTUM * unbias)));
      }
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
      for (const b of built.blocks) {
        b.runMean?.dispose();
        b.runVar?.dispose();
      }
      for (const b of built.batches) {
        b.x.dispose();
        b.y.dispose();
      }
      built.opt.dispose();
      built = null;
    },
  };
}
