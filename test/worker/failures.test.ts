// Divergence and engine errors become events; the session pauses, stays usable and recovers.
import { afterEach, expect, test } from 'vitest';
import { Harness, tinyConfig } from './harness.ts';

let h: Harness;
afterEach(() => h?.dispose());

test('a diverging run reports diverged, pauses, and recovers after a lower rate and a reset', async () => {
  h = new Harness();
  // Regression with a far too large step: the weights grow geometrically until the loss overflows.
  const config = tinyConfig({ dropoutP: 0 }, { optimizer: 'sgd', momentum: 0.9, lr: 20 });
  config.data = { name: 'sine', noise: 0.1, trainSize: 64, testSize: 64 };
  h.configure(config);
  h.send({ type: 'play' });
  await h.until(() => h.events.some((e) => e.type === 'diverged'), 10_000, 'diverged');
  const d = h.events.find((e) => e.type === 'diverged')!;
  if (d.type !== 'diverged') throw new Error('unreachable');
  expect(Number.isFinite(d.loss)).toBe(false);
  const stopped = await h.frameWhere((f) => !f.playing && f.step === d.step, h.events.indexOf(d));
  expect(stopped.step).toBe(h.runner.session.run!.step);
  expect(h.runner.playing).toBe(false);
  // Nothing of the failed step was applied: the loss is still the last finite one.
  expect(Number.isFinite(stopped.batchLoss)).toBe(true);

  h.send({ type: 'set', patch: { train: { lr: 0.05 } } });
  h.send({ type: 'reset' });
  h.send({ type: 'play' });
  const f = await h.frameWhere((f) => f.runId === h.readies[1]?.runId && f.step > 200);
  expect(Number.isFinite(f.batchLoss)).toBe(true);
  h.send({ type: 'pause' });
  await h.settle();
  expect(h.events.filter((e) => e.type === 'diverged')).toHaveLength(1);
  const start = h.frames.find((f) => f.runId === h.readies[1].runId)!.metrics!.trainLoss;
  expect(h.lastFrame().metrics!.trainLoss).toBeLessThan(start);
});

test('an engine refusal (BN with a batch of one) is a recoverable error; the run goes on after a fix', async () => {
  h = new Harness();
  h.configure(tinyConfig({ norm: ['batchnorm', 'none'] }));
  h.send({ type: 'step', n: 3 });
  await h.frameWhere((f) => f.step === 3);
  h.send({ type: 'set', patch: { train: { batchSize: 1 } } });
  h.send({ type: 'play' });
  await h.until(() => h.errors.length > 0);
  expect(h.errors[0]).toMatchObject({ code: 'bn_batch_one', recoverable: true });
  const f = await h.frameWhere((f) => !f.playing, h.events.length - 1);
  expect(f.step).toBe(3);
  // Inference still works with a batch of one: the frame was built from the last batch's rows.
  expect(f.layers.every((l) => l.probe.every(Number.isFinite))).toBe(true);
  h.send({ type: 'set', patch: { train: { batchSize: 8 } } });
  h.send({ type: 'step', n: 4 });
  const g = await h.frameWhere((f) => f.step === 7);
  expect(g.layers.find((l) => l.type === 'dropout' && l.index > 0)!.maskRows).toBe(8);
});

test('a frame that cannot be built is reported once, not retried forever', async () => {
  h = new Harness();
  h.configure();
  await h.until(() => h.frames.length > 0);
  const s = h.runner.session;
  const build = s.buildFrame.bind(s);
  let fail = true;
  s.buildFrame = (...a) => {
    if (fail) throw new Error('boom');
    return build(...a);
  };
  h.send({ type: 'options', options: { feature: 1 } });
  await h.until(() => h.errors.length > 0);
  await h.settle(100);
  expect(h.errors).toHaveLength(1);
  expect(h.errors[0]).toMatchObject({ code: 'internal', message: 'boom', recoverable: true });
  fail = false;
  h.send({ type: 'step', n: 1 });
  await h.frameWhere((f) => f.step === 1);
});
