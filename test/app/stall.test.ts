// The stall hint: real runs from the engine (not made-up curves) that sit at chance level, and runs that
// learn, fed to the watch the page uses.
import { expect, test } from 'vitest';
import { StallWatch } from '../../src/app/stall.ts';
import { DEFAULT_CONFIG, DEFAULT_TEACH, type LabConfig } from '../../src/protocol/config.ts';
import { Session } from '../../src/worker/session.ts';

/** Trains `steps` steps, evaluating every 100 as the loop does, and returns the watch's verdicts. */
function watchRun(config: LabConfig, steps: number): { verdicts: string[]; lastAcc: number; lastLoss: number } {
  const s = new Session();
  s.configure(config, DEFAULT_TEACH, 'training');
  const run = s.current, w = new StallWatch(), verdicts: string[] = [];
  let lastAcc = NaN, lastLoss = NaN;
  for (let i = 0; i <= steps; i++) {
    if (run.step % 100 === 0) {
      run.evaluate();
      const m = run.metrics!;
      lastAcc = m.trainAcc;
      lastLoss = m.trainLoss;
      const v = w.observe(m, 2);
      if (v) verdicts.push(`${v}@${m.step}`);
    }
    const r = run.trainStep();
    if (r.diverged) break;
  }
  return { verdicts, lastAcc, lastLoss };
}

const spiral = (patch: { net?: Partial<LabConfig['net']>; train?: Partial<LabConfig['train']> }): LabConfig => ({
  ...DEFAULT_CONFIG,
  data: { ...DEFAULT_CONFIG.data, name: 'spiral' },
  net: { ...DEFAULT_CONFIG.net, ...patch.net },
  train: { ...DEFAULT_CONFIG.train, ...patch.train },
  seed: 1,
});

test('SGD at a learning rate of 10 on the spiral sits at chance: the watch says so once', { timeout: 60_000 }, () => {
  const r = watchRun(spiral({ train: { optimizer: 'sgd', lr: 10 } }), 4000);
  expect(r.lastAcc).toBeLessThan(0.56);
  expect(r.verdicts).toHaveLength(1);
  expect(r.verdicts[0]).toMatch(/^stalled@/);
});

test('BN at batch size 2 sits near a loss of ln 2 (Adam, and SGD at lr 0.1); the same at batch size 32 learns', { timeout: 60_000 }, () => {
  const bn = (batchSize: number, optimizer: 'adam' | 'sgd' = 'adam', lr = 0.01) => spiral({ net: { norm: ['batchnorm', 'batchnorm'] }, train: { optimizer, lr, batchSize } });
  const two = watchRun(bn(2), 4000);
  expect(two.lastLoss).toBeGreaterThan(0.62);
  expect(two.verdicts.filter((v) => v.startsWith('stalled'))).toHaveLength(1);
  const sgd = watchRun(bn(2, 'sgd', 0.1), 4000);
  expect(sgd.verdicts.filter((v) => v.startsWith('stalled'))).toHaveLength(1);
  expect(two.verdicts.filter((v) => v.startsWith('stalled'))).toHaveLength(1);
  const big = watchRun(bn(32), 4000);
  expect(big.lastAcc).toBeGreaterThan(0.9);
  expect(big.verdicts).toEqual([]);
});

test('the default run learns: no hint', { timeout: 60_000 }, () => {
  const r = watchRun(spiral({}), 4000);
  expect(r.lastAcc).toBeGreaterThan(0.9);
  expect(r.verdicts).toEqual([]);
});

test('leaving chance after a hint says "moving"; a new run (step back to 0) starts afresh', () => {
  const w = new StallWatch({ window: 300 });
  const m = (step: number, trainAcc: number, trainLoss = 0.69) => ({ step, trainAcc, trainLoss, testLoss: 0.69, testAcc: trainAcc });
  expect(w.observe(m(0, 0.5), 2)).toBeNull();
  expect(w.observe(m(200, 0.52), 2)).toBeNull();
  expect(w.observe(m(300, 0.49), 2)).toBe('stalled');
  expect(w.observe(m(400, 0.5), 2)).toBeNull(); // said once
  expect(w.observe(m(500, 0.8, 0.3), 2)).toBe('moving');
  expect(w.observe(m(0, 0.5), 2)).toBeNull(); // a new run
  expect(w.observe(m(300, 0.5), 2)).toBe('stalled');
  expect(w.observe(m(400, 0.5), null)).toBeNull(); // regression: no chance level
  // A loss that stays up but an accuracy well above chance (noisy classes): not a stall.
  const noisy = new StallWatch({ window: 300 });
  for (let step = 0; step <= 600; step += 100) expect(noisy.observe(m(step, 0.72, 0.66), 2)).toBeNull();
  // A run whose loss comes down is learning, even while its accuracy is still near chance.
  const slow = new StallWatch({ window: 300 });
  for (let step = 0; step <= 600; step += 100) expect(slow.observe(m(step, 0.55, 0.69 - step / 2000), 2)).toBeNull();
});
