// The readable reference engine: a float64 MLP with plain nested arrays and the chain rule spelled out
// step by step, written from test/parity/README.md alone. It shares no code with the fast layers
// (layers/*.ts, whose headers point here), and the tests check those layers against it. Slow on
// purpose: read it to learn what the fast kernels compute; never call it on a hot path.
// Parameters are kept as float32 values between steps, as PyTorch does.

export type Mat = number[][];
const f32 = Math.fround;


export type RefLayer =
  | { type: 'linear'; W: Mat; b: number[] | null } // W is out × in (PyTorch layout)
  | { type: 'batchnorm'; gamma: number[]; beta: number[]; rm: number[]; rv: number[]; eps: number; momentum: number }
  | { type: 'layernorm'; gamma: number[]; beta: number[]; eps: number }
  | { type: 'relu' | 'tanh' | 'sigmoid' }
  | { type: 'dropout'; p: number; scaling: 'inverted' | 'classic' };

export type RefOpt =
  | { type: 'sgd'; lr: number; momentum: number; weightDecay: number }
  | { type: 'adam'; lr: number; beta1: number; beta2: number; eps: number; weightDecay: number };

export interface RefStep {
  outputs: Mat[];
  loss: number;
  inputGrad: Mat;
  /** Gradients by PyTorch key ("0.weight" as out×in, "1.gamma", …), before the update. */
  grads: Record<string, number[] | Mat>;
  paramsAfter: Record<string, number[] | Mat>;
  buffersAfter: Record<string, number[]>;
}

const cols = (m: Mat): number => m[0].length;
const column = (m: Mat, j: number): number[] => m.map((r) => r[j]);
const sum = (v: number[]): number => v.reduce((s, x) => s + x, 0);
const zeros = (r: number, c: number): Mat => Array.from({ length: r }, () => new Array<number>(c).fill(0));

/** One normalization group (a BN column or an LN row): biased variance. */
function normalize(x: number[], eps: number): { mu: number; v: number; xhat: number[] } {
  const n = x.length, mu = sum(x) / n;
  const v = sum(x.map((a) => (a - mu) ** 2)) / n;
  return { mu, v, xhat: x.map((a) => (a - mu) / Math.sqrt(v + eps)) };
}

/** ∂L/∂x of one group through x̂ = (x − μ)/√(σ² + ε), by the chain rule through μ and σ² separately. */
function normalizeBack(x: number[], dxhat: number[], eps: number): number[] {
  const n = x.length, { mu, v } = normalize(x, eps), sd = Math.sqrt(v + eps);
  const dvar = sum(dxhat.map((d, i) => d * (x[i] - mu))) * -0.5 * sd ** -3;
  const dmu = sum(dxhat.map((d) => -d / sd)) + (dvar * sum(x.map((a) => -2 * (a - mu)))) / n;
  return x.map((a, i) => dxhat[i] / sd + (dvar * 2 * (a - mu)) / n + dmu / n);
}

const sigmoid = (a: number): number => 1 / (1 + Math.exp(-a));

/** Forward pass. `masks[i]` is the keep-mask of dropout layer i (train only). Mutates running stats in train. */
export function refForward(net: RefLayer[], X: Mat, train: boolean, masks: Record<number, Mat> = {}): Mat[] {
  const outs: Mat[] = [];
  let h = X;
  net.forEach((l, i) => {
    const B = h.length;
    let y: Mat;
    switch (l.type) {
      case 'linear':
        y = h.map((row) => l.W.map((w, o) => sum(w.map((wj, j) => wj * row[j])) + (l.b ? l.b[o] : 0)));
        break;
      case 'batchnorm': {
        y = zeros(B, cols(h));
        for (let j = 0; j < cols(h); j++) {
          const x = column(h, j);
          let xhat: number[];
          if (train) {
            const nz = normalize(x, l.eps);
            xhat = nz.xhat;
            l.rm[j] = f32((1 - l.momentum) * l.rm[j] + l.momentum * nz.mu);
            l.rv[j] = f32((1 - l.momentum) * l.rv[j] + (l.momentum * nz.v * B) / (B - 1));
          } else {
            xhat = x.map((a) => (a - l.rm[j]) / Math.sqrt(l.rv[j] + l.eps));
          }
          xhat.forEach((v, b) => (y[b][j] = l.gamma[j] * v + l.beta[j]));
        }
        break;
      }
      case 'layernorm':
        y = h.map((row) => normalize(row, l.eps).xhat.map((v, j) => l.gamma[j] * v + l.beta[j]));
        break;
      case 'relu':
        y = h.map((r) => r.map((a) => Math.max(a, 0)));
        break;
      case 'tanh':
        y = h.map((r) => r.map(Math.tanh));
        break;
      case 'sigmoid':
        y = h.map((r) => r.map(sigmoid));
        break;
      case 'dropout': {
        const s = l.scaling === 'inverted' ? f32(1 / (1 - l.p)) : 1;
        const M = masks[i];
        if (train && !M) throw new Error(`reference: no mask for dropout layer ${i}`);
        y = train ? h.map((r, b) => r.map((a, j) => a * M[b][j] * s)) : h.map((r) => r.map((a) => (l.scaling === 'classic' ? a * (1 - l.p) : a)));
        break;
      }
    }
    outs.push(y);
    h = y;
  });
  return outs;
}

export function refLoss(z: Mat, y: number[] | Mat, kind: 'cross_entropy' | 'mse'): { loss: number; dz: Mat } {
  const B = z.length, C = cols(z);
  if (kind === 'cross_entropy') {
    const labels = y as number[];
    let loss = 0;
    const dz = z.map((r, b) => {
      const lse = Math.log(sum(r.map(Math.exp)));
      loss += lse - r[labels[b]];
      return r.map((a, c) => (Math.exp(a - lse) - (c === labels[b] ? 1 : 0)) / B);
    });
    return { loss: loss / B, dz };
  }
  const t = y as Mat;
  let loss = 0;
  const dz = z.map((r, b) => r.map((a, c) => {
    loss += (a - t[b][c]) ** 2;
    return (2 * (a - t[b][c])) / (B * C);
  }));
  return { loss: loss / (B * C), dz };
}

/** Optimizer state by parameter key. */
export type RefOptState = Map<string, { buf?: number[]; m?: number[]; v?: number[]; t: number }>;

function update(key: string, value: number[], grad: number[], opt: RefOpt, state: RefOptState): number[] {
  const st = state.get(key) ?? { t: 0 };
  state.set(key, st);
  const g = grad.map((gi, i) => gi + opt.weightDecay * value[i]);
  if (opt.type === 'sgd') {
    if (opt.momentum === 0) return value.map((w, i) => f32(w - opt.lr * g[i]));
    st.buf = st.buf ? st.buf.map((b, i) => opt.momentum * b + g[i]) : g.slice();
    const buf = st.buf;
    return value.map((w, i) => f32(w - opt.lr * buf[i]));
  }
  st.t++;
  const m = (st.m = (st.m ?? g.map(() => 0)).map((mi, i) => opt.beta1 * mi + (1 - opt.beta1) * g[i]));
  const v = (st.v = (st.v ?? g.map(() => 0)).map((vi, i) => opt.beta2 * vi + (1 - opt.beta2) * g[i] ** 2));
  const c1 = 1 - opt.beta1 ** st.t, c2 = 1 - opt.beta2 ** st.t;
  return value.map((w, i) => f32(w - (opt.lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + opt.eps)));
}

/** One train step: forward, loss, backward, update (mutates net). Returns what a fixture expects, in float64. */
export function refTrainStep(
  net: RefLayer[], X: Mat, y: number[] | Mat, kind: 'cross_entropy' | 'mse', opt: RefOpt, state: RefOptState, masks: Record<number, Mat> = {},
): RefStep {
  const outputs = refForward(net, X, true, masks);
  const { loss, dz } = refLoss(outputs[outputs.length - 1], y, kind);
  const grads: RefStep['grads'] = {};
  let g = dz;
  for (let i = net.length - 1; i >= 0; i--) {
    const l = net[i], x = i === 0 ? X : outputs[i - 1], B = x.length;
    switch (l.type) {
      case 'linear':
        grads[`${i}.weight`] = l.W.map((w, o) => w.map((_, j) => sum(x.map((r, b) => g[b][o] * r[j]))));
        if (l.b) grads[`${i}.bias`] = l.b.map((_, o) => sum(g.map((r) => r[o])));
        g = x.map((_, b) => x[0].map((_, j) => sum(l.W.map((w, o) => g[b][o] * w[j]))));
        break;
      case 'batchnorm': {
        const dx = zeros(B, cols(x));
        grads[`${i}.gamma`] = l.gamma.map((_, j) => sum(normalize(column(x, j), l.eps).xhat.map((h, b) => h * g[b][j])));
        grads[`${i}.beta`] = l.beta.map((_, j) => sum(column(g, j)));
        for (let j = 0; j < cols(x); j++) {
          normalizeBack(column(x, j), column(g, j).map((d) => d * l.gamma[j]), l.eps).forEach((v, b) => (dx[b][j] = v));
        }
        g = dx;
        break;
      }
      case 'layernorm': {
        const xh = x.map((r) => normalize(r, l.eps).xhat);
        grads[`${i}.gamma`] = l.gamma.map((_, j) => sum(xh.map((r, b) => r[j] * g[b][j])));
        grads[`${i}.beta`] = l.beta.map((_, j) => sum(column(g, j)));
        g = x.map((r, b) => normalizeBack(r, g[b].map((d, j) => d * l.gamma[j]), l.eps));
        break;
      }
      case 'relu':
        g = g.map((r, b) => r.map((d, j) => (x[b][j] > 0 ? d : 0)));
        break;
      case 'tanh':
        g = g.map((r, b) => r.map((d, j) => d / Math.cosh(x[b][j]) ** 2));
        break;
      case 'sigmoid':
        g = g.map((r, b) => r.map((d, j) => d * sigmoid(x[b][j]) * (1 - sigmoid(x[b][j]))));
        break;
      case 'dropout': {
        const s = l.scaling === 'inverted' ? f32(1 / (1 - l.p)) : 1;
        g = g.map((r, b) => r.map((d, j) => d * masks[i][b][j] * s));
        break;
      }
    }
  }
  const paramsAfter: RefStep['paramsAfter'] = {}, buffersAfter: RefStep['buffersAfter'] = {};
  net.forEach((l, i) => {
    if (l.type === 'linear') {
      const O = l.W.length, I = l.W[0].length;
      const w = update(`${i}.weight`, l.W.flat(), (grads[`${i}.weight`] as Mat).flat(), opt, state);
      l.W = Array.from({ length: O }, (_, o) => w.slice(o * I, o * I + I));
      paramsAfter[`${i}.weight`] = l.W;
      if (l.b) paramsAfter[`${i}.bias`] = l.b = update(`${i}.bias`, l.b, grads[`${i}.bias`] as number[], opt, state);
    } else if (l.type === 'batchnorm' || l.type === 'layernorm') {
      paramsAfter[`${i}.gamma`] = l.gamma = update(`${i}.gamma`, l.gamma, grads[`${i}.gamma`] as number[], opt, state);
      paramsAfter[`${i}.beta`] = l.beta = update(`${i}.beta`, l.beta, grads[`${i}.beta`] as number[], opt, state);
      if (l.type === 'batchnorm') {
        buffersAfter[`${i}.running_mean`] = l.rm.slice();
        buffersAfter[`${i}.running_var`] = l.rv.slice();
      }
    }
  });
  return { outputs, loss, inputGrad: g, grads, paramsAfter, buffersAfter };
}
