// The steps-per-second window keeps a second of samples however long training runs: timed on a virtual
// clock (every reading advances it a little), so the run lasts 5 virtual seconds on any machine.
import { expect, test } from 'vitest';
import { DEFAULT_TEACH } from '../../src/protocol/config.ts';
import { handleCommand } from '../../src/worker/handle-command.ts';
import { Runner, type Host } from '../../src/worker/loop.ts';
import { tinyConfig } from './harness.ts';

test('the steps-per-second window spans about a second, not the whole run', () => {
  let now = 0;
  const tasks: { at: number; fn: () => void; id: number; off?: boolean }[] = [];
  let ids = 0;
  let frames = 0;
  const host: Host = {
    post: (ev) => {
      if (ev.type !== 'frame') return;
      frames++;
      const seq = ev.frame.seq;
      tasks.push({ at: now, fn: () => handleCommand(runner, { type: 'ack', seq }), id: ids++ });
    },
    now: () => (now += 0.05),
    soon: (fn) => void tasks.push({ at: now, fn, id: ids++ }),
    later: (fn, ms) => {
      const task: (typeof tasks)[number] = { at: now + ms, fn, id: ids++ };
      tasks.push(task);
      return () => void (task.off = true);
    },
  };
  const runner = new Runner(host);
  handleCommand(runner, { type: 'configure', config: tinyConfig(), teach: DEFAULT_TEACH, mode: 'training', options: { evalEvery: 50 } });
  handleCommand(runner, { type: 'play' });
  let slices = 0, widest = 0;
  while (now < 5000 && tasks.length > 0) {
    tasks.sort((a, b) => a.at - b.at || a.id - b.id);
    const t = tasks.shift()!;
    if (t.off) continue;
    if (t.at > now) now = t.at;
    const before = runner.session.run!.step;
    t.fn();
    if (runner.session.run!.step > before) slices++;
    widest = Math.max(widest, runner.rateWindowMs);
  }
  expect(now).toBeGreaterThanOrEqual(5000);
  expect(frames).toBeGreaterThan(100);
  // Thousands of slices over the run; the window never held more than a second's worth (plus the one
  // sample older than a second that anchors it, and the gap to the next).
  expect(slices).toBeGreaterThan(300);
  expect(widest).toBeGreaterThan(900);
  expect(widest).toBeLessThan(1100);
  expect(runner.rateSamples).toBeLessThan(slices / 3);
  expect(runner.rateSamples).toBeGreaterThan(10);
});
