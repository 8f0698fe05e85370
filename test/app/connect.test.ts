// The page's wiring between the lab store and the training bridge: a change the worker refuses leaves
// the settings in force (every panel and the link describe what trains), and the learner's values stay
// beside them as `asked`.
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { startSession } from '../../src/app/connect.ts';
import type { Bridge } from '../../src/bridge/bridge.ts';
import { connectPort, useLab } from '../../src/store/lab.ts';
import { DEFAULT_CONFIG } from '../../src/protocol/config.ts';
import { createRuns } from '../../src/store/runs.ts';
import type { Frame } from '../../src/protocol/frame.ts';
import { scriptedFactory, type ScriptedWorker } from '../bridge/fakes.ts';

const initialLab = useLab.getState();
let b: Bridge | null = null;

beforeEach(() => {
  // With no requestAnimationFrame in Node the bridge's animation frame is a 16 ms timer.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  useLab.setState(initialLab, true);
});

afterEach(() => {
  b?.dispose();
  b = null;
  connectPort(null);
  vi.useRealTimers();
});

function start(): ScriptedWorker {
  const { factory, workers } = scriptedFactory();
  b = startSession(factory);
  const w = workers[0];
  // The worker takes the configure.
  w.say({ type: 'frame', frame: { seq: 1, rev: b.rev, playing: false, pendingSteps: 0, step: 0, epoch: 0, metrics: null } as unknown as Frame });
  return w;
}

function refuse(w: ScriptedWorker, rev: number, command: 'set' | 'configure' | 'newSeed', field: string): void {
  w.say({ type: 'error', message: `${field}: out of range`, recoverable: true, code: 'invalid_spec', field, command, rev });
}

test('a refused set is taken back out of the store; changes sent or held around it stay', () => {
  const w = start();
  const lab = useLab.getState();
  lab.patch({ train: { momentum: 0.5 } }); // goes at once
  lab.patch({ train: { lr: 1000 } }); // held until the next animation frame
  vi.advanceTimersByTime(16);
  const refusedRev = b!.rev;
  expect(w.commands.at(-1)).toMatchObject({ type: 'set', rev: refusedRev, patch: { train: { lr: 1000 } } });
  lab.patch({ net: { dropoutP: 0.5 } }); // held: not sent yet when the refusal arrives
  refuse(w, refusedRev, 'set', 'lr');

  const s = useLab.getState();
  expect(s.config.train.lr).toBe(DEFAULT_CONFIG.train.lr);
  expect(s.config.train.momentum).toBe(0.5);
  expect(s.config.net.dropoutP).toBe(0.5);
  // What the learner asked for stays beside it.
  expect(s.asked?.config.train).toMatchObject({ lr: 1000, momentum: 0.5 });
  expect(s.asked?.config.net.dropoutP).toBe(0.5);
  expect(s.notices.map((n) => n.key)).toContain('error.generic');
  vi.advanceTimersByTime(16);
  expect(w.commands.at(-1)).toMatchObject({ type: 'set', patch: { net: { dropoutP: 0.5 } } });
});

test('asked and in force side by side: later changes apply to both; asking for a value in force again clears asked', () => {
  const w = start();
  const lab = useLab.getState();
  lab.patch({ train: { lr: 1000 } });
  vi.advanceTimersByTime(16);
  refuse(w, b!.rev, 'set', 'lr');
  expect(useLab.getState().asked?.config.train.lr).toBe(1000);
  // Another setting: in force and in what was asked; the refused lr is still what was asked.
  useLab.getState().patch({ net: { dropoutP: 0.6 } });
  let s = useLab.getState();
  expect([s.config.net.dropoutP, s.asked?.config.net.dropoutP]).toEqual([0.6, 0.6]);
  expect([s.config.train.lr, s.asked?.config.train.lr]).toEqual([DEFAULT_CONFIG.train.lr, 1000]);
  // A second refusal keeps the first asked values (nothing the learner set is lost).
  useLab.getState().patch({ train: { momentum: 0.95 } });
  vi.advanceTimersByTime(16);
  refuse(w, b!.rev, 'set', 'momentum');
  s = useLab.getState();
  expect(s.asked?.config.train).toMatchObject({ lr: 1000, momentum: 0.95 });
  expect(s.config.train.momentum).toBe(DEFAULT_CONFIG.train.momentum);
  // The learner sets lr and momentum to values the worker takes: nothing asked is left apart.
  useLab.getState().patch({ train: { lr: 0.05, momentum: 0.5 } });
  s = useLab.getState();
  expect(s.asked).toBeNull();
  expect(s.config.train).toMatchObject({ lr: 0.05, momentum: 0.5 });
});

test('a refused configure (imported settings) leaves the store on the settings in force', () => {
  const w = start();
  const lab = useLab.getState();
  lab.applySettings({ config: { ...DEFAULT_CONFIG, seed: 99, train: { ...DEFAULT_CONFIG.train, lr: 1000 } }, teach: lab.teach, mode: lab.mode });
  expect(useLab.getState().config.seed).toBe(99);
  refuse(w, b!.rev, 'configure', 'lr');
  expect(useLab.getState().config).toEqual(DEFAULT_CONFIG);
  expect(useLab.getState().asked?.config).toMatchObject({ seed: 99, train: { lr: 1000 } });
});

test('a refused batch of one stays shown while the store lags behind the worker and later commands go out', () => {
  const w = start();
  const frame = (step: number, rev: number) =>
    w.say({ type: 'frame', frame: { seq: 2 + step, rev, playing: false, pendingSteps: 0, step, epoch: 0, metrics: null } as unknown as Frame });
  frame(40, b!.rev); // the store's last news: step 40
  // The worker trained on to step 57 before the batch of one reached it, then refused the next step.
  w.say({ type: 'error', message: 'bn', recoverable: true, code: 'bn_batch_one', step: 57 });
  expect(useLab.getState().notices.map((n) => n.key)).toContain('error.bnBatchOne');
  // An inspection (or any command) goes out; the next frame reflects it, still at step 57.
  useLab.getState().inspect(8);
  frame(57, b!.rev);
  expect(useLab.getState().notices.map((n) => n.key)).toContain('error.bnBatchOne');
  // The learner raises the batch and training moves on: now the message goes.
  useLab.getState().patch({ train: { batchSize: 8 } });
  vi.advanceTimersByTime(16);
  frame(58, b!.rev);
  expect(useLab.getState().notices.map((n) => n.key)).not.toContain('error.bnBatchOne');
});

test('repeated worker deaths: once the bridge gives up the page says so, shows stopped, and Play cannot claim training', () => {
  const { factory, workers } = scriptedFactory();
  b = startSession(factory);
  useLab.getState().play();
  workers[0].say({ type: 'frame', frame: { seq: 1, rev: b.rev, playing: true, pendingSteps: 0, step: 120, epoch: 1, stepsPerSecond: 12200, metrics: null } as unknown as Frame });
  expect(useLab.getState().stepsPerSecond).toBe(12200);
  for (let i = 0; i < 3; i++) workers.at(-1)!.h.error('simulated crash');
  expect(useLab.getState().notices.map((n) => n.key)).toContain('error.workerRestarted');
  expect(useLab.getState().stopped).toBe(false);
  workers.at(-1)!.h.error('simulated crash'); // the fourth within a minute
  const s = useLab.getState();
  expect(b.status).toBe('failed');
  expect(s.stopped).toBe(true);
  expect(s.playing).toBe(false);
  expect(s.stepsPerSecond).toBe(0);
  const keys = s.notices.map((n) => n.key);
  expect(keys).not.toContain('error.workerRestarted');
  expect(s.notices.find((n) => n.key === 'error.workerGaveUp')?.action).toBe('reload');
  s.play();
  expect(useLab.getState().playing).toBe(false);
});

test('the runs slice hears every run id first, and that a replaced worker starts new runs', () => {
  const { factory, workers } = scriptedFactory();
  const runs = createRuns();
  b = startSession(factory, runs);
  const say = (runId: number, step: number) =>
    workers.at(-1)!.say({ type: 'frame', frame: { seq: step, rev: b!.rev, runId, playing: true, pendingSteps: 0, step, epoch: 0, metrics: null } as unknown as Frame });
  say(1, 10);
  const first = runs.serial();
  say(1, 20);
  expect(runs.serial()).toBe(first);
  workers.at(-1)!.h.error('simulated crash'); // the bridge restarts the worker, whose runs count from 1 again
  expect(useLab.getState().notices.map((n) => n.key)).toContain('error.workerRestarted');
  say(1, 0);
  expect(runs.serial()).toBe(first + 1);
});

test('each session keeps its own state: a second session does not take over the first one\'s runs slice', () => {
  const one = scriptedFactory(), two = scriptedFactory();
  const runsOne = createRuns(), runsTwo = createRuns();
  const first = startSession(one.factory, runsOne);
  b = startSession(two.factory, runsTwo);
  one.workers[0].say({ type: 'frame', frame: { seq: 1, rev: first.rev, runId: 7, playing: false, pendingSteps: 0, step: 1, epoch: 0, metrics: null } as unknown as Frame });
  expect(runsOne.state().runId).toBe(7);
  expect(runsTwo.state().runId).toBeNull();
  first.dispose();
});
