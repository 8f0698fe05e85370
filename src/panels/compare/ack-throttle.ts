// Fewer frames from each comparison worker: a worker sends its next frame only after the page
// acknowledges the last, so holding acks back to one per `gapMs` caps its frame rate without slowing
// its training (it keeps stepping and evaluating; the history in the next frame holds everything).
// Four workers at display rate would otherwise hand the page 240 frames a second to deserialize.
import type { WorkerFactory } from '../../bridge/bridge.ts';
import type { Command } from '../../protocol/messages.ts';

export interface AckClock {
  now(): number;
  setTimeout(cb: () => void, ms: number): unknown;
  clearTimeout(h: unknown): void;
}

const realClock: AckClock = {
  now: () => performance.now(),
  setTimeout: (cb, ms) => setTimeout(cb, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export function throttleAcks(factory: WorkerFactory, gapMs: number, clock: AckClock = realClock): WorkerFactory {
  return (handlers) => {
    const port = factory(handlers);
    let last = -Infinity;
    let held: Command | null = null;
    let timer: unknown = null;
    const flush = () => {
      timer = null;
      if (!held) return;
      const cmd = held;
      held = null;
      last = clock.now();
      port.post(cmd);
    };
    return {
      post(cmd) {
        if (cmd.type !== 'ack') return port.post(cmd);
        held = cmd;
        const wait = last + gapMs - clock.now();
        if (wait <= 0) flush();
        else if (timer === null) timer = clock.setTimeout(flush, wait);
      },
      terminate() {
        if (timer !== null) clock.clearTimeout(timer);
        timer = null;
        held = null;
        port.terminate();
      },
    };
  };
}
