// Training-loop invariants: bit-for-bit reproducibility from seeds, divergence that changes nothing,
// buffers that live across steps, and twins that share parameters but not activations.
import { describe, expect, it } from 'vitest';
import {
  BatchNorm, buildModel, compileNet, Dropout, EVAL_MODE, Rng, rngFor, Trainer, THIS_BATCH_MODE,
  type Model, type NetSpec, type OptimizerSpec, type Split,
} from '../../src/engine/index.ts';
import { sameBits, sameSnapshot, snapshot } from './helpers.ts';

const ADAM: OptimizerSpec = { type: 'adam', lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 1e-3 };
const lab = (over: Partial<NetSpec> = {}): NetSpec => ({
  hidden: [16, 16], activation: 'relu', norm: ['batchnorm', 'layernorm'], normPlacement: 'before',
  dropoutP: 0.3, dropoutInput: true, dropoutHidden: [true, true], dropoutScaling: 'inverted',
  init: 'he', initScale: 1, bnMomentum: 0.1, bnEps: 1e-5, lnEps: 1e-5, ...over,
});

/** Three interleaved spirals-ish classes in 2-D, from the seed's data stream. */
function data(seed: number, n = 192): Split {
  const r = rngFor(seed, 'data');
  const x = new Float32Array(n * 2), y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % 3, t = r.next() * 3, a = t + (c * 2 * Math.PI) / 3;
    x[2 * i] = t * Math.cos(a) + 0.1 * r.normal();
    x[2 * i + 1] = t * Math.sin(a) + 0.1 * r.normal();
    y[i] = c;
  }
  return { x, y, n };
}

function setup(seed: number, dropoutSeed = seed, net = lab()): { model: Model; trainer: Trainer } {
  const model = buildModel(compileNet(net, 2, 3, 'cross_entropy'), { initRng: rngFor(seed, 'init'), dropoutRng: rngFor(dropoutSeed, 'dropout') });
  model.setOptimizer(ADAM);
  return { model, trainer: new Trainer(model, data(seed), 16, rngFor(seed, 'shuffle')) };
}

describe('reproducibility', () => {
  function run(seed: number, dropoutSeed = seed) {
    const { model, trainer } = setup(seed, dropoutSeed);
    const losses = new Float64Array(200);
    let firstMask: Uint8Array | null = null;
    for (let s = 0; s < 200; s++) {
      losses[s] = trainer.trainStep().loss;
      if (s === 0) firstMask = (model.layers[0] as Dropout).mask.slice(0, 16 * 2);
    }
    return { model, losses, firstMask: firstMask!, evalLoss: model.evaluate(trainer.data.x, trainer.data.y, trainer.data.n).loss };
  }

  it('the same seeds give identical runs, bit for bit (200 steps, dropout and BN)', () => {
    const a = run(7), b = run(7);
    expect(a.losses.every((v, i) => Object.is(v, b.losses[i]))).toBe(true);
    expect(sameSnapshot(snapshot(a.model), snapshot(b.model))).toBe(true);
    expect(Object.is(a.evalLoss, b.evalLoss)).toBe(true);
    // It is a real run: it learned something.
    const head = a.losses.slice(0, 20).reduce((s, v) => s + v, 0), tail = a.losses.slice(180).reduce((s, v) => s + v, 0);
    expect(tail).toBeLessThan(head * 0.8);
  });

  it('the named streams of one seed are unrelated, and each is reproducible', () => {
    const draw = (r: Rng): number[] => Array.from({ length: 8 }, () => r.u32());
    const streams = (['data', 'init', 'shuffle', 'dropout', 'view', 'mc'] as const).map((k) => draw(rngFor(7, k)));
    expect(new Set(streams.map((s) => s.join())).size).toBe(streams.length);
    expect(draw(rngFor(7, 'dropout'))).toEqual(streams[3]);
    expect(draw(rngFor(8, 'dropout'))).not.toEqual(streams[3]);
  });

  it('another dropout seed draws other masks and ends elsewhere', () => {
    const a = run(7), c = run(7, 8);
    expect(Array.from(a.firstMask)).not.toEqual(Array.from(c.firstMask));
    expect(sameSnapshot(snapshot(a.model), snapshot(c.model))).toBe(false);
  });
});

describe('divergence changes nothing', () => {
  const counts = (m: Model): number[] => m.params().map((p) => m.optimizer!.stepsOf(p));

  it('a huge learning rate ends in diverged: true with every param, running stat and Adam count as before', () => {
    const { model, trainer } = setup(3, 3, lab({ norm: ['batchnorm', 'batchnorm'] }));
    model.setOptimizer({ ...ADAM, lr: 1e36 });
    let hit = false;
    for (let s = 0; s < 20 && !hit; s++) {
      const before = snapshot(model), c = counts(model), step = trainer.step;
      const r = trainer.trainStep();
      if (!r.diverged) {
        expect(model.params().every((p) => p.value.every(Number.isFinite))).toBe(true);
        continue;
      }
      hit = true;
      expect(Number.isFinite(r.loss)).toBe(false);
      expect(sameSnapshot(snapshot(model), before)).toBe(true);
      expect(counts(model)).toEqual(c);
      expect(trainer.step).toBe(step);
    }
    expect(hit).toBe(true);
  });

  it('a NaN in the input is refused; the next clean step trains and moves the running stats', () => {
    const { model } = setup(4, 4, lab({ norm: ['batchnorm', 'none'] }));
    const d = data(4, 8), x = d.x.slice();
    model.trainStep(d.x, d.y, 8);
    x[3] = NaN;
    const before = snapshot(model), c = counts(model);
    expect(model.trainStep(x, d.y, 8).diverged).toBe(true);
    expect(sameSnapshot(snapshot(model), before)).toBe(true);
    expect(counts(model)).toEqual(c);
    const bn = model.layers.find((l): l is BatchNorm => l instanceof BatchNorm)!;
    const rm = bn.runningMean.slice();
    expect(model.trainStep(d.x, d.y, 8).diverged).toBe(false);
    expect(sameBits(bn.runningMean, rm)).toBe(false);
  });

  it('a finite loss with an overflowing gradient is refused too', () => {
    const model = buildModel(
      { input: 2, layers: [{ type: 'linear', out: 3 }, { type: 'batchnorm' }, { type: 'linear', out: 1 }], loss: 'mse' },
      { initRng: new Rng(1), dropoutRng: new Rng(2) },
    );
    model.setOptimizer({ type: 'sgd', lr: 0.1, momentum: 0, weightDecay: 0 });
    const x = new Float32Array([1, 2, 3, -1, 0.5, 0.2, -2, 1]), y = new Float32Array([3e38, -3e38, 3e38, -3e38]);
    // The loss itself is finite (computed in double); its float32 gradients overflow.
    expect(Number.isFinite(model.loss.forward(model.forward(x, 4, THIS_BATCH_MODE), y, 4, false))).toBe(true);
    const before = snapshot(model);
    expect(model.trainStep(x, y, 4).diverged).toBe(true);
    expect(sameSnapshot(snapshot(model), before)).toBe(true);
  });
});

describe('Trainer and evaluate', () => {
  it('an epoch visits distinct rows, drops the last partial batch, then reshuffles', () => {
    const n = 10, model = buildModel({ input: 1, layers: [{ type: 'linear', out: 2 }], loss: 'cross_entropy' }, { initRng: new Rng(1), dropoutRng: new Rng(2) });
    model.setOptimizer({ type: 'sgd', lr: 0, momentum: 0, weightDecay: 0 });
    const t = new Trainer(model, { x: new Float32Array(n).map((_, i) => i + 1), y: new Int32Array(n), n }, 4, new Rng(3));
    const epochs: number[][] = [];
    for (let s = 0; s < 6; s++) {
      t.trainStep();
      (epochs[t.epoch] ??= []).push(...t.batchX.subarray(0, 4));
    }
    expect(epochs.map((e) => e.length)).toEqual([8, 8, 8]);
    for (const e of epochs) expect(new Set(e).size).toBe(8);
    expect(epochs[1]).not.toEqual(epochs[0]);
  });

  it('evaluate does not depend on the chunk size and changes no state', () => {
    const { model, trainer } = setup(9);
    for (let s = 0; s < 20; s++) trainer.trainStep();
    const { x, y, n } = trainer.data, before = snapshot(model);
    const whole = model.evaluate(x, y, n), small = model.evaluate(x, y, n, 7);
    expect(small.accuracy).toBe(whole.accuracy);
    expect(Math.abs(small.loss - whole.loss)).toBeLessThan(1e-9);
    expect(whole.accuracy).toBeGreaterThan(0.5);
    expect(sameSnapshot(snapshot(model), before)).toBe(true);
  });
});

describe('buffers', () => {
  it('layer buffers keep their identity across steps of one batch size (and a smaller evaluation)', () => {
    const { model, trainer } = setup(5);
    trainer.trainStep();
    const outs = model.layers.map((l) => l.out);
    const masks = model.layers.map((l) => (l instanceof Dropout ? l.mask : null));
    const xhats = model.layers.map((l) => (l instanceof BatchNorm ? l.xhat : null));
    const grad = model.loss.grad, bx = trainer.batchX;
    for (let s = 0; s < 30; s++) trainer.trainStep();
    model.forward(trainer.data.x, 8, EVAL_MODE);
    model.layers.forEach((l, i) => {
      expect(l.out, `layer ${i} out`).toBe(outs[i]);
      if (l instanceof Dropout) expect(l.mask).toBe(masks[i]);
      if (l instanceof BatchNorm) expect(l.xhat).toBe(xhats[i]);
    });
    expect(model.loss.grad).toBe(grad);
    expect(trainer.batchX).toBe(bx);
  });
});

describe('Model.twin', () => {
  it('shares parameters and running statistics, starts with the settings in force, but owns its buffers', () => {
    const { model, trainer } = setup(6);
    trainer.trainStep();
    const twin = model.twin(new Rng(99));
    model.layers.forEach((l, i) => {
      const t = twin.layers[i];
      expect(t).not.toBe(l);
      t.params.forEach((p, k) => expect(p.value).toBe(l.params[k].value));
      if (l instanceof BatchNorm) {
        const tb = t as BatchNorm;
        expect(tb.cfg).toEqual(l.cfg);
        expect(tb.runningMean).toBe(l.runningMean);
        expect(tb.runningVar).toBe(l.runningVar);
      }
      if (l instanceof Dropout) expect((t as Dropout).cfg).toEqual(l.cfg);
    });

    const B = 16, training = model.layers.map((l) => l.out.slice(0, B * l.outDim));
    const probe = data(60, 40);
    twin.forward(probe.x, 40, EVAL_MODE);
    twin.layers.forEach((t, i) => expect(t.out).not.toBe(model.layers[i].out));
    // The training batch's activations are still readable after the twin ran.
    model.layers.forEach((l, i) => expect(sameBits(l.out.subarray(0, B * l.outDim), training[i])).toBe(true));

    // Training the model moves what the twin computes; the twin's evaluation moved no statistics.
    const before = twin.forward(probe.x, 40, EVAL_MODE).slice(0, 40 * 3);
    const stats = snapshot(model);
    twin.forward(probe.x, 40, EVAL_MODE);
    expect(sameSnapshot(snapshot(model), stats)).toBe(true);
    trainer.trainStep();
    expect(sameBits(twin.forward(probe.x, 40, EVAL_MODE).slice(0, 40 * 3), before)).toBe(false);
    // A live change of p on the model reaches the twin (test/engine/live.test.ts covers the rest).
    model.applyLive({ layers: model.live.layers.map((l) => (l.type === 'dropout' ? { ...l, p: 0 } : l)), teach: model.live.teach });
    expect((twin.layers[0] as Dropout).p).toBe(0);
  });
});
