// The training loop: trains in time-budgeted slices and yields between them so commands are handled
// promptly; posts at most one frame per display frame and, while training alone, never a second before
// the page has acknowledged the first (a command's frame may overtake one unacknowledged frame, so a
// slider's effect does not wait for the page's next animation frame to ack); obeys the speed cap; turns
// failures into events and pauses itself. It also steps aside for the page, which shares the CPU with
// it: after a command's frame, training waits until the page has drawn it, and while the page is behind
// with its acknowledgements, training rests between slices (see holdMs, lagMs, restMs).
import type { WorkerEvent } from '../protocol/messages.ts';
import type { ReadyInfo } from '../protocol/frame.ts';
import { EngineError } from '../engine/errors.ts';
import { Session } from './session.ts';

/** What the loop needs from its surroundings: a worker scope in the browser, a fake in tests. */
export interface Host {
  /** Posts an event; `transfer` lists the buffers to move rather than copy. */
  post(ev: WorkerEvent, transfer: ArrayBuffer[]): void;
  /** Milliseconds, monotonic. */
  now(): number;
  /** Runs fn as a new task, after the messages already queued (a MessageChannel round trip in a worker). */
  soon(fn: () => void): void;
  /** Runs fn after ms; returns a function that cancels it. */
  later(fn: () => void, ms: number): () => void;
}

export interface LoopTiming {
  /** Training per slice before yielding to messages. */
  sliceMs: number;
  /** Minimum spacing of frames: one per display frame (used when a command changed something). */
  frameMs: number;
  /**
   * Spacing of frames while training with nothing new from the page. Half the display rate keeps the
   * page's main thread (message decoding, canvas paints) light enough to hold its own frame rate;
   * a command still gets its frame after frameMs, so a slider's effect shows as fast as before.
   */
  playFrameMs: number;
  /** Per frame, while training, the time the output picture (grid, MC band) may take. */
  outputBudgetMs: number;
  /** Largest share of the time full-set evaluations may take while training. */
  evalShare: number;
  /**
   * After a command's frame, training waits up to this long for the page to acknowledge it. On a
   * machine with few cores the worker's slices compete with the page's main thread for a core: the
   * learner's change is drawn sooner when the worker steps aside until it has been.
   */
  holdMs: number;
  /**
   * A frame still unacknowledged this long after it went out means the page is behind: between
   * slices, training then rests `restMs`, leaving the page the CPU to catch up (uncapped Play only).
   */
  lagMs: number;
  restMs: number;
  /** The output picture's budget in a run's first frame: it finishes in the frames after. */
  firstOutputMs: number;
}

export const DEFAULT_TIMING: LoopTiming = {
  sliceMs: 8, frameMs: 16, playFrameMs: 33, outputBudgetMs: 0.8, evalShare: 0.08, holdMs: 50, lagMs: 24, restMs: 4, firstOutputMs: 4,
};

/** Steps per second at or below which Play is slow motion: no step goes undrawn. */
export const SLOW_MOTION = 10;

/** A refused command or failed step, with the error code the page shows. */
export class CommandError extends Error {
  readonly code: 'bad_command' | 'not_configured';
  constructor(code: 'bad_command' | 'not_configured', message: string) {
    super(message);
    this.code = code;
  }
}

/** Every ArrayBuffer under a value (typed arrays in plain objects and arrays), each once. */
export function collectTransfers(v: unknown, out: ArrayBuffer[] = [], seen = new Set<ArrayBufferLike>()): ArrayBuffer[] {
  if (v === null || typeof v !== 'object') return out;
  if (ArrayBuffer.isView(v)) {
    const b = v.buffer;
    if (b instanceof ArrayBuffer && !seen.has(b)) {
      seen.add(b);
      out.push(b);
    }
    return out;
  }
  for (const x of Array.isArray(v) ? v : Object.values(v)) collectTransfers(x, out, seen);
  return out;
}

export class Runner {
  readonly session = new Session();
  readonly timing: LoopTiming;
  playing = false;
  pendingSteps = 0;
  speed: number | null = null;
  /** Highest command rev applied. */
  rev = 0;
  private readonly host: Host;
  private seq = 0;
  private inFlight: number | null = null;
  /** A command's frame went out past an unacknowledged one: no other may until the page acks. */
  private overtaken = false;
  private lastFrameAt = -Infinity;
  /** Until when training waits for the page to ack the command's frame `holdSeq`. */
  private holdUntil = -Infinity;
  private holdSeq = -1;
  /**
   * The next frame is a new run's first: it goes out without waiting for the whole output picture
   * (the page's first screen is waiting on it), and the picture follows in the next frames.
   */
  private firstFrame = false;
  private dirty = false;
  /** A command changed something since the last frame: the next frame may come at frameMs. */
  private urgent = false;
  /** A frame failed to build: none is retried until the next command changes something. */
  private frameBroken = false;
  private scheduled: 'soon' | 'later' | null = null;
  private cancelLater: (() => void) | null = null;
  private tokens = 1;
  private tokenAt = 0;
  private nextEvalAt = 0;
  private totalSteps = 0;
  /** (time, totalSteps) pairs over about the last second, for steps per second. */
  private rate: number[] = [];

  constructor(host: Host, timing: Partial<LoopTiming> = {}) {
    this.host = host;
    this.timing = { ...DEFAULT_TIMING, ...timing };
  }

  /** Frame `seq` currently unacknowledged, if any. */
  get frameInFlight(): number | null {
    return this.inFlight;
  }

  get active(): boolean {
    return this.session.run !== null && (this.playing || this.pendingSteps > 0);
  }

  /** The speed cap paces Play only: an exact run of n steps (a lesson's "Train N steps") keeps its own pace. */
  private get capped(): boolean {
    return this.speed !== null && this.playing;
  }

  /**
   * In slow motion a step waits until the one before it has gone out in a frame: however slow the
   * page, every step's masks are shown, one mask at a time. (Faster paces keep their rate; each frame
   * still shows the masks of the step it reports.)
   */
  private waitingForDraw(): boolean {
    return this.capped && this.speed! <= SLOW_MOTION && this.dirty && !this.frameBroken && this.session.run !== null;
  }

  post(ev: WorkerEvent, transfer: ArrayBuffer[] = []): void {
    this.host.post(ev, transfer);
  }

  ready(info: ReadyInfo): void {
    this.firstFrame = true;
    this.pendingSteps = 0;
    this.nextEvalAt = 0;
    this.post({ type: 'ready', info }, collectTransfers(info));
  }

  play(): void {
    this.playing = true;
  }

  pause(): void {
    this.playing = false;
    this.pendingSteps = 0;
  }

  /** n more steps: added to those still pending (`add`: Step pressed again before the last ran), or instead of them. */
  step(n: number, add = false): void {
    this.playing = false;
    this.pendingSteps = add ? Math.min(1e9, this.pendingSteps + n) : n;
  }

  setSpeed(sps: number | null): void {
    this.speed = sps;
    this.tokens = 1;
    this.tokenAt = this.host.now();
  }

  ack(seq: number): void {
    const held = seq === this.holdSeq && this.holdUntil > -Infinity;
    if (held) this.holdUntil = -Infinity;
    // Only the newest frame's ack counts (one for a frame a command's frame overtook is stale).
    if (seq !== this.inFlight) {
      if (held) this.kick();
      return;
    }
    this.inFlight = null;
    this.overtaken = false;
    this.kick();
  }

  /** Something the page sees changed: a frame is due. */
  changed(): void {
    this.dirty = true;
    this.urgent = true;
    this.frameBroken = false;
    this.kick();
  }

  kick(): void {
    if (this.scheduled === 'soon') return;
    if (this.cancelLater) this.cancelLater();
    this.cancelLater = null;
    this.scheduled = 'soon';
    this.host.soon(() => this.tick());
  }

  /** Spacing before the next frame: a display frame after a command, otherwise the training cadence. */
  private frameGap(): number {
    return this.urgent || !this.active ? this.timing.frameMs : Math.max(this.timing.frameMs, this.timing.playFrameMs);
  }

  /**
   * Whether a frame may go out now, acknowledgements aside from timing: none unacknowledged, or one
   * that a command's frame may overtake once. Without this, a change waited for the page to ack the
   * frame in flight (its next animation frame, then a message each way) before its own frame could go.
   */
  private mayPost(): boolean {
    return this.inFlight === null || (this.urgent && !this.overtaken);
  }

  private frameWanted(): boolean {
    return this.session.run !== null && !this.frameBroken && (this.dirty || this.session.outputBehind());
  }

  /** Training waits: a command's frame is out and the page has not drawn it yet (at most holdMs). */
  private holding(now: number): boolean {
    return now < this.holdUntil;
  }

  /** The page has left a frame unacknowledged for more than lagMs: it is short of CPU. */
  private pageBehind(now: number): boolean {
    return this.inFlight !== null && now - this.lastFrameAt > this.timing.lagMs;
  }

  private refill(now: number): void {
    if (this.speed === null) return;
    const burst = Math.max(1, this.speed * 0.05);
    this.tokens = Math.min(burst, this.tokens + ((now - this.tokenAt) * this.speed) / 1000);
    this.tokenAt = now;
  }

  private tick(): void {
    this.scheduled = null;
    this.cancelLater = null;
    let phase: 'frame' | 'train' = 'frame';
    try {
      const now = this.host.now();
      if (this.mayPost() && now >= this.lastFrameAt + this.frameGap() && this.frameWanted()) this.emitFrame(now);
      if (this.active && !this.holding(this.host.now())) {
        phase = 'train';
        const t = this.host.now();
        let deadline = t + this.timing.sliceMs;
        // End the slice when the next frame is due, so a frame goes out on time.
        if (this.mayPost()) deadline = Math.min(deadline, Math.max(this.lastFrameAt + this.frameGap(), t + 1));
        this.trainSlice(deadline);
      }
    } catch (e) {
      this.fail(e, phase);
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    const now = this.host.now();
    const frameIn = this.mayPost() && this.frameWanted() ? this.lastFrameAt + this.frameGap() - now : Infinity;
    let wait = Infinity;
    if (this.active && this.holding(now)) {
      // The ack kicks the loop; the hold's end is the latest it waits.
      wait = Math.min(this.holdUntil - now, frameIn);
    } else if (this.active) {
      this.refill(now);
      let w = !this.capped || this.tokens >= 1 ? 0 : ((1 - this.tokens) / this.speed!) * 1000;
      if (this.waitingForDraw()) w = Math.max(w, frameIn, 1);
      else if (!this.capped && this.pageBehind(now)) w = Math.max(w, this.timing.restMs);
      wait = w === 0 ? 0 : Math.min(w, frameIn);
    } else {
      wait = frameIn;
    }
    if (wait === Infinity) return;
    if (wait <= 0) {
      this.scheduled = 'soon';
      this.host.soon(() => this.tick());
    } else {
      this.scheduled = 'later';
      this.cancelLater = this.host.later(() => this.tick(), wait);
    }
  }

  private trainSlice(deadline: number): void {
    const run = this.session.current;
    const { evalEvery } = this.session.options;
    while (this.active) {
      let now = this.host.now();
      if (this.capped) {
        this.refill(now);
        if (this.tokens < 1 || this.waitingForDraw()) break;
      }
      const m = run.metrics;
      if ((run.metricsStale || !m || run.step - m.step >= evalEvery) && now >= this.nextEvalAt) {
        run.evaluate();
        const end = this.host.now(), cost = end - now, share = this.timing.evalShare;
        this.nextEvalAt = end + Math.max(this.timing.frameMs, (cost * (1 - share)) / share);
        now = end;
        if (now >= deadline) break;
      }
      const res = run.trainStep();
      this.session.touch(false);
      this.dirty = true;
      if (this.capped) this.tokens -= 1;
      if (res.diverged) {
        this.pause();
        this.post({ type: 'diverged', step: run.step, loss: res.loss });
        break;
      }
      this.totalSteps++;
      if (this.pendingSteps > 0) this.pendingSteps--;
      if (this.host.now() >= deadline) break;
    }
    this.noteRate();
  }

  /** Samples in the steps-per-second window (a second's worth plus one): bounded however long training runs. */
  get rateSamples(): number {
    return this.rate.length / 2;
  }

  /** Time the steps-per-second window spans: a second and one slice's gap, however long training runs. */
  get rateWindowMs(): number {
    const r = this.rate;
    return r.length < 4 ? 0 : r[r.length - 2] - r[0];
  }

  private noteRate(): void {
    const now = this.host.now(), r = this.rate;
    r.push(now, this.totalSteps);
    // Keep one pair older than a second as the base of the window.
    while (r.length > 4 && r[2] <= now - 1000) r.splice(0, 2);
  }

  private stepsPerSecond(now: number): number {
    const r = this.rate;
    if (!this.active || r.length < 4) return 0;
    const dt = now - r[0];
    return dt > 0 ? ((this.totalSteps - r[1]) * 1000) / dt : 0;
  }

  private emitFrame(now: number): void {
    const s = this.session, run = s.current;
    // Every frame carries metrics: a new run's first evaluation comes here if no slice has made it.
    if (!run.metrics || (!this.active && (run.metricsStale || run.metrics.step !== run.step))) run.evaluate();
    const seq = ++this.seq;
    // A command's frame while training: the page draws it before the worker takes the CPU back.
    if (this.urgent && this.active) {
      this.holdSeq = seq;
      this.holdUntil = now + this.timing.holdMs;
    }
    this.dirty = false;
    this.urgent = false;
    const outputBudget = this.active ? this.timing.outputBudgetMs : this.firstFrame ? this.timing.firstOutputMs : Infinity;
    this.firstFrame = false;
    const frame = s.buildFrame(
      { seq, rev: this.rev, stepsPerSecond: this.stepsPerSecond(now), playing: this.playing, pendingSteps: this.pendingSteps, speed: this.speed },
      outputBudget,
      () => this.host.now(),
    );
    if (this.inFlight !== null) this.overtaken = true;
    this.inFlight = seq;
    this.post({ type: 'frame', frame }, collectTransfers(frame));
    // Spacing counts from the end of the post, so a slow build cannot bring the next frame closer.
    this.lastFrameAt = this.host.now();
  }

  /** A failed step or frame: report it, pause, keep the session usable. */
  fail(e: unknown, phase: 'frame' | 'train' | 'command', command?: WorkerEventCommand, rev?: number): void {
    if (phase !== 'command') this.pause();
    // A frame that cannot be built is not retried until something changes, or it would fail forever.
    this.dirty = true;
    if (phase === 'frame') this.frameBroken = true;
    const hasRun = this.session.run !== null;
    // The step the run stands at: the page's own count may lag a frame or more behind.
    const at = this.session.run ? { step: this.session.run.step } : {};
    if (e instanceof EngineError) {
      this.post({ type: 'error', message: e.message, recoverable: hasRun, code: e.code, field: e.field, command, rev, ...at });
    } else if (e instanceof CommandError) {
      this.post({ type: 'error', message: e.message, recoverable: hasRun, code: e.code, command, rev, ...at });
    } else {
      const message = e instanceof Error ? e.message : String(e);
      this.post({ type: 'error', message, recoverable: hasRun, code: 'internal', command, rev, ...at });
    }
  }
}

type WorkerEventCommand = Extract<WorkerEvent, { type: 'error' }>['command'];
