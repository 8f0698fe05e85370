// The one evaluation loop (engine/evaluate.ts) that the lab's metrics, Model.evaluate and the inspection
// all run: its loss, accuracy and confusion counts against a row-by-row computation written here.
import { describe, expect, it } from 'vitest';
import { EVAL_MODE, Rng, buildModel, compileNet, evaluateRows, type Model, type NetSpec } from '../../src/engine/index.ts';

const D = 3, C = 4, N = 37;

function setup(loss: 'cross_entropy' | 'mse'): { model: Model; X: Float32Array; y: Int32Array | Float32Array } {
  const net: NetSpec = {
    hidden: [8], activation: 'relu', norm: ['batchnorm'], normPlacement: 'before', dropoutP: 0.3, dropoutInput: false, dropoutHidden: [true],
    dropoutScaling: 'inverted', init: 'he', initScale: 1, bnMomentum: 0.1, bnEps: 1e-5, lnEps: 1e-5,
  };
  const spec = compileNet(net, D, C, loss);
  const model = buildModel(spec, { initRng: new Rng(1), dropoutRng: new Rng(2) });
  const r = new Rng(3);
  const X = new Float32Array(N * D).map(() => r.normal());
  const y = loss === 'cross_entropy' ? new Int32Array(N).map(() => r.int(C)) : new Float32Array(N * C).map(() => r.normal());
  return { model, X, y };
}

/** Row by row, in float64: mean −log softmax(z)[y], accuracy, and confusion[truth][pred]. */
function byRow(model: Model, X: Float32Array, y: Int32Array) {
  let loss = 0, correct = 0;
  const conf = new Uint32Array(C * C);
  for (let i = 0; i < N; i++) {
    const z = Array.from(model.forward(X.slice(i * D, (i + 1) * D), 1, EVAL_MODE).slice(0, C));
    const max = Math.max(...z), lse = max + Math.log(z.reduce((s, v) => s + Math.exp(v - max), 0));
    loss += lse - z[y[i]];
    const pred = z.indexOf(max);
    if (pred === y[i]) correct++;
    conf[y[i] * C + pred]++;
  }
  return { loss: loss / N, accuracy: correct / N, conf };
}

describe('evaluateRows', () => {
  it('gives the row-by-row loss, accuracy and confusion (true row × predicted column) for any chunk size', () => {
    const { model, X, y } = setup('cross_entropy');
    const want = byRow(model, X, y as Int32Array);
    for (const chunk of [1, 5, 16, N, 256]) {
      const conf = new Uint32Array(C * C);
      const got = evaluateRows((x, B) => model.forward(x, B, EVAL_MODE), model.loss, D, X, y, N, chunk, { confusion: conf });
      expect(got.loss).toBeCloseTo(want.loss, 5);
      expect(got.accuracy).toBe(want.accuracy);
      expect(Array.from(conf)).toEqual(Array.from(want.conf));
    }
    expect(model.evaluate(X, y, N)).toEqual(evaluateRows((x, B) => model.forward(x, B, EVAL_MODE), model.loss, D, X, y, N, 256));
  });

  it('MSE: the mean squared error over every row and output, no accuracy; onChunk sees every row once', () => {
    const { model, X, y } = setup('mse');
    let want = 0;
    for (let i = 0; i < N; i++) {
      const z = model.forward(X.slice(i * D, (i + 1) * D), 1, EVAL_MODE);
      for (let c = 0; c < C; c++) want += (z[c] - y[i * C + c]) ** 2;
    }
    const seen: number[] = [];
    const got = evaluateRows((x, B) => model.forward(x, B, EVAL_MODE), model.loss, D, X, y, N, 10, { onChunk: (_z, o, B) => seen.push(o, B) });
    expect(got.loss).toBeCloseTo(want / (N * C), 5);
    expect(got.accuracy).toBeNaN();
    expect(seen).toEqual([0, 10, 10, 10, 20, 10, 30, 7]);
  });
});
