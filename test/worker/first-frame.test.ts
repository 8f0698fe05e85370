// A new run answers `ready` before evaluating anything (the first screen waits for it), and its first
// evaluation comes before its first frame or step: every frame carries metrics, and the step-0 point of
// the curves is the untrained network's, whether the learner waits or presses Play at once.
import { afterEach, expect, test } from 'vitest';
import { Harness, tinyConfig } from './harness.ts';
import { Session } from '../../src/worker/session.ts';
import { DEFAULT_TEACH } from '../../src/protocol/config.ts';

let h: Harness;
afterEach(() => h?.dispose());

/** The untrained network's metrics, from a session of its own. */
function untrained() {
  const s = new Session();
  s.configure(tinyConfig(), DEFAULT_TEACH, 'training');
  return s.current.evaluate();
}

test('ready comes before any evaluation; the first frame carries the step-0 metrics', async () => {
  h = new Harness();
  h.configure();
  // configure ran synchronously: ready is out, nothing evaluated yet.
  expect(h.readies).toHaveLength(1);
  expect(h.runner.session.current.metrics).toBeNull();
  const f = await h.frameWhere(() => true);
  expect(f.step).toBe(0);
  expect(f.metrics).toEqual(untrained());
  expect(f.history.step[0]).toBe(0);
  expect(f.history.testLoss[0]).toBeCloseTo(f.metrics!.testLoss, 6);
});

test('Play at once: frames still carry metrics, and the curves start from the untrained network', async () => {
  h = new Harness();
  h.configure();
  h.send({ type: 'play' });
  await h.until(() => h.runner.session.current.step > 50, 10_000, 'training');
  h.send({ type: 'pause' });
  await h.settle();
  for (const f of h.frames) expect(f.metrics, `frame ${f.seq}`).not.toBeNull();
  const last = h.lastFrame();
  expect(last.history.stepFirst[0]).toBe(0);
  expect(last.history.testLoss[0]).toBeCloseTo(untrained().testLoss, 6);
});
