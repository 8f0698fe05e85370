// The Inference lab's measurements: invariants of dropout's scaling, Monte-Carlo dropout and BN/LN at
// inference, measured on real trained runs; and the guarantee that measuring never disturbs training.
import { afterEach, describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG, DEFAULT_TEACH, type LabConfig, type TeachFlags } from '../../src/protocol/config.ts';
import type { InspectionReport } from '../../src/protocol/inspection.ts';
import type { WorkerEvent } from '../../src/protocol/messages.ts';
import { BatchNorm } from '../../src/engine/layers/batchnorm.ts';
import { Dropout } from '../../src/engine/layers/dropout.ts';
import { Session } from '../../src/worker/session.ts';
import { MC_MAC_BUDGET, MIN_TEST_ROWS, TRAIN_PASSES, inspect } from '../../src/worker/inspect.ts';
import { sameBits, sameSnapshot, snapshot } from '../engine/helpers.ts';
import { Harness, tinyConfig } from './harness.ts';

function config(net: Partial<LabConfig['net']> = {}, data: Partial<LabConfig['data']> = {}, train: Partial<LabConfig['train']> = {}): LabConfig {
  return {
    arch: 'mlp',
    conv: DEFAULT_CONFIG.conv,
    data: { ...DEFAULT_CONFIG.data, trainSize: 200, testSize: 300, ...data },
    net: { ...DEFAULT_CONFIG.net, hidden: [32, 32], dropoutHidden: [true, true], dropoutP: 0.3, ...net },
    train: { ...DEFAULT_CONFIG.train, ...train },
    seed: 11,
  };
}

function trained(c: LabConfig, steps: number, teach: Partial<TeachFlags> = {}): Session {
  const s = new Session();
  s.configure(c, { ...DEFAULT_TEACH, ...teach }, 'training');
  for (let i = 0; i < steps; i++) s.current.trainStep();
  return s;
}

const firstDropping = (r: InspectionReport) => r.layers[r.scaling!.layer];

describe('training vs inference, per layer', () => {
  test('layers before any dropping dropout (no BN) give exactly the same mean in both modes', () => {
    const r = inspect(trained(config(), 50).current, 10);
    expect(r.layers.map((l) => l.type)).toEqual(['dropout', 'linear', 'relu', 'dropout', 'linear', 'relu', 'dropout', 'linear']);
    expect(r.rows).toBe(64);
    expect(r.trainPasses).toBe(TRAIN_PASSES);
    for (const l of r.layers.slice(0, 3)) {
      expect(l.meanTrain).toBe(l.meanInfer);
      expect(l.ratio).toBe(1);
    }
  });

  test('inverted dropout: inference mean equals the expected training mean (ratio ≈ 1)', () => {
    const r = inspect(trained(config(), 80).current, 10);
    const d = firstDropping(r);
    expect(d.type).toBe('dropout');
    expect(d.index).toBe(3);
    expect(Math.abs(d.ratio - 1)).toBeLessThan(0.04);
    expect(Math.abs(d.meanTrain / d.meanInfer - 1)).toBeLessThan(0.04);
  });

  test('classic dropout: ratio ≈ 1 when scaled at inference, ≈ 1/(1 − p) with the scaling forgotten in the lab', () => {
    const c = config({ dropoutScaling: 'classic', dropoutP: 0.5 });
    const ok = inspect(trained(c, 80).current, 10);
    expect(Math.abs(firstDropping(ok).ratio - 1)).toBeLessThan(0.04);
    expect(ok.scaling!.forgottenInLab).toBe(false);
    const bad = inspect(trained(c, 80, { forgetDropoutScaling: true }).current, 10);
    expect(bad.scaling!.forgottenInLab).toBe(true);
    expect(Math.abs(firstDropping(bad).ratio - 2)).toBeLessThan(0.08);
  });
});

describe('scaling forgotten', () => {
  for (const scaling of ['inverted', 'classic'] as const) {
    test(`${scaling}: the mistake makes the first dropping layer exactly 1/(1 − p) larger, whatever the lab's switch says`, () => {
      for (const forget of [false, true]) {
        const s = trained(config({ dropoutScaling: scaling, dropoutP: 0.4 }), 60, { forgetDropoutScaling: forget });
        const r = inspect(s.current, 5).scaling!;
        expect(r.scaling).toBe(scaling);
        expect(r.mistake).toBe(scaling === 'inverted' ? 'train-factor-at-inference' : 'skip-keep-factor');
        expect(r.p).toBeCloseTo(0.4, 6);
        expect(r.dropping).toBe(2);
        expect(r.theory).toBeCloseTo(1 / 0.6, 12);
        expect(r.ratio).toBeCloseTo(1 / 0.6, 5);
        expect(r.meanForgot).toBeGreaterThan(r.meanScaled);
        // The correct inference mean matches the training mean in expectation.
        expect(Math.abs(r.meanScaled / r.meanTrain - 1)).toBeLessThan(0.04);
        expect(r.scaled.loss).not.toBe(r.forgot.loss);
      }
    });
  }

  test('a trained spiral net with p = 0.5: forgetting the scaling makes the test loss worse', () => {
    const s = trained(config({ dropoutScaling: 'classic', dropoutP: 0.5 }, { name: 'spiral' }), 400);
    const r = inspect(s.current, 5).scaling!;
    expect(r.forgot.loss).toBeGreaterThan(r.scaled.loss);
    // The correct figures are the lab's own evaluation (same rows, same network).
    expect(r.scaled.loss).toBeCloseTo(s.current.evaluate().testLoss, 5);
  });

  test('no dropout switched on: no scaling figures and no MC', () => {
    const r = inspect(trained(config({ dropoutHidden: [false, false] }), 10).current, 5);
    expect(r.scaling).toBeNull();
    expect(r.mc).toBeNull();
    expect(r.layers.every((l) => l.meanTrain === l.meanInfer)).toBe(true);
  });
});

describe('Monte-Carlo dropout', () => {
  test('K = 1 has no spread; K = 30 spreads and its mean sits near the single scaled pass', () => {
    const s = trained(config(), 150);
    const one = inspect(s.current, 1).mc!;
    expect(one.k).toBe(1);
    expect(one.probes).toHaveLength(s.current.probeRows.length);
    expect(one.probes.every((p) => p.std === 0)).toBe(true);
    const r = inspect(s.current, 30).mc!;
    expect(r.probes.some((p) => p.std > 0.01)).toBe(true);
    for (const p of r.probes) {
      expect(p.mean).toBeGreaterThanOrEqual(0.5 - 1e-6); // the class the mean ranks first, of two
      expect(p.mean).toBeLessThanOrEqual(1);
      expect(Math.abs(p.mean - p.single)).toBeLessThan(0.25);
    }
    // 2·32 + 32·32 + 32·2 weights per row.
    expect(r.rows).toBe(Math.floor(MC_MAC_BUDGET / (30 * 1152)));
    expect(r.mc.acc).toBeGreaterThan(0.5);
    expect(Math.abs(r.mc.acc - r.single.acc)).toBeLessThan(0.1);
  });

  test('a large K is spent on fewer test rows; a small network gets the whole test set', () => {
    const s = trained(config(), 5);
    const few = inspect(s.current, 200).mc!, more = inspect(s.current, 20).mc!;
    expect(few.rows).toBeLessThan(more.rows);
    expect(few.rows * 200 * 1152).toBeLessThanOrEqual(MC_MAC_BUDGET);
    const small = inspect(trained(config({ hidden: [8] , dropoutHidden: [true] , norm: ['none'] }, { testSize: 100 }), 5).current, 30);
    expect(small.mc!.rows).toBe(100);
    expect(small.testRows).toBe(100);
  });

  test('regression: the value’s mean ± std', () => {
    const s = trained(config({}, { name: 'sine', trainSize: 100, testSize: 100 }), 100);
    const r = inspect(s.current, 20);
    expect(r.kind).toBe('regression');
    expect(r.mc!.probes.every((p) => p.cls === 0 && Number.isFinite(p.mean))).toBe(true);
    expect(r.mc!.probes.some((p) => p.std > 0)).toBe(true);
    expect(Number.isNaN(r.mc!.mc.acc)).toBe(true);
  });
});

describe('BatchNorm at inference', () => {
  const bnConfig = (name: LabConfig['data']['name'] = 'circles') =>
    config({ norm: ['batchnorm', 'batchnorm'], dropoutHidden: [false, false] }, { name, noise: 0.1 }, { batchSize: 32 });

  test('batch of one: every normalized value is exactly 0, every output β, one prediction for all', () => {
    const s = trained(bnConfig(), 300);
    const r = inspect(s.current, 5);
    const bn = r.bn!;
    expect(bn.layers).toBe(2);
    expect(bn.batchOfOne.maxAbsXhat).toBe(0);
    expect(bn.batchOfOne.maxFromBeta).toBe(0);
    expect(bn.batchOfOne.topShare).toBe(1);
    expect(bn.batchOfOne.distinct).toBe(1);
    // One class for every row scores exactly that class's share of the test set.
    expect(bn.batchOfOne.acc).toBeLessThanOrEqual(bn.largestClassShare);
    expect(bn.running.acc).toBeGreaterThan(0.9);
    expect(bn.running.acc).toBeGreaterThan(bn.batchOfOne.acc);
    expect(bn.running.loss).toBeLessThan(bn.batchOfOne.loss);
    // The whole test set's own statistics are close to the running ones on a large batch.
    expect(Math.abs(bn.wholeBatch.acc - bn.running.acc)).toBeLessThan(0.1);
    expect(bn.running.acc).toBeCloseTo(s.current.evaluate().testAcc, 10);
    expect(bn.batchStatsInLab).toBe(false);
    expect(r.ln).toBeNull();
  });

  test('the running row stays right while the lab itself uses batch statistics (teaching switch)', () => {
    const right = inspect(trained(bnConfig(), 100).current, 5).bn!;
    const s = trained(bnConfig(), 100, { bnBatchStatsAtInference: true });
    const wrong = inspect(s.current, 5).bn!;
    expect(wrong.batchStatsInLab).toBe(true);
    expect(wrong.running).toEqual(right.running);
    expect(s.current.model.layers.filter((l) => l instanceof BatchNorm).every((l) => l.cfg.batchStatsAtInference)).toBe(true);
  });

  test('regression: a batch of one predicts one value for every input', () => {
    const s = trained(config({ norm: ['batchnorm', 'none'], dropoutHidden: [false, false] }, { name: 'sine', trainSize: 100, testSize: 80 }), 60);
    const bn = inspect(s.current, 5).bn!;
    expect(bn.batchOfOne.outputStd).toBe(0);
    expect(bn.batchOfOne.maxAbsXhat).toBe(0);
  });
});

test('LayerNorm needs no batch: one row alone gives what it gives in the full batch', () => {
  const s = trained(config({ norm: ['layernorm', 'layernorm'] }, { name: 'moons' }), 150);
  const r = inspect(s.current, 5);
  expect(r.bn).toBeNull();
  const ln = r.ln!;
  expect(ln.layers).toBe(2);
  expect(ln.batchOfOne.acc).toBe(ln.fullBatch.acc);
  expect(ln.batchOfOne.loss).toBeCloseTo(ln.fullBatch.loss, 5);
  expect(ln.maxDiff).toBeLessThan(1e-4);
});

test('a very large network is measured on fewer test rows and mask draws, with the same invariants', () => {
  const s = trained(config({ hidden: [256, 256, 256], norm: ['batchnorm', 'none', 'none'], dropoutHidden: [true, true, true] }), 3);
  const r = inspect(s.current, 10);
  expect(r.testRows).toBeLessThan(300);
  expect(r.testRows).toBeGreaterThanOrEqual(MIN_TEST_ROWS);
  expect(r.trainPasses).toBeLessThan(TRAIN_PASSES);
  expect(r.bn!.batchOfOne.maxAbsXhat).toBe(0);
  expect(r.bn!.batchOfOne.topShare).toBe(1);
  expect(r.mc!.rows).toBeGreaterThanOrEqual(1);
  expect(r.mc!.rows).toBeLessThan(r.testRows);
});

describe('measuring never disturbs training', () => {
  test('the same seed trains bit-identically with or without inspections between steps', () => {
    const c = config({ norm: ['batchnorm', 'none'], dropoutInput: true });
    const a = trained(c, 0), b = trained(c, 0);
    const lossesA: number[] = [], lossesB: number[] = [];
    for (let i = 0; i < 30; i++) {
      if (i % 3 === 0) {
        const run = b.current, model = run.model;
        const outs = model.layers.map((l) => l.out.slice());
        const masks = model.layers.map((l) => (l instanceof Dropout ? l.mask.slice() : null));
        const teach = model.layers.map((l) => (l instanceof Dropout ? l.cfg.forgetScaling : l instanceof BatchNorm ? l.cfg.batchStatsAtInference : null));
        inspect(run, 10);
        // The training model's buffers, masks and switches are as they were.
        model.layers.forEach((l, j) => {
          expect(sameBits(l.out.subarray(0, outs[j].length), outs[j])).toBe(true);
          const m = masks[j];
          if (m && l instanceof Dropout) expect(Array.from(l.mask.subarray(0, m.length))).toEqual(Array.from(m));
          expect(l instanceof Dropout ? l.cfg.forgetScaling : l instanceof BatchNorm ? l.cfg.batchStatsAtInference : null).toBe(teach[j]);
        });
      }
      lossesA.push(a.current.trainStep().loss);
      lossesB.push(b.current.trainStep().loss);
    }
    expect(lossesB).toEqual(lossesA);
    expect(sameSnapshot(snapshot(b.current.model), snapshot(a.current.model))).toBe(true);
  });
});

describe('the inspect command', () => {
  let h: Harness;
  afterEach(() => h?.dispose());
  const reports = (evs: WorkerEvent[]) => evs.flatMap((e) => (e.type === 'inspection' ? [e.report] : []));

  test('answers at once when paused, between slices while playing, and refuses a bad K', async () => {
    h = new Harness();
    h.configure(tinyConfig());
    h.send({ type: 'step', n: 5 });
    await h.frameWhere((f) => f.step === 5);
    h.send({ type: 'inspect', k: 7, rev: 1 });
    // Handled synchronously: the event is already there.
    const first = reports(h.events);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ step: 5, runId: h.readies[0].runId, rows: 64 });
    expect(first[0].mc?.k).toBe(7);

    h.send({ type: 'play' });
    await h.frameWhere((f) => f.step > 20);
    h.send({ type: 'inspect', k: 3, rows: 16 });
    const second = reports(h.events)[1];
    expect(second.step).toBeGreaterThan(20);
    expect(second.rows).toBe(16);
    const at = second.step;
    await h.frameWhere((f) => f.step > at + 10);
    h.send({ type: 'pause' });

    h.send({ type: 'inspect', k: 0, rev: 9 });
    await h.until(() => h.errors.length > 0);
    expect(h.errors[0]).toMatchObject({ code: 'bad_command', command: 'inspect', rev: 9, recoverable: true });
    expect(reports(h.events)).toHaveLength(2);
  });

  test('before a configuration it is refused as not configured', async () => {
    h = new Harness();
    h.send({ type: 'inspect', k: 5 });
    await h.until(() => h.errors.length > 0);
    expect(h.errors[0]).toMatchObject({ code: 'not_configured', command: 'inspect' });
  });
});
