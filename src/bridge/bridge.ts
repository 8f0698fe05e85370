// The page's side of the training worker: sends commands (coalescing slider drags per animation
// frame), acknowledges frames once per animation frame, and restarts a worker that dies or stops
// answering, replaying every setting. Plain TypeScript, no React or store: the app wires onEvent.
import type { LabConfig, TeachFlags, ViewMode } from '../protocol/config.ts';
import type { Command, ConfigPatch, SessionOptions, SetNormCommand, WorkerEvent } from '../protocol/messages.ts';
import { mergePatches } from '../protocol/patch.ts';
import { ReplayState, foldCommand, type RunState } from './replay.ts';

/** What the bridge hears from a worker. */
export interface WorkerHandlers {
  message(ev: WorkerEvent): void;
  /** The worker failed (uncaught error, unreadable message); it will be replaced. */
  error(reason: string): void;
}

export interface WorkerPort {
  post(cmd: Command): void;
  terminate(): void;
}

export type WorkerFactory = (handlers: WorkerHandlers) => WorkerPort;

export type BridgeEvent =
  | WorkerEvent
  /** The worker died or stalled and a new one was started with every setting replayed (from step 0). */
  | { type: 'restarted'; reason: string; attempt: number }
  /** Too many restarts in a short time: the bridge gave up. */
  | { type: 'failed'; reason: string };

export interface BridgeClock {
  now(): number;
  /** Calls cb at the next animation frame. */
  raf(cb: () => void): void;
  setInterval(cb: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface BridgeOptions {
  workerFactory: WorkerFactory;
  onEvent(ev: BridgeEvent): void;
  clock?: Partial<BridgeClock>;
  /** A worker silent this long while an answer is due is presumed dead (ms). */
  stallMs?: number;
  /** At most this many restarts within restartWindowMs, then give up. */
  maxRestarts?: number;
  restartWindowMs?: number;
}

export interface Bridge {
  /** Any command; `set` and consecutive `setNorm`s on one feature are coalesced per animation frame. */
  send(cmd: Command): void;
  configure(config: LabConfig, teach: TeachFlags, mode: ViewMode, options?: Partial<SessionOptions>): void;
  play(): void;
  pause(): void;
  step(n?: number): void;
  reset(): void;
  newSeed(seed: number): void;
  set(patch: ConfigPatch): void;
  setNorm(layer: number, feature: number | 'all', v: { gamma?: number; beta?: number; frozen?: boolean }): void;
  mode(mode: ViewMode): void;
  speed(stepsPerSecond: number | null): void;
  options(o: Partial<SessionOptions>): void;
  /** Rev of the last command sent; a frame with frame.rev ≥ it reflects everything sent so far. */
  readonly rev: number;
  readonly status: 'running' | 'failed' | 'disposed';
  /** What a restarted worker would be given. */
  readonly replay: ReplayState;
  /**
   * The settings in force, or on their way: what the worker accepted, with the pending and still-held
   * changes it has not refused (null before any configure). After a refusal the store takes these as
   * in force and keeps the learner's values beside them.
   */
  readonly inForce: RunState | null;
  /** Replaces the worker now (normally automatic). */
  restart(reason: string): void;
  dispose(): void;
}

const defaultClock = (): BridgeClock => ({
  now: () => performance.now(),
  raf: (cb) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => cb());
    else setTimeout(cb, 16);
  },
  setInterval: (cb, ms) => setInterval(cb, ms),
  clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
});

type Held = { type: 'set'; patch: ConfigPatch } | SetNormCommand;

export function createBridge(opts: BridgeOptions): Bridge {
  const clock: BridgeClock = { ...defaultClock(), ...opts.clock };
  const stallMs = opts.stallMs ?? 10_000, maxRestarts = opts.maxRestarts ?? 3, windowMs = opts.restartWindowMs ?? 60_000;
  const replay = new ReplayState();
  let status: 'running' | 'failed' | 'disposed' = 'running';
  let rev = 0;
  let port: WorkerPort;
  let generation = 0;
  let held: Held[] = [];
  let sentThisFrame = false;
  let rafPending = false;
  let ackDue: number | null = null;
  let workerPlaying = false;
  /** Since when an answer from the worker is due (null: none is). */
  let awaitingSince: number | null = null;
  let commandsSinceFrame = false;
  const restarts: number[] = [];

  const post = (cmd: Command): void => {
    if (status !== 'running') return;
    // A worker owed an ack answers nothing until it gets it (a hidden tab runs no animation frames),
    // so the clock starts when the ack goes out.
    if (cmd.type === 'ack') {
      if (workerPlaying || commandsSinceFrame) awaitingSince ??= clock.now();
    } else {
      commandsSinceFrame = true;
      // A worker with no configuration sends no frames: it answers only what it refuses, so its
      // silence after a pause or a mode change is no sign of a stall.
      if (ackDue === null && replay.run !== null) awaitingSince ??= clock.now();
    }
    port.post(cmd);
  };

  const emit = (cmd: Command): void => {
    const tagged = { ...cmd, rev: ++rev } as Command;
    replay.record(tagged);
    post(tagged);
  };

  const flushHeld = (): void => {
    const h = held;
    held = [];
    for (const c of h) emit(c);
  };

  /** One callback per animation frame: send what was held, acknowledge the frame taken. */
  const armRaf = (): void => {
    if (rafPending) return;
    rafPending = true;
    clock.raf(() => {
      rafPending = false;
      sentThisFrame = false;
      if (held.length) {
        flushHeld();
        sentThisFrame = true;
        armRaf();
      }
      if (ackDue !== null) {
        const seq = ackDue;
        ackDue = null;
        post({ type: 'ack', seq });
      }
    });
  };

  /** Slider-like commands: the first in an animation frame goes at once, later ones merge until the next. */
  const hold = (cmd: Held): void => {
    if (!sentThisFrame && !held.length) {
      sentThisFrame = true;
      emit(cmd);
      armRaf();
      return;
    }
    const last = held[held.length - 1];
    if (cmd.type === 'set' && last?.type === 'set') held[held.length - 1] = { type: 'set', patch: mergePatches(last.patch, cmd.patch) };
    else if (cmd.type === 'setNorm' && last?.type === 'setNorm' && last.layer === cmd.layer && last.feature === cmd.feature) {
      held[held.length - 1] = { ...last, ...definedFields(cmd) };
    } else held.push(cmd);
    armRaf();
  };

  const handle = (gen: number, ev: WorkerEvent): void => {
    if (gen !== generation || status !== 'running') return;
    awaitingSince = null;
    switch (ev.type) {
      case 'frame':
        commandsSinceFrame = false;
        workerPlaying = ev.frame.playing || ev.frame.pendingSteps > 0;
        replay.accepted(ev.frame.rev);
        if (!ev.frame.playing && replay.playing && ev.frame.rev >= rev) replay.stopped();
        ackDue = ev.frame.seq;
        armRaf();
        break;
      case 'error':
        if (ev.rev !== undefined) replay.refused(ev.rev);
        break;
      case 'diverged':
        replay.stopped();
        break;
      case 'ready':
      case 'inspection':
        break;
      default: {
        const never: never = ev;
        void never;
        return;
      }
    }
    opts.onEvent(ev);
  };

  const spawn = (): void => {
    const gen = ++generation;
    port = opts.workerFactory({
      message: (ev) => handle(gen, ev),
      error: (reason) => {
        if (gen === generation) restart(reason);
      },
    });
  };

  const restart = (reason: string): void => {
    if (status !== 'running') return;
    const now = clock.now();
    while (restarts.length && restarts[0] < now - windowMs) restarts.shift();
    try {
      port.terminate();
    } catch {
      // a dead worker may refuse even this
    }
    if (restarts.length >= maxRestarts) {
      status = 'failed';
      clock.clearInterval(watchdog);
      opts.onEvent({ type: 'failed', reason });
      return;
    }
    restarts.push(now);
    // Changes held for the next animation frame were never sent: the new worker gets them after the
    // replay, in the order they would have gone.
    const unsent = held;
    held = [];
    ackDue = null;
    awaitingSince = null;
    commandsSinceFrame = false;
    workerPlaying = false;
    spawn();
    // The new worker is told everything afresh; its answers confirm the replayed commands.
    const cmds = replay.replay();
    replay.rebase();
    for (const c of cmds) emit(c);
    for (const c of unsent) emit(c);
    opts.onEvent({ type: 'restarted', reason, attempt: restarts.length });
  };

  spawn();
  const watchdog = clock.setInterval(() => {
    // A slow speed cap spaces frames out: allow two steps' time on top.
    const limit = stallMs + (replay.speed ? 2000 / replay.speed : 0);
    if (awaitingSince !== null && clock.now() - awaitingSince > limit) restart(`the training worker did not answer for ${Math.round(limit / 1000)} s`);
  }, Math.min(1000, stallMs / 2));

  const send = (cmd: Command): void => {
    if (status !== 'running') return;
    if (cmd.type === 'ack') return post(cmd);
    if (cmd.type === 'set' || cmd.type === 'setNorm') return hold(cmd);
    // Anything else keeps its place after the held changes.
    flushHeld();
    emit(cmd);
  };

  return {
    send,
    configure: (config, teach, mode, options) => send({ type: 'configure', config, teach, mode, options }),
    play: () => send({ type: 'play' }),
    pause: () => send({ type: 'pause' }),
    step: (n = 1) => send({ type: 'step', n }),
    reset: () => send({ type: 'reset' }),
    newSeed: (seed) => send({ type: 'newSeed', seed }),
    set: (patch) => send({ type: 'set', patch }),
    setNorm: (layer, feature, v) => send({ type: 'setNorm', layer, feature, ...v }),
    mode: (mode) => send({ type: 'mode', mode }),
    speed: (stepsPerSecond) => send({ type: 'speed', stepsPerSecond }),
    options: (o) => send({ type: 'options', options: o }),
    get rev() {
      return rev;
    },
    get status() {
      return status;
    },
    replay,
    get inForce() {
      let s = replay.run;
      for (const c of held) s = foldCommand(s, c);
      return s;
    },
    restart,
    dispose: () => {
      if (status === 'disposed') return;
      status = 'disposed';
      clock.clearInterval(watchdog);
      port.terminate();
    },
  };
}

function definedFields(c: SetNormCommand): Partial<SetNormCommand> {
  const out: Partial<SetNormCommand> = {};
  if (c.gamma !== undefined) out.gamma = c.gamma;
  if (c.beta !== undefined) out.beta = c.beta;
  if (c.frozen !== undefined) out.frozen = c.frozen;
  return out;
}
