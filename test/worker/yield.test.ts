// The worker steps aside for the page: after a command's frame it trains no step until the page has
// drawn it (at most holdMs), and while the page leaves a frame unacknowledged past lagMs it rests
// between slices. Neither may stall training: a page that never answers still sees training go on.
import { afterEach, expect, test } from 'vitest';
import { Harness, sleep } from './harness.ts';

let h: Harness;
afterEach(() => h?.dispose());

test("after a command's frame, no step is trained until the page acknowledges it", async () => {
  h = new Harness({ autoAck: false, timing: { holdMs: 5000 } });
  h.configure();
  await h.until(() => h.frames.length === 1);
  h.ack(h.frames[0].seq);
  h.send({ type: 'play' });
  await h.until(() => h.frames.length === 2);
  const shown = h.frames[1];
  // The loop waits rather than spins: a few wake-ups at most while it holds.
  let wakes = 0;
  const soon = h.runner['host'].soon;
  h.runner['host'].soon = (fn) => {
    wakes++;
    soon(fn);
  };
  // Long enough for hundreds of steps had training gone on.
  await sleep(120);
  expect(h.runner.session.run!.step).toBe(shown.step);
  expect(wakes).toBeLessThan(5);
  h.ack(shown.seq);
  await h.until(() => h.runner.session.run!.step > shown.step + 20, 10_000, 'training after the ack');
});

test('the hold ends by itself: a page that never acknowledges still sees training go on', async () => {
  h = new Harness({ autoAck: false, timing: { holdMs: 40 } });
  h.configure();
  await h.until(() => h.frames.length === 1);
  h.send({ type: 'play' });
  await h.until(() => h.runner.session.run!.step > 50, 10_000, 'training with no ack at all');
  h.send({ type: 'pause' });
});

test('a set while playing holds training until its frame is drawn, then training resumes', async () => {
  h = new Harness({ autoAck: false, timing: { holdMs: 5000 } });
  h.configure();
  await h.until(() => h.frames.length === 1);
  h.ack(h.frames[0].seq);
  h.send({ type: 'play' });
  await h.until(() => h.frames.length === 2);
  h.ack(h.frames[1].seq);
  await h.until(() => h.runner.session.run!.step > 30);
  // Acknowledge whatever is in flight, then move p.
  await h.until(() => h.runner.frameInFlight !== null);
  h.ack(h.runner.frameInFlight!);
  h.send({ type: 'set', patch: { net: { dropoutP: 0.4 } }, rev: 9 });
  const f = await h.frameWhere((x) => x.rev >= 9);
  await sleep(100);
  expect(h.runner.session.run!.step).toBe(f.step);
  h.ack(f.seq);
  await h.until(() => h.runner.session.run!.step > f.step + 20, 10_000, 'training after the ack');
});

test('while a frame waits unacknowledged past lagMs, training rests restMs between slices', async () => {
  h = new Harness({ autoAck: false, timing: { holdMs: 0, lagMs: 5, restMs: 7.77 } });
  const waits: number[] = [];
  const later = h.runner['host'].later;
  h.runner['host'].later = (fn, ms) => {
    waits.push(ms);
    return later(fn, ms);
  };
  h.configure();
  await h.until(() => h.frames.length === 1);
  h.send({ type: 'play' });
  await h.until(() => waits.includes(7.77), 10_000, 'a rest between slices');
  // Resting, not stopped.
  const at = h.runner.session.run!.step;
  await h.until(() => h.runner.session.run!.step > at + 20, 10_000, 'training between rests');
});

test('a page that keeps up is never rested', async () => {
  h = new Harness({ timing: { lagMs: 1e6, restMs: 7.77 } });
  const waits: number[] = [];
  const later = h.runner['host'].later;
  h.runner['host'].later = (fn, ms) => {
    waits.push(ms);
    return later(fn, ms);
  };
  h.configure();
  h.send({ type: 'play' });
  await h.until(() => h.runner.session.run!.step > 200);
  expect(waits.filter((w) => w === 7.77)).toEqual([]);
});

test("a run's first frame does not wait for the whole output picture; the next frames finish it", async () => {
  // A budget too small for a 64×64 grid; a tiny slice at a time would otherwise need many frames.
  h = new Harness({ timing: { firstOutputMs: 0 } });
  h.configure();
  const first = await h.frameWhere(() => true);
  expect(first.output.kind).toBe('grid');
  expect(first.output.kind === 'grid' && first.output.complete).toBe(false);
  const done = await h.frameWhere((f) => f.output.kind === 'grid' && f.output.complete);
  expect(done.step).toBe(0);
  // The second configure (a new run) again sends its first frame early.
  const from = h.events.length;
  h.configure();
  const again = await h.frameWhere(() => true, from);
  expect(again.output.kind === 'grid' && again.output.complete).toBe(false);
});
