// Fakes for the bridge: a scripted worker, an in-process worker running the real session, and a clock
// whose animation frames and intervals run when the test says so.
import type { BridgeClock, WorkerFactory, WorkerHandlers, WorkerPort } from '../../src/bridge/bridge.ts';
import type { Command, WorkerEvent } from '../../src/protocol/messages.ts';
import { handleCommand } from '../../src/worker/handle-command.ts';
import { Runner } from '../../src/worker/loop.ts';

export class ManualClock implements BridgeClock {
  t = 0;
  private rafs: (() => void)[] = [];
  private intervals = new Map<number, { cb: () => void; ms: number; next: number }>();
  private ids = 0;
  now = (): number => this.t;
  raf = (cb: () => void): void => {
    this.rafs.push(cb);
  };
  setInterval = (cb: () => void, ms: number): unknown => {
    const id = ++this.ids;
    this.intervals.set(id, { cb, ms, next: this.t + ms });
    return id;
  };
  clearInterval = (h: unknown): void => {
    this.intervals.delete(h as number);
  };
  /** Runs the callbacks queued for the next animation frame. */
  frame(): void {
    const cbs = this.rafs;
    this.rafs = [];
    cbs.forEach((cb) => cb());
  }
  get rafQueued(): number {
    return this.rafs.length;
  }
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const due = [...this.intervals.values()].filter((i) => i.next <= end).sort((a, b) => a.next - b.next)[0];
      if (!due) break;
      this.t = due.next;
      due.next += due.ms;
      due.cb();
    }
    this.t = end;
  }
}

/** A worker whose answers the test writes; it records what it was sent. */
export class ScriptedWorker implements WorkerPort {
  readonly got: Command[] = [];
  terminated = false;
  readonly h: WorkerHandlers;
  constructor(h: WorkerHandlers) {
    this.h = h;
  }
  post(cmd: Command): void {
    if (this.terminated) throw new Error('posted to a terminated worker');
    this.got.push(structuredClone(cmd));
  }
  terminate(): void {
    this.terminated = true;
  }
  say(ev: WorkerEvent): void {
    this.h.message(ev);
  }
  /** The commands received other than acks. */
  get commands(): Command[] {
    return this.got.filter((c) => c.type !== 'ack');
  }
}

export function scriptedFactory(): { factory: WorkerFactory; workers: ScriptedWorker[] } {
  const workers: ScriptedWorker[] = [];
  return {
    workers,
    factory: (h) => {
      const w = new ScriptedWorker(h);
      workers.push(w);
      return w;
    },
  };
}

/** The real session in this process, behind the same port a real worker would have. */
export class InProcessWorker implements WorkerPort {
  readonly runner: Runner;
  private dead = false;
  private readonly h: WorkerHandlers;
  constructor(h: WorkerHandlers) {
    this.h = h;
    this.runner = new Runner({
      post: (ev, transfer) => {
        const copy = structuredClone(ev, { transfer });
        setImmediate(() => {
          if (!this.dead) this.h.message(copy);
        });
      },
      now: () => performance.now(),
      soon: (fn) => setImmediate(() => !this.dead && fn()),
      later: (fn, ms) => {
        const id = setTimeout(() => !this.dead && fn(), ms);
        return () => clearTimeout(id);
      },
    });
  }
  post(cmd: Command): void {
    const copy = structuredClone(cmd);
    setImmediate(() => {
      if (!this.dead) handleCommand(this.runner, copy);
    });
  }
  terminate(): void {
    this.dead = true;
    this.runner.pause();
  }
  /** Dies the way a crashed worker does: an error event, then silence. */
  crash(reason = 'RangeError: out of memory'): void {
    this.dead = true;
    this.runner.pause();
    this.h.error(reason);
  }
}
