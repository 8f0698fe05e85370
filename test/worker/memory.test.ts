// A long run keeps memory flat: 10^5 steps with histories recorded as often as the loop allows.
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterEach, expect, test } from 'vitest';
import { Harness, tinyConfig } from './harness.ts';

let h: Harness;
afterEach(() => h?.dispose());

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapMB(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

test('10^5 steps: bounded histories and no heap growth', async () => {
  // Frames and evaluations far more often than in the app, to fill and merge the histories many times.
  h = new Harness({ keepFrames: false, timing: { sliceMs: 0.5, frameMs: 0.1, playFrameMs: 0.1, evalShare: 0.5, outputBudgetMs: 0.05 } });
  h.configure(tinyConfig({ hidden: [4], norm: ['batchnorm'], dropoutHidden: [true] }, { batchSize: 4 }));
  h.send({ type: 'options', options: { evalEvery: 1 } });
  const run = () => h.runner.session.run!;
  h.send({ type: 'step', n: 10_000 });
  await h.until(() => run().step === 10_000 && h.latest?.step === 10_000, 60_000, '10^4 steps');
  const base = heapMB();
  const pointsAt1e4 = run().history.metrics.snapshot().stepLast.length;
  h.send({ type: 'step', n: 90_000 });
  await h.until(() => run().step === 100_000 && h.latest?.step === 100_000, 120_000, '10^5 steps');
  const grown = heapMB() - base;
  const f = h.latest!;
  const evals = run().history.metrics.stride * (f.history.step.length - 1);
  expect(evals).toBeGreaterThan(2000); // the histories really were merged many times over
  expect(f.history.step.length).toBeLessThanOrEqual(513);
  expect(f.history.step.length).toBeGreaterThan(256);
  expect(f.history.step[f.history.step.length - 1]).toBe(100_000);
  expect(f.history.stepFirst[0]).toBe(0);
  for (const a of f.activations.layers) expect(a.q.length).toBe(5 * f.activations.step.length);
  expect(f.activations.step.length).toBeLessThanOrEqual(513);
  expect(pointsAt1e4).toBeLessThanOrEqual(513);
  // (The steps-per-second window's own bound is timed on a virtual clock in rate-window.test.ts: here
  // the whole phase lasts about as long as that window, a second.)
  expect(h.frameCount).toBeGreaterThan(100);
  expect(grown).toBeLessThan(1.5);
}, 180_000);
