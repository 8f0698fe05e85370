// The bridge: coalescing per animation frame, acknowledgement once per animation frame, and restarting
// a dead or silent worker with every setting replayed.
import { afterEach, describe, expect, test } from 'vitest';
import { createBridge, type Bridge, type BridgeEvent } from '../../src/bridge/bridge.ts';
import { DEFAULT_TEACH } from '../../src/protocol/config.ts';
import type { Command, WorkerEvent } from '../../src/protocol/messages.ts';
import type { Frame } from '../../src/protocol/frame.ts';
import { tinyConfig } from '../worker/harness.ts';
import { InProcessWorker, ManualClock, scriptedFactory } from './fakes.ts';

let bridge: Bridge | null = null;
afterEach(() => bridge?.dispose());

function fakeFrame(seq: number, rev: number, playing = true): Frame {
  return { seq, rev, playing, pendingSteps: 0 } as Frame;
}

function setup(stallMs = 5000) {
  const clock = new ManualClock();
  const { factory, workers } = scriptedFactory();
  const events: BridgeEvent[] = [];
  bridge = createBridge({ workerFactory: factory, onEvent: (e) => events.push(e), clock, stallMs, maxRestarts: 3, restartWindowMs: 60_000 });
  return { b: bridge, clock, workers, events };
}

describe('sending', () => {
  test('sets within one animation frame merge (latest wins per field); the first goes at once', () => {
    const { b, clock, workers } = setup();
    const w = workers[0];
    b.set({ net: { dropoutP: 0.1 } });
    expect(w.commands).toHaveLength(1);
    b.set({ net: { dropoutP: 0.2 } });
    b.set({ train: { lr: 0.5 } });
    b.set({ net: { dropoutP: 0.3, dropoutInput: true } });
    expect(w.commands).toHaveLength(1);
    clock.frame();
    expect(w.commands).toHaveLength(2);
    expect(w.commands[1]).toMatchObject({ type: 'set', patch: { net: { dropoutP: 0.3, dropoutInput: true }, train: { lr: 0.5 } } });
    // Revs increase per command sent.
    expect(w.commands.map((c) => c.rev)).toEqual([1, 2]);
    expect(b.rev).toBe(2);
  });

  test('another command flushes the held changes first, keeping the order', () => {
    const { b, clock, workers } = setup();
    const w = workers[0];
    b.set({ train: { lr: 0.1 } });
    b.set({ train: { lr: 0.2 } });
    b.step(3);
    expect(w.commands.map((c) => c.type)).toEqual(['set', 'set', 'step']);
    expect(w.commands[1]).toMatchObject({ patch: { train: { lr: 0.2 } } });
    // This animation frame has had its change: the next slider move waits for the next one.
    b.setNorm(2, 'all', { gamma: 1.5 });
    expect(w.commands).toHaveLength(3);
    clock.frame();
    expect(w.commands.map((c) => c.type)).toEqual(['set', 'set', 'step', 'setNorm']);
  });

  test('γ drags on one feature merge; a change to another feature keeps its place', () => {
    const { b, clock, workers } = setup();
    const w = workers[0];
    b.setNorm(2, 0, { gamma: 1 });
    b.setNorm(2, 0, { gamma: 1.1 });
    b.setNorm(2, 0, { beta: 0.3 });
    b.setNorm(2, 'all', { gamma: 2 });
    b.setNorm(2, 0, { gamma: 5 });
    clock.frame();
    expect(w.commands.slice(1)).toEqual([
      { type: 'setNorm', layer: 2, feature: 0, gamma: 1.1, beta: 0.3, rev: 2 },
      { type: 'setNorm', layer: 2, feature: 'all', gamma: 2, rev: 3 },
      { type: 'setNorm', layer: 2, feature: 0, gamma: 5, rev: 4 },
    ]);
  });

  test('a frame is handed on at once and acknowledged at the next animation frame, once', () => {
    const { b, clock, workers, events } = setup();
    const w = workers[0];
    b.play();
    w.say({ type: 'frame', frame: fakeFrame(1, 1) });
    expect(events.map((e) => e.type)).toEqual(['frame']);
    expect(w.got.filter((c) => c.type === 'ack')).toHaveLength(0);
    clock.frame();
    expect(w.got.filter((c) => c.type === 'ack')).toEqual([{ type: 'ack', seq: 1 }]);
    clock.frame();
    expect(w.got.filter((c) => c.type === 'ack')).toHaveLength(1);
  });
});

describe('restart', () => {
  const config = tinyConfig();

  function playScript() {
    const s = setup();
    const { b, workers } = s;
    b.configure(config, DEFAULT_TEACH, 'training', { evalEvery: 3 });
    b.set({ net: { dropoutP: 0.4 } });
    b.send({ type: 'setNorm', layer: 2, feature: 'all', frozen: true });
    b.mode('inference');
    b.speed(30);
    b.play();
    s.clock.frame();
    b.set({ train: { lr: 0.02 } });
    b.setNorm(2, 1, { beta: 0.7 });
    s.clock.frame();
    workers[0].say({ type: 'frame', frame: fakeFrame(1, b.rev) });
    return s;
  }

  function expectReplayed(cmds: Command[], lr: number): void {
    expect(cmds.map((c) => c.type)).toEqual(['configure', 'setNorm', 'setNorm', 'speed', 'play']);
    const [conf, freeze, edit, speed] = cmds;
    if (conf.type !== 'configure') throw new Error('unreachable');
    expect(conf.config.net.dropoutP).toBe(0.4);
    expect(conf.config.train.lr).toBe(lr);
    expect(conf.config.seed).toBe(config.seed);
    expect(conf.mode).toBe('inference');
    expect(conf.options).toEqual({ evalEvery: 3 });
    expect(freeze).toMatchObject({ layer: 2, feature: 'all', frozen: true });
    expect(edit).toMatchObject({ layer: 2, feature: 1, beta: 0.7 });
    expect(speed).toMatchObject({ stepsPerSecond: 30 });
  }

  test('a worker error starts a new worker and replays every setting', () => {
    const { workers, events } = playScript();
    workers[0].h.error('boom');
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expectReplayed(workers[1].commands, 0.02);
    expect(events.at(-1)).toEqual({ type: 'restarted', reason: 'boom', attempt: 1 });
    // The old worker's late words are ignored.
    workers[0].say({ type: 'frame', frame: fakeFrame(9, 99) });
    expect(events.filter((e) => e.type === 'frame')).toHaveLength(1);
  });

  test('a refused change is not replayed', () => {
    const { b, clock, workers } = playScript();
    b.set({ train: { lr: -5 } });
    clock.frame(); // held until this animation frame
    const bad = b.rev;
    expect(workers[0].commands.at(-1)).toMatchObject({ type: 'set', rev: bad, patch: { train: { lr: -5 } } });
    workers[0].say({ type: 'error', message: 'lr: must be …', recoverable: true, code: 'invalid_spec', field: 'lr', command: 'set', rev: bad });
    workers[0].say({ type: 'frame', frame: fakeFrame(2, bad) });
    workers[0].h.error('boom');
    expectReplayed(workers[1].commands, 0.02);
  });

  test('a change still held for the next animation frame when the worker dies reaches the new worker', () => {
    const { b, clock, workers } = playScript();
    b.set({ net: { dropoutP: 0.1 } }); // this animation frame already sent a change: held
    b.setNorm(2, 0, { gamma: 3 });
    expect(workers[0].commands.at(-1)).not.toMatchObject({ type: 'setNorm', gamma: 3 });
    workers[0].h.error('boom');
    clock.frame();
    const got = workers[1].commands;
    expect(got.map((c) => c.type)).toEqual(['configure', 'setNorm', 'setNorm', 'speed', 'play', 'set', 'setNorm']);
    expect(got[5]).toMatchObject({ patch: { net: { dropoutP: 0.1 } } });
    expect(got[6]).toMatchObject({ layer: 2, feature: 0, gamma: 3 });
    // …and they are part of what a further restart replays.
    workers[1].h.error('again');
    const conf = workers[2].commands[0];
    expect(conf.type === 'configure' && conf.config.net.dropoutP).toBe(0.1);
    expect(workers[2].commands).toContainEqual(expect.objectContaining({ type: 'setNorm', layer: 2, feature: 0, gamma: 3 }));
  });

  test('a pending, unanswered change is replayed too', () => {
    const { b, workers } = playScript();
    b.send({ type: 'newSeed', seed: 4242 });
    workers[0].h.error('boom');
    const conf = workers[1].commands[0];
    expect(conf.type === 'configure' && conf.config.seed).toBe(4242);
    // A new seed re-initializes the weights: the γ/β edit is gone, the freeze stays.
    expect(workers[1].commands.map((c) => c.type)).toEqual(['configure', 'setNorm', 'speed', 'play']);
  });

  test('a worker that falls silent while playing is restarted after stallMs', () => {
    const { clock, workers, events } = playScript();
    clock.frame(); // acknowledges frame 1: an answer is now due
    clock.advance(4000);
    expect(workers).toHaveLength(1);
    clock.advance(2000);
    expect(workers).toHaveLength(2);
    expect(events.at(-1)).toMatchObject({ type: 'restarted', attempt: 1 });
    expect((events.at(-1) as { reason: string }).reason).toMatch(/did not answer/);
  });

  test('a paused, quiet worker is not taken for dead', () => {
    const { b, clock, workers } = setup();
    b.configure(config, DEFAULT_TEACH, 'training');
    workers[0].say({ type: 'frame', frame: fakeFrame(1, 1, false) });
    clock.frame();
    clock.advance(60_000);
    expect(workers).toHaveLength(1);
  });

  test('a worker with no configuration is not taken for dead when it says nothing to a pause', () => {
    const { b, clock, workers } = setup();
    b.pause();
    b.mode('inference');
    clock.advance(60_000);
    expect(workers).toHaveLength(1);
    // Once it has a configuration, silence counts again.
    b.configure(config, DEFAULT_TEACH, 'training');
    clock.advance(6000);
    expect(workers).toHaveLength(2);
  });

  test('a command sent while a frame waits for its ack does not count as unanswered until the ack goes', () => {
    const { b, clock, workers } = setup();
    b.configure(config, DEFAULT_TEACH, 'training');
    workers[0].say({ type: 'frame', frame: fakeFrame(1, 1, false) });
    b.step(1); // the worker cannot answer before it has the ack
    clock.advance(30_000); // no animation frames (a hidden tab)
    expect(workers).toHaveLength(1);
    clock.frame(); // the ack goes out; now an answer is due
    clock.advance(6000);
    expect(workers).toHaveLength(2);
  });

  test('a slow speed cap is not mistaken for a stall', () => {
    const { b, clock, workers } = setup();
    b.configure(config, DEFAULT_TEACH, 'training');
    b.speed(0.2); // one step every 5 s
    b.play();
    workers[0].say({ type: 'frame', frame: fakeFrame(1, b.rev) });
    clock.frame();
    clock.advance(12_000);
    expect(workers).toHaveLength(1);
    clock.advance(5000);
    expect(workers).toHaveLength(2);
  });

  test('after too many restarts in a short time the bridge gives up', () => {
    const { b, workers, events, clock } = setup();
    b.configure(config, DEFAULT_TEACH, 'training');
    for (let i = 0; i < 4; i++) {
      clock.advance(1000);
      workers.at(-1)!.h.error(`crash ${i}`);
    }
    expect(workers).toHaveLength(4);
    expect(events.at(-1)).toEqual({ type: 'failed', reason: 'crash 3' });
    expect(b.status).toBe('failed');
    b.play(); // no throw, nothing sent
    expect(workers[3].terminated).toBe(true);
  });
});

test('with the real session: a crash mid-run restarts training with the learner’s settings', async () => {
  const events: BridgeEvent[] = [];
  const ports: InProcessWorker[] = [];
  bridge = createBridge({
    workerFactory: (h) => {
      const w = new InProcessWorker(h);
      ports.push(w);
      return w;
    },
    onEvent: (e) => events.push(e),
  });
  const frames = () => events.flatMap((e) => (e.type === 'frame' ? [e.frame] : []));
  const until = async (pred: () => boolean, what: string) => {
    const t0 = performance.now();
    while (!pred()) {
      if (performance.now() - t0 > 10_000) throw new Error(`timed out: ${what}`);
      await new Promise((r) => setTimeout(r, 2));
    }
  };
  bridge.configure(tinyConfig({ norm: ['batchnorm', 'none'] }), DEFAULT_TEACH, 'training');
  bridge.play();
  await until(() => frames().some((f) => f.step > 20), 'training');
  bridge.set({ net: { dropoutP: 0.45 }, train: { lr: 0.03 } });
  bridge.setNorm(2, 'all', { frozen: true });
  const rev = bridge.rev;
  await until(() => frames().some((f) => f.rev >= rev), 'the changes to show');
  ports[0].crash();
  await until(() => events.some((e) => e.type === 'restarted'), 'restart');
  const readyAfter = () => events.slice(events.findIndex((e) => e.type === 'restarted')).find((e): e is Extract<WorkerEvent, { type: 'ready' }> => e.type === 'ready');
  await until(() => !!readyAfter(), 'ready from the new worker');
  const info = readyAfter()!.info;
  expect(info.config.net.dropoutP).toBe(0.45);
  expect(info.config.train.lr).toBe(0.03);
  const restartedAt = events.findIndex((e) => e.type === 'restarted');
  await until(() => events.slice(restartedAt).some((e) => e.type === 'frame' && e.frame.playing && e.frame.step > 20), 'training again');
  const f = events.slice(restartedAt).flatMap((e) => (e.type === 'frame' ? [e.frame] : [])).at(-1)!;
  expect(f.layers[2].frozen).toBe(true);
  expect(f.layers.filter((l) => l.type === 'dropout').map((l) => l.p)).toEqual([0, 0.45, 0.45]);
  expect(events.filter((e) => e.type === 'error')).toHaveLength(0);
});
