// The runs slice's one rule for "a new run began": a new run id, or any id after the worker was replaced.
import { expect, it } from 'vitest';
import { createRuns } from '../../src/store/runs.ts';

it('a new run begins with a new run id, never with a repeated one, and always after the worker was replaced', () => {
  const runs = createRuns();
  expect(runs.serial()).toBe(0);
  const first = runs.observe(1);
  expect(runs.observe(1)).toBe(first); // more frames of the same run
  const second = runs.observe(2);
  expect(second).not.toBe(first);
  expect(runs.observe(2)).toBe(second);
  runs.workerReplaced();
  expect(runs.serial()).toBe(second); // nothing began yet
  const third = runs.observe(2); // the new worker's ids may repeat the old one's
  expect(new Set([first, second, third]).size).toBe(3);
  expect(runs.state()).toEqual({ runId: 2, serial: third });
});

it('two slices are independent', () => {
  const a = createRuns(), b = createRuns();
  a.observe(1);
  a.observe(2);
  expect(b.serial()).toBe(0);
});
