// The third peer: jax-js (@jax-js/jax) on its `wasm` device, written the way a JAX user would: a pure
// loss over a parameter list, valueAndGrad with the BN batch statistics as auxiliary outputs, and the
// whole training step (gradient, optimizer, running statistics) under one jit, so jax-js compiles it
// into fused WebAssembly kernels. Dropout masks are inputs (drawn beforehand, like the batches). It
// starts from the engine's initial weights and cycles the same prepared batches as the tfjs peer.
//
// Node 20: `init()` with no argument also probes WebGPU through `navigator.gpu`, and Node 20 has no
// global `navigator` (Node 21 added it), so it throws a ReferenceError. `init('wasm')` asks for the
// wasm device only. Node has no global `Worker`, so jax-js runs its kernels on this one thread.
import { init, defaultDevice, jit, lax, nn, numpy as np, valueAndGrad } from '@jax-js/jax';
import type { Workload } from './workloads.ts';
import type { Runner } from './runner.ts';
import { convOutputShape } from './workloads.ts';
import { dropoutMasks, initialWeights, preparedBatches } from './peer-data.ts';

const BN_EPS = 1e-5;
const BN_MOMENTUM = 0.1;

let ready: Promise<void> | null = null;
export function initJax(): Promise<void> {
  ready ??= init('wasm').then(() => void defaultDevice('wasm'));
  return ready;
}

type State = { p: np.Array[]; m: np.Array[]; v: np.Array[]; rm: np.Array[]; rv: np.Array[] };

/** Batch norm over `axes` (keepdims), PyTorch's training rule; returns y, the batch mean and biased variance. */
function batchNorm(h: np.Array, gamma: np.Array, beta: np.Array, axes: number[]): [np.Array, np.Array, np.Array] {
  const mean = np.mean(h.ref, axes, { keepdims: true });
  const d = h.sub(mean.ref);
  const variance = np.mean(np.square(d.ref), axes, { keepdims: true });
  const y = d.div(np.sqrt(variance.ref.add(BN_EPS))).mul(gamma).add(beta);
  return [y, mean, variance];
}

/** The network's loss; params are consumed in order. aux = [batch means..., batch variances...]. */
function lossFn(w: Workload) {
  const act = (h: np.Array) => (w.activation === 'relu' ? nn.relu(h) : np.tanh(h));
  return (params: np.Array[], x: np.Array, y: np.Array, masks: np.Array[]): [np.Array, np.Array[]] => {
    let i = 0;
    const means: np.Array[] = [], vars: np.Array[] = [];
    let h = x;
    if (w.conv && w.image) {
      h = h.reshape([w.batch, w.image.channels, w.image.height, w.image.width]);
      for (const b of w.conv) {
        h = lax.convGeneralDilated(h, params[i++], [1, 1], [[b.padding, b.padding], [b.padding, b.padding]]).add(params[i++]);
        if (b.bn) {
          const [yy, mean, variance] = batchNorm(h, params[i++], params[i++], [0, 2, 3]);
          h = yy;
          means.push(mean), vars.push(variance);
        }
        h = act(h);
        if (b.pool) h = lax.reduceWindow(h, np.max, [2, 2], [2, 2]);
      }
      h = h.reshape([w.batch, convOutputShape(w).reduce((a, c) => a * c, 1)]);
    }
    let k = 0;
    for (const blk of w.hidden) {
      h = np.dot(h, params[i++]).add(params[i++]);
      if (blk.bn) {
        const [yy, mean, variance] = batchNorm(h, params[i++], params[i++], [0]);
        h = yy;
        means.push(mean), vars.push(variance);
      }
      h = act(h);
      if (blk.dropout > 0) h = h.mul(masks[k++]);
    }
    const logits = np.dot(h, params[i++]).add(params[i++]);
    const loss = nn.logSoftmax(logits).mul(y).sum().mul(-1 / w.batch);
    return [loss, [...means, ...vars]];
  };
}

/** Values per channel each BN layer's statistics were taken over (for the unbiased running variance). */
function bnCounts(w: Workload): number[] {
  const counts: number[] = [];
  let h = w.image?.height ?? 1, wd = w.image?.width ?? 1;
  for (const b of w.conv ?? []) {
    h = h + 2 * b.padding - b.kernel + 1;
    wd = wd + 2 * b.padding - b.kernel + 1;
    if (b.bn) counts.push(w.batch * h * wd);
    if (b.pool) (h = Math.floor(h / 2)), (wd = Math.floor(wd / 2));
  }
  for (const blk of w.hidden) if (blk.bn) counts.push(w.batch);
  return counts;
}

function makeStep(w: Workload) {
  const vg = valueAndGrad(lossFn(w), { hasAux: true });
  const o = w.optimizer, counts = bnCounts(w);
  // hyper (Adam only) = [a, s] with a = lr/(1−β1^t), s = 1/√(1−β2^t): the bias corrections, computed per
  // step outside, as the engine does. SGD takes none, so it uploads nothing per step but the masks.
  return jit((st: State, x: np.Array, y: np.Array, masks: np.Array[], hyper: np.Array[]): [State, np.Array] => {
    const [[loss, stats], g] = vg(st.p.map((a) => a.ref), x, y, masks);
    let p: np.Array[], m: np.Array[], v: np.Array[];
    if (o.type === 'adam') {
      const [a, s] = hyper;
      m = st.m.map((mi, j) => mi.mul(o.beta1).add(g[j].ref.mul(1 - o.beta1)));
      v = st.v.map((vi, j) => vi.mul(o.beta2).add(np.square(g[j]).mul(1 - o.beta2)));
      p = st.p.map((pi, j) => pi.sub(m[j].ref.mul(a.ref).div(np.sqrt(v[j].ref).mul(s.ref).add(o.eps))));
      a.dispose(), s.dispose();
    } else if (o.momentum > 0) {
      // PyTorch: the first buffer is the gradient itself, which is momentum × a zero buffer + g.
      m = st.m.map((mi, j) => mi.mul(o.momentum).add(g[j]));
      p = st.p.map((pi, j) => pi.sub(m[j].ref.mul(o.lr)));
      v = st.v;
    } else {
      p = st.p.map((pi, j) => pi.sub(g[j].mul(o.lr)));
      m = st.m, v = st.v;
    }
    const nb = counts.length;
    const rm = st.rm.map((r, j) => r.mul(1 - BN_MOMENTUM).add(stats[j].mul(BN_MOMENTUM)));
    const rv = st.rv.map((r, j) => r.mul(1 - BN_MOMENTUM).add(stats[nb + j].mul((BN_MOMENTUM * counts[j]) / (counts[j] - 1))));
    return [{ p, m, v, rm, rv }, loss];
  });
}

function initialState(w: Workload): State {
  const iw = initialWeights(w);
  const p: np.Array[] = [], bnShapes: number[][] = [];
  iw.conv.forEach((c, j) => {
    p.push(np.array(c.w).reshape([c.out, c.in, c.k, c.k]), np.array(c.b).reshape([c.out, 1, 1]));
    if (w.conv![j].bn) {
      p.push(np.ones([c.out, 1, 1]), np.zeros([c.out, 1, 1]));
      bnShapes.push([1, c.out, 1, 1]);
    }
  });
  iw.dense.forEach((d, j) => {
    p.push(np.array(d.w).reshape([d.in, d.out]), np.array(d.b));
    if (j < w.hidden.length && w.hidden[j].bn) {
      p.push(np.ones([d.out]), np.zeros([d.out]));
      bnShapes.push([1, d.out]);
    }
  });
  const zerosLike = () => p.map((a) => np.zeros(a.shape));
  const useM = w.optimizer.type === 'adam' || w.optimizer.momentum > 0;
  return {
    p,
    m: useM ? zerosLike() : [],
    v: w.optimizer.type === 'adam' ? zerosLike() : [],
    rm: bnShapes.map((s) => np.zeros(s)),
    rv: bnShapes.map((s) => np.ones(s)),
  };
}

export function jaxRunner(w: Workload): Runner {
  let built: {
    state: State;
    step: ReturnType<typeof makeStep>;
    batches: { x: np.Array; y: np.Array }[];
    masks: np.Array[][];
  } | null = null;
  let cursor = 0, t = 0, last = 0;
  const o = w.optimizer;

  function build() {
    const D = w.input;
    return {
      state: initialState(w),
      step: makeStep(w),
      batches: preparedBatches(w).map((b) => ({ x: np.array(b.x).reshape([w.batch, D]), y: np.array(b.onehot).reshape([w.batch, w.classes]) })),
      masks: dropoutMasks(w).map((set) => set.map((mk, j) => np.array(mk).reshape([w.batch, w.hidden.filter((h) => h.dropout > 0)[j].width]))),
    };
  }

  function step(): void {
    const b = built!;
    const k = cursor;
    cursor = (cursor + 1) % b.batches.length;
    t++;
    const hyper = o.type === 'adam' ? [np.array([o.lr / (1 - Math.pow(o.beta1, t))]).reshape([]), np.array([1 / Math.sqrt(1 - Math.pow(o.beta2, t))]).reshape([])] : [];
    const [state, loss] = b.step(b.state, b.batches[k].x.ref, b.batches[k].y.ref, b.masks[k].map((mk) => mk.ref), hyper);
    b.state = state;
    // jax-js is lazy: reading the loss (4 bytes) runs this step's kernels. Left unread, each step's
    // pending work would chain onto the next and grow the bookkeeping with the chunk length.
    last = loss.dataSync()[0];
  }

  return {
    label: 'jax_wasm',
    async activate() {
      await initJax();
      if (!built) built = build();
    },
    steps(n: number) {
      for (let i = 0; i < n; i++) step();
    },
    lastLoss() {
      return last;
    },
    dispose() {
      if (!built) return;
      const st = built.state;
      for (const a of [...st.p, ...st.m, ...st.v, ...st.rm, ...st.rv]) a.dispose();
      for (const b of built.batches) b.x.dispose(), b.y.dispose();
      for (const set of built.masks) for (const mk of set) mk.dispose();
      built.step.dispose();
      built = null;
    },
  };
}
