// A fake page for the session: runs a Runner in this Node process on real timers, passes every event
// through structuredClone with its transfer list (so a buffer the worker still uses would be detached
// and break the next step), and acknowledges frames when asked.
import { DEFAULT_CONFIG, DEFAULT_TEACH, type LabConfig } from '../../src/protocol/config.ts';
import type { Frame, ReadyInfo } from '../../src/protocol/frame.ts';
import type { Command, WorkerEvent } from '../../src/protocol/messages.ts';
import { handleCommand } from '../../src/worker/handle-command.ts';
import { Runner, type Host, type LoopTiming } from '../../src/worker/loop.ts';

export type ErrorEvent = Extract<WorkerEvent, { type: 'error' }>;

export function tinyConfig(over: Partial<LabConfig['net']> = {}, train: Partial<LabConfig['train']> = {}): LabConfig {
  return {
    arch: 'mlp',
    conv: DEFAULT_CONFIG.conv,
    data: { name: 'circles', noise: 0.1, trainSize: 64, testSize: 64 },
    net: { ...DEFAULT_CONFIG.net, hidden: [8, 8], norm: ['none', 'none'], dropoutHidden: [true, true], dropoutP: 0.2, ...over },
    train: { ...DEFAULT_CONFIG.train, batchSize: 16, ...train },
    seed: 7,
  };
}

export class Harness {
  readonly events: WorkerEvent[] = [];
  readonly runner: Runner;
  autoAck: boolean;
  /** Buffers listed for transfer, per posted event. */
  readonly transfers: ArrayBuffer[][] = [];
  private timers = new Set<ReturnType<typeof setTimeout>>();
  private disposed = false;

  /** Events and transfer lists are kept unless `keepFrames` is false (then only the last frame is). */
  private readonly keepFrames: boolean;
  latest: Frame | null = null;
  frameCount = 0;

  constructor(opts: { autoAck?: boolean; timing?: Partial<LoopTiming>; keepFrames?: boolean } = {}) {
    this.autoAck = opts.autoAck ?? true;
    this.keepFrames = opts.keepFrames ?? true;
    const host: Host = {
      post: (ev, transfer) => {
        const copy = structuredClone(ev, { transfer });
        if (copy.type === 'frame') {
          this.latest = copy.frame;
          this.frameCount++;
        }
        if (this.keepFrames || copy.type !== 'frame') {
          this.transfers.push(transfer);
          this.events.push(copy);
        }
        if (copy.type === 'frame' && this.autoAck) setImmediate(() => this.ack(copy.frame.seq));
      },
      now: () => performance.now(),
      soon: (fn) => {
        setImmediate(() => {
          if (!this.disposed) fn();
        });
      },
      later: (fn, ms) => {
        const id = setTimeout(() => {
          this.timers.delete(id);
          if (!this.disposed) fn();
        }, ms);
        this.timers.add(id);
        return () => {
          clearTimeout(id);
          this.timers.delete(id);
        };
      },
    };
    this.runner = new Runner(host, opts.timing);
  }

  send(cmd: Command): void {
    handleCommand(this.runner, cmd);
  }

  ack(seq: number): void {
    if (!this.disposed) handleCommand(this.runner, { type: 'ack', seq });
  }

  configure(config: LabConfig = tinyConfig(), mode: 'training' | 'inference' = 'training'): void {
    this.send({ type: 'configure', config, teach: DEFAULT_TEACH, mode, options: { evalEvery: 5 } });
  }

  get frames(): Frame[] {
    return this.events.flatMap((e) => (e.type === 'frame' ? [e.frame] : []));
  }

  get readies(): ReadyInfo[] {
    return this.events.flatMap((e) => (e.type === 'ready' ? [e.info] : []));
  }

  get errors(): ErrorEvent[] {
    return this.events.filter((e): e is ErrorEvent => e.type === 'error');
  }

  lastFrame(): Frame {
    const f = this.frames;
    if (!f.length) throw new Error('no frame yet');
    return f[f.length - 1];
  }

  /** Resolves when pred holds (checked after every macrotask), rejects after timeoutMs. */
  until(pred: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
    const t0 = performance.now();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (pred()) return resolve();
        if (performance.now() - t0 > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
        setTimeout(check, 1);
      };
      check();
    });
  }

  /** The first frame, after index `from` in events, that satisfies pred. */
  async frameWhere(pred: (f: Frame) => boolean, from = 0, timeoutMs = 10_000): Promise<Frame> {
    let found: Frame | undefined;
    await this.until(() => {
      found = this.events.slice(from).flatMap((e) => (e.type === 'frame' ? [e.frame] : [])).find(pred);
      return !!found;
    }, timeoutMs, 'a matching frame');
    return found!;
  }

  /** Waits until the session has been quiet (no events) for ms. */
  async settle(ms = 60): Promise<void> {
    let n = -1, since = performance.now();
    await this.until(() => {
      if (this.events.length !== n) {
        n = this.events.length;
        since = performance.now();
      }
      return performance.now() - since >= ms;
    });
  }

  dispose(): void {
    this.disposed = true;
    this.runner.pause();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
