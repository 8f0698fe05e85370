// Frame pacing and acknowledgement, transfer of every array, and a `set` taking effect before the
// next training step.
import { afterEach, expect, test } from 'vitest';
import type { Frame } from '../../src/protocol/frame.ts';
import { Harness, sleep, tinyConfig } from './harness.ts';

let h: Harness;
afterEach(() => h?.dispose());

function typedArrays(v: unknown, out: ArrayBufferView[] = []): ArrayBufferView[] {
  if (v === null || typeof v !== 'object') return out;
  if (ArrayBuffer.isView(v)) out.push(v);
  else for (const x of Object.values(v)) typedArrays(x, out);
  return out;
}

test('while training alone, no frame goes before the last is acknowledged', async () => {
  h = new Harness({ autoAck: false });
  h.configure();
  await h.until(() => h.frames.length === 1);
  h.send({ type: 'play' });
  // play is a command: its frame may overtake the unacknowledged one (next test); training adds none.
  await h.until(() => h.frames.length === 2);
  // A quarter second and at least 100 steps, however loaded the machine (a timer alone could end first).
  await Promise.all([sleep(250), h.until(() => h.runner.session.run!.step > 100)]);
  expect(h.frames).toHaveLength(2);
  expect(h.runner.session.run!.step).toBeGreaterThan(100);
  h.ack(h.frames[1].seq + 1); // an ack for a frame never sent changes nothing
  h.ack(h.frames[0].seq); // nor one for the frame that was overtaken
  await sleep(50);
  expect(h.frames).toHaveLength(2);
  h.ack(h.frames[1].seq);
  await h.until(() => h.frames.length === 3);
  expect(h.frames[2].seq).toBe(h.frames[1].seq + 1);
  expect(h.frames[2].step).toBeGreaterThan(100);
  await sleep(100);
  expect(h.frames).toHaveLength(3);
  h.send({ type: 'pause' });
});

test("a command's frame overtakes one unacknowledged frame, not two", async () => {
  h = new Harness({ autoAck: false });
  h.configure();
  await h.until(() => h.frames.length === 1);
  // The page has not acked frame 0 (it waits for its next animation frame): the slider's change still
  // gets its own frame at once, not after that ack.
  h.send({ type: 'set', patch: { net: { dropoutP: 0.4 } }, rev: 3 });
  await h.until(() => h.frames.length === 2);
  expect(h.frames[1].rev).toBe(3);
  // A second change while both are unacknowledged waits for the ack of the newest.
  h.send({ type: 'set', patch: { net: { dropoutP: 0.5 } }, rev: 4 });
  await sleep(100);
  expect(h.frames).toHaveLength(2);
  h.ack(h.frames[1].seq);
  await h.until(() => h.frames.length === 3);
  expect(h.frames[2].rev).toBe(4);
});

test('at most one frame per display frame when the page acknowledges at once', async () => {
  h = new Harness();
  const stamps: number[] = [];
  const post = h.runner['host'].post;
  h.runner['host'].post = (ev, tr) => {
    if (ev.type === 'frame') stamps.push(performance.now());
    post(ev, tr);
  };
  h.configure();
  h.send({ type: 'play' });
  await h.until(() => stamps.length > 11);
  h.send({ type: 'pause' });
  const gaps = stamps.slice(1).map((t, i) => t - stamps[i]);
  expect(gaps.length).toBeGreaterThan(10);
  expect(Math.min(...gaps)).toBeGreaterThanOrEqual(h.runner.timing.frameMs - 0.5);
});

test('while training untouched, frames come at the training cadence; a command brings the next one sooner', async () => {
  // A slow cadence, so "sooner" is told apart by a wide margin even on a loaded machine.
  h = new Harness({ timing: { playFrameMs: 200 } });
  const stamps: { t: number; rev: number }[] = [];
  const post = h.runner['host'].post;
  h.runner['host'].post = (ev, tr) => {
    if (ev.type === 'frame') stamps.push({ t: performance.now(), rev: ev.frame.rev });
    post(ev, tr);
  };
  h.configure();
  h.send({ type: 'play' });
  await h.until(() => stamps.length >= 10);
  const { frameMs, playFrameMs } = h.runner.timing;
  const quiet = stamps.slice(3);
  const gaps = quiet.slice(1).map((s, i) => s.t - quiet[i].t);
  expect(gaps.length).toBeGreaterThan(5);
  expect(Math.min(...gaps)).toBeGreaterThanOrEqual(playFrameMs - 0.5);
  // A set right after a frame: its frame comes after about frameMs, before the training cadence.
  const before = stamps.length;
  await h.until(() => stamps.length > before);
  const sentAt = performance.now();
  h.send({ type: 'set', patch: { train: { lr: 0.02 } }, rev: 7 });
  await h.until(() => stamps.some((s) => s.rev >= 7));
  const reflected = stamps.find((s) => s.rev >= 7)!;
  // Halfway between the two spacings: a frame held to the training cadence would come at about playFrameMs.
  expect(reflected.t - sentAt).toBeLessThan((frameMs + playFrameMs) / 2);
  expect(frameMs).toBeLessThan(playFrameMs);
  h.send({ type: 'pause' });
});

test('every typed array of a frame is transferred, and the session keeps working after', async () => {
  h = new Harness();
  h.configure(tinyConfig({ norm: ['batchnorm', 'layernorm'] }));
  h.send({ type: 'play' });
  await h.frameWhere((f) => f.step > 30);
  h.send({ type: 'pause' });
  await h.settle();
  const frameIdx = h.events.map((e, i) => (e.type === 'frame' ? i : -1)).filter((i) => i >= 0);
  for (const i of frameIdx) {
    const arrays = typedArrays(h.events[i]);
    expect(h.transfers[i].length).toBe(arrays.length);
    expect(new Set(h.transfers[i]).size).toBe(arrays.length);
    // structuredClone with the transfer list detached the worker-side buffers.
    expect(h.transfers[i].every((b) => b.byteLength === 0)).toBe(true);
  }
  const ready = h.events.findIndex((e) => e.type === 'ready');
  expect(h.transfers[ready].length).toBe(typedArrays(h.events[ready]).length);
  // Had any live buffer been transferred, training or the next frame would now fail.
  const before = h.lastFrame().step;
  h.send({ type: 'step', n: 10 });
  const f = await h.frameWhere((f) => f.step === before + 10);
  expect(Number.isFinite(f.batchLoss)).toBe(true);
  expect(h.errors).toHaveLength(0);
});

test('a set is in force for the very next step (paused: set then step in one go)', async () => {
  h = new Harness();
  h.configure(tinyConfig({ dropoutP: 0.9 }));
  h.send({ type: 'step', n: 1 });
  const a = await h.frameWhere((f) => f.step === 1);
  const mask = (f: Frame) => f.layers.filter((l) => l.type === 'dropout' && l.index > 0).flatMap((l) => Array.from(l.mask!));
  expect(mask(a).filter((m) => m === 0).length).toBeGreaterThan(100);
  h.send({ type: 'set', patch: { net: { dropoutP: 0 } } });
  h.send({ type: 'step', n: 1 });
  const b = await h.frameWhere((f) => f.step === 2);
  expect(mask(b).every((m) => m === 1)).toBe(true);
});

test('a set while playing: the first frame that reports it already trains with it', async () => {
  h = new Harness();
  h.configure(tinyConfig({}, { optimizer: 'sgd', momentum: 0, lr: 0.1 }));
  h.send({ type: 'play' });
  await h.frameWhere((f) => f.step > 20);
  h.send({ type: 'set', patch: { train: { lr: 1e-9 } }, rev: 77 });
  const first = await h.frameWhere((f) => f.rev >= 77);
  const later = await h.frameWhere((f) => f.step > first.step + 50);
  const w = (f: Frame) => f.layers.filter((l) => l.weight).flatMap((l) => Array.from(l.weight!));
  const drift = Math.max(...w(first).map((v, i) => Math.abs(v - w(later)[i])));
  expect(drift).toBeLessThan(1e-5);
  // …whereas at the old rate the same number of steps moves the weights visibly.
  h.send({ type: 'set', patch: { train: { lr: 0.1 } }, rev: 78 });
  const f2 = await h.frameWhere((f) => f.rev >= 78);
  const f3 = await h.frameWhere((f) => f.step > f2.step + 50);
  expect(Math.max(...w(f2).map((v, i) => Math.abs(v - w(f3)[i])))).toBeGreaterThan(1e-3);
});

test('Step pressed again before the last ran adds its step (add); a step without add replaces what is pending', async () => {
  h = new Harness({ autoAck: false });
  h.configure();
  await h.until(() => h.frames.length === 1);
  // The worker owes an ack, so it trains the pending steps but holds their frame: ten quick presses.
  for (let i = 0; i < 10; i++) h.send({ type: 'step', n: 1, add: true });
  await h.until(() => h.runner.session.run!.step === 10 && h.runner.pendingSteps === 0);
  await sleep(50);
  expect(h.runner.session.run!.step).toBe(10);
  // Without add (Compare's "go to the stop step"), a later count replaces the pending one.
  h.send({ type: 'pause' });
  h.runner.pendingSteps = 0;
  h.send({ type: 'step', n: 1000 });
  h.send({ type: 'step', n: 5 });
  await h.until(() => h.runner.pendingSteps === 0);
  expect(h.runner.session.run!.step).toBe(15);
});
