// Every command and every event, driven through the fake page in harness.ts.
import { afterEach, describe, expect, test } from 'vitest';
import { DEFAULT_TEACH } from '../../src/protocol/config.ts';
import type { GridOutput, LayerFrame } from '../../src/protocol/frame.ts';
import { Harness, sleep, tinyConfig } from './harness.ts';

let h: Harness;
afterEach(() => h?.dispose());

const layerOf = (layers: LayerFrame[], type: LayerFrame['type']) => layers.filter((l) => l.type === type);

describe('configure', () => {
  test('posts ready (data and network), then a frame of the untrained run', async () => {
    h = new Harness();
    h.configure();
    // The first frame goes out before the output picture is whole (loop.ts, firstOutputMs); the next ones finish it.
    await h.until(() => h.frames.some((f) => f.output.kind === 'grid' && f.output.complete));
    expect(h.events[0].type).toBe('ready');
    const info = h.readies[0];
    expect(info.data.name).toBe('circles');
    expect(info.data.inputDim).toBe(2);
    expect(info.data.trainSize).toBe(64);
    expect(info.data.trainX.length).toBe(128);
    expect(info.data.probeCount).toBe(8);
    // Probes alternate between the classes, so both are represented.
    expect(Array.from(info.data.probeY.slice(0, 4))).toEqual([0, 1, 0, 1]);
    expect(info.model.layers.map((l) => l.type)).toEqual(['dropout', 'linear', 'relu', 'dropout', 'linear', 'relu', 'dropout', 'linear']);
    const f = h.lastFrame();
    expect(f.runId).toBe(info.runId);
    expect(f.step).toBe(0);
    expect(f.playing).toBe(false);
    expect(Number.isNaN(f.batchLoss)).toBe(true);
    expect(f.metrics?.step).toBe(0);
    expect(f.layers).toHaveLength(8);
    expect(f.layers[1].probe.length).toBe(8 * 8);
    expect(f.layers[1].weight?.length).toBe(2 * 8);
    expect(f.output.kind).toBe('grid');
    expect((f.output as GridOutput).prob.length).toBe(64 * 64);
    expect((f.output as GridOutput).complete).toBe(true);
  });

  test('an invalid first configuration is an unrecoverable error and builds nothing', async () => {
    h = new Harness();
    h.configure(tinyConfig({ hidden: [8, 0] }));
    await h.until(() => h.errors.length > 0);
    const e = h.errors[0];
    expect(e).toMatchObject({ recoverable: false, code: 'invalid_spec', command: 'configure' });
    expect(e.message).toMatch(/out/);
    expect(h.readies).toHaveLength(0);
    h.send({ type: 'play' });
    await h.until(() => h.errors.length > 1);
    expect(h.errors[1]).toMatchObject({ code: 'not_configured', recoverable: false, command: 'play' });
  });

  test('a bad configuration after a good one keeps the old run (recoverable)', async () => {
    h = new Harness();
    h.configure();
    await h.until(() => h.frames.length > 0);
    h.send({ type: 'configure', config: tinyConfig({}, { lr: -1 }), teach: DEFAULT_TEACH, mode: 'training' });
    await h.until(() => h.errors.length > 0);
    expect(h.errors[0]).toMatchObject({ recoverable: true, field: 'lr' });
    h.send({ type: 'step', n: 3 });
    const f = await h.frameWhere((f) => f.step === 3);
    expect(f.runId).toBe(h.readies[0].runId);
  });
});

describe('play, pause, step', () => {
  test('play advances the step count; pause stops it', async () => {
    h = new Harness();
    h.configure();
    h.send({ type: 'play' });
    const f = await h.frameWhere((f) => f.step > 50 && f.playing);
    expect(f.stepsPerSecond).toBeGreaterThan(0);
    expect(f.batchLoss).toBeGreaterThan(0);
    h.send({ type: 'pause' });
    await h.frameWhere((f) => !f.playing, h.events.length);
    await h.settle();
    const stopped = h.lastFrame().step;
    await sleep(100);
    expect(h.lastFrame().step).toBe(stopped);
    expect(h.runner.session.run?.step).toBe(stopped);
    expect(h.lastFrame().stepsPerSecond).toBe(0);
  });

  test('step n runs exactly n steps, then stops', async () => {
    h = new Harness();
    h.configure();
    h.send({ type: 'step', n: 37 });
    await h.frameWhere((f) => f.step === 37 && f.pendingSteps === 0);
    await h.settle();
    expect(h.lastFrame().step).toBe(37);
    expect(h.lastFrame().playing).toBe(false);
    // Metrics are brought up to date once training stops.
    expect(h.lastFrame().metrics?.step).toBe(37);
    h.send({ type: 'step', n: 0 });
    await h.until(() => h.errors.length > 0);
    expect(h.errors[0]).toMatchObject({ code: 'bad_command', command: 'step', recoverable: true });
  });
});

describe('reset and newSeed', () => {
  test('reset restores the initial weights and reproduces the first losses', async () => {
    h = new Harness();
    h.configure();
    const w0 = (await h.frameWhere((f) => f.step === 0)).layers.filter((l) => l.weight).map((l) => Array.from(l.weight!));
    const losses = async () => {
      const out: number[] = [];
      for (let k = 1; k <= 4; k++) {
        const from = h.events.length;
        h.send({ type: 'step', n: 1 });
        out.push((await h.frameWhere((f) => f.step === k, from)).batchLoss);
      }
      return out;
    };
    const first = await losses();
    h.send({ type: 'reset' });
    await h.until(() => h.readies.length === 2);
    expect(h.readies[1].runId).toBeGreaterThan(h.readies[0].runId);
    const f0 = await h.frameWhere((f) => f.runId === h.readies[1].runId && f.step === 0);
    expect(f0.layers.filter((l) => l.weight).map((l) => Array.from(l.weight!))).toEqual(w0);
    expect(f0.history.step.length).toBe(1); // a fresh history
    expect(await losses()).toEqual(first);
    expect(new Set(first).size).toBe(4); // the losses do differ step to step
  });

  test('newSeed changes the initial weights and keeps the other settings', async () => {
    h = new Harness();
    h.configure();
    await h.until(() => h.frames.length > 0);
    const w0 = Array.from(h.lastFrame().layers[1].weight!);
    h.send({ type: 'newSeed', seed: 12345 });
    await h.until(() => h.readies.length === 2);
    expect(h.readies[1].config.seed).toBe(12345);
    expect(h.readies[1].config.net.hidden).toEqual([8, 8]);
    const f = await h.frameWhere((f) => f.runId === h.readies[1].runId);
    expect(Array.from(f.layers[1].weight!)).not.toEqual(w0);
    h.send({ type: 'newSeed', seed: -1 });
    await h.until(() => h.errors.length > 0);
    expect(h.errors[0]).toMatchObject({ field: 'seed', recoverable: true });
  });
});

describe('set', () => {
  test('a live change (dropout p) shows in the next frame without a new run', async () => {
    h = new Harness();
    h.configure();
    h.send({ type: 'play' });
    await h.frameWhere((f) => f.step > 10);
    h.send({ type: 'set', patch: { net: { dropoutP: 0.6 } }, rev: 5 });
    const f = await h.frameWhere((f) => f.rev === 5);
    expect(h.frames.filter((x) => x.rev === 5)[0]).toBe(f);
    expect(layerOf(f.layers, 'dropout').map((l) => l.p)).toEqual([0, 0.6, 0.6]);
    expect(f.step).toBeGreaterThan(10);
    expect(h.readies).toHaveLength(1);
    expect(h.runner.session.config?.net.dropoutP).toBe(0.6);
  });

  test('a structural change (hidden widths) rebuilds with the same seed', async () => {
    h = new Harness();
    h.configure();
    await h.until(() => h.frames.length > 0);
    h.send({ type: 'set', patch: { net: { hidden: [5, 3], norm: ['none', 'batchnorm'], dropoutHidden: [false, true] } } });
    await h.until(() => h.readies.length === 2);
    const info = h.readies[1];
    expect(info.model.layers.map((l) => l.type)).toEqual(['dropout', 'linear', 'relu', 'dropout', 'linear', 'batchnorm', 'relu', 'dropout', 'linear']);
    const f = await h.frameWhere((f) => f.runId === info.runId);
    expect(f.layers.map((l) => l.width)).toEqual([2, 5, 5, 5, 3, 3, 3, 3, 2]);
  });

  test('an invalid value is refused and the old one stays in force', async () => {
    h = new Harness();
    h.configure();
    await h.until(() => h.frames.length > 0);
    h.send({ type: 'set', patch: { train: { lr: 0.05 } } });
    h.send({ type: 'set', patch: { net: { dropoutP: 1.5 }, train: { lr: 0.5 } }, rev: 9 });
    await h.until(() => h.errors.length > 0);
    expect(h.errors[0]).toMatchObject({ recoverable: true, command: 'set', code: 'invalid_spec' });
    expect(h.errors[0].field).toMatch(/p$/);
    const f = await h.frameWhere((f) => f.rev === 9);
    expect(layerOf(f.layers, 'dropout')[1].p).toBe(0.2);
    expect(h.runner.session.config?.train.lr).toBe(0.05); // nothing of the refused patch applied
  });

  test('batch size larger than the training set is refused', async () => {
    h = new Harness();
    h.configure();
    h.send({ type: 'set', patch: { train: { batchSize: 65 } } });
    await h.until(() => h.errors.length > 0);
    expect(h.errors[0]).toMatchObject({ field: 'batchSize', recoverable: true });
  });
});

describe('setNorm', () => {
  const bnConfig = () => tinyConfig({ norm: ['batchnorm', 'none'] });

  test('sets γ and β per feature or for all, and freezing survives reset', async () => {
    h = new Harness();
    h.configure(bnConfig());
    await h.until(() => h.frames.length > 0);
    const bn = h.lastFrame().layers.find((l) => l.type === 'batchnorm')!;
    h.send({ type: 'setNorm', layer: bn.index, feature: 'all', gamma: 2 });
    h.send({ type: 'setNorm', layer: bn.index, feature: 3, beta: -0.5, frozen: true, rev: 3 });
    let f = await h.frameWhere((f) => f.rev === 3);
    let l = f.layers[bn.index];
    expect(Array.from(l.gamma!)).toEqual(new Array(8).fill(2));
    expect(Array.from(l.beta!)).toEqual([0, 0, 0, -0.5, 0, 0, 0, 0]);
    expect(l.frozen).toBe(true);
    // Frozen: training leaves γ and β as they are, while the weights move.
    h.send({ type: 'step', n: 20 });
    f = await h.frameWhere((f) => f.step === 20);
    l = f.layers[bn.index];
    expect(Array.from(l.gamma!)).toEqual(new Array(8).fill(2));
    expect(l.gammaGradNorm).toBeGreaterThan(0);
    expect(Array.from(f.layers[1].weight!)).not.toEqual(Array.from(h.frames[0].layers[1].weight!));
    h.send({ type: 'reset' });
    f = await h.frameWhere((f) => f.runId === h.readies[1]?.runId);
    l = f.layers[bn.index];
    expect(Array.from(l.gamma!)).toEqual(new Array(8).fill(1)); // values are weights: reset restores them
    expect(l.frozen).toBe(true); // freezing is a setting: it stays
  });

  test('refuses a layer that is not a normalization layer, and a feature out of range', async () => {
    h = new Harness();
    h.configure(bnConfig());
    await h.until(() => h.frames.length > 0);
    h.send({ type: 'setNorm', layer: 1, feature: 'all', gamma: 2 });
    h.send({ type: 'setNorm', layer: 2, feature: 8, gamma: 2 });
    await h.until(() => h.errors.length === 2);
    expect(h.errors.map((e) => e.field)).toEqual(['layer', 'feature']);
    expect(h.errors.every((e) => e.recoverable && e.command === 'setNorm')).toBe(true);
  });
});

describe('mode', () => {
  test('training view shows this step’s masks and a noisy grid; inference view neither', async () => {
    h = new Harness();
    h.configure(tinyConfig({ dropoutP: 0.5 }));
    h.send({ type: 'step', n: 5 });
    await h.frameWhere((f) => f.step === 5);
    await h.settle();
    const t1 = h.lastFrame();
    const drop = t1.layers.filter((l) => l.type === 'dropout' && l.p! > 0);
    expect(drop.length).toBe(2);
    for (const l of drop) {
      expect(l.maskRows).toBe(16);
      expect(l.mask!.length).toBe(16 * 8);
      const kept = l.mask!.reduce((a, b) => a + b, 0) / l.mask!.length;
      expect(kept).toBeGreaterThan(0.2);
      expect(kept).toBeLessThan(0.8);
    }
    // Another picture in training view draws another thinned network.
    h.send({ type: 'options', options: { feature: 1 }, rev: 1 });
    const t2 = await h.frameWhere((f) => f.rev === 1);
    expect(Array.from((t2.output as GridOutput).prob)).not.toEqual(Array.from((t1.output as GridOutput).prob));
    h.send({ type: 'mode', mode: 'inference', rev: 2 });
    const i1 = await h.frameWhere((f) => f.rev === 2);
    expect(i1.mode).toBe('inference');
    expect(i1.layers.some((l) => l.mask)).toBe(false);
    h.send({ type: 'options', options: { feature: 0 }, rev: 3 });
    const i2 = await h.frameWhere((f) => f.rev === 3);
    expect(Array.from((i2.output as GridOutput).prob)).toEqual(Array.from((i1.output as GridOutput).prob));
    // Inference probes are deterministic and differ from the training view's sampled ones.
    expect(Array.from(i2.layers[3].probe)).toEqual(Array.from(i1.layers[3].probe));
    expect(Array.from(i1.layers[3].probe)).not.toEqual(Array.from(t2.layers[3].probe));
    h.send({ type: 'mode', mode: 'sideways' as 'training' });
    await h.until(() => h.errors.length > 0);
    expect(h.errors[0]).toMatchObject({ field: 'mode', recoverable: true });
  });
});

describe('speed', () => {
  test('a cap limits the steps per second; null lifts it', async () => {
    h = new Harness();
    h.configure();
    await h.until(() => h.frames.length > 0);
    h.send({ type: 'speed', stepsPerSecond: 40 });
    h.send({ type: 'play' });
    await sleep(500);
    const capped = h.runner.session.run!.step;
    expect(capped).toBeGreaterThanOrEqual(10);
    expect(capped).toBeLessThanOrEqual(30);
    expect(h.lastFrame().speed).toBe(40);
    h.send({ type: 'speed', stepsPerSecond: null });
    await sleep(300);
    expect(h.runner.session.run!.step - capped).toBeGreaterThan(200);
    h.send({ type: 'speed', stepsPerSecond: -3 });
    await h.until(() => h.errors.length > 0);
    expect(h.errors[0]).toMatchObject({ code: 'bad_command', command: 'speed' });
  });

  test('at a slow cap every step is shown', async () => {
    h = new Harness();
    h.configure();
    h.send({ type: 'speed', stepsPerSecond: 20 });
    h.send({ type: 'play' });
    await h.frameWhere((f) => f.step >= 6);
    const steps = h.frames.map((f) => f.step).filter((s) => s > 0 && s <= 6);
    expect(new Set(steps)).toEqual(new Set([1, 2, 3, 4, 5, 6]));
  });

  test('in slow motion, a page slow to take frames still sees every step', async () => {
    h = new Harness({ autoAck: false });
    h.configure();
    await h.until(() => h.frames.length > 0);
    h.ack(h.lastFrame().seq);
    h.send({ type: 'speed', stepsPerSecond: 10 });
    h.send({ type: 'play' });
    // The page takes a frame only every 250 ms (two and a half steps' time at the cap).
    const t0 = Date.now();
    while (Date.now() - t0 < 2000) {
      await sleep(250);
      h.ack(h.lastFrame().seq);
    }
    const steps = h.frames.map((f) => f.step).filter((s) => s > 0);
    expect(steps.length).toBeGreaterThanOrEqual(5);
    expect(steps).toEqual(Array.from({ length: steps.length }, (_, i) => steps[0] + i));
  });

  test('the cap paces Play only: an exact run of n steps goes at full speed', async () => {
    h = new Harness();
    h.configure();
    await h.until(() => h.frames.length > 0);
    h.send({ type: 'speed', stepsPerSecond: 2 });
    const t0 = Date.now();
    h.send({ type: 'step', n: 300 });
    await h.frameWhere((f) => f.step === 300 && f.pendingSteps === 0);
    // At the cap, 300 steps would take 150 s.
    expect(Date.now() - t0).toBeLessThan(10_000);
    h.send({ type: 'play' });
    await sleep(600);
    expect(h.runner.session.run!.step - 300).toBeLessThanOrEqual(4);
  });
});

describe('options', () => {
  test('grid size and evaluation cadence', async () => {
    h = new Harness();
    h.configure();
    await h.until(() => h.frames.length > 0);
    h.send({ type: 'options', options: { gridSize: 80, evalEvery: 1 }, rev: 1 });
    const f = await h.frameWhere((f) => f.rev === 1);
    const g = f.output as GridOutput;
    expect(g.size).toBe(80);
    expect(g.prob.length).toBe(6400);
    h.send({ type: 'step', n: 1 });
    expect((await h.frameWhere((f) => f.step === 1)).metrics?.step).toBe(1);
    h.send({ type: 'options', options: { gridSize: 10 } });
    await h.until(() => h.errors.length > 0);
    expect(h.errors[0]).toMatchObject({ field: 'gridSize', recoverable: true });
  });
});

test('an unknown command is refused, and the session carries on', async () => {
  h = new Harness();
  h.configure();
  await h.until(() => h.frames.length > 0);
  h.send({ type: 'dance' } as unknown as { type: 'play' });
  await h.until(() => h.errors.length > 0);
  expect(h.errors[0]).toMatchObject({ code: 'bad_command', recoverable: true });
  h.send({ type: 'step', n: 2 });
  await h.frameWhere((f) => f.step === 2);
});
