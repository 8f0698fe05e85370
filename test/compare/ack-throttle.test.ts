import { describe, expect, it } from 'vitest';
import { throttleAcks, type AckClock } from '../../src/panels/compare/ack-throttle.ts';
import { scriptedFactory } from '../bridge/fakes.ts';

class Clock implements AckClock {
  t = 0;
  private timers = new Map<number, { at: number; cb: () => void }>();
  private ids = 0;
  now = () => this.t;
  setTimeout = (cb: () => void, ms: number) => {
    this.timers.set(++this.ids, { at: this.t + ms, cb });
    return this.ids;
  };
  clearTimeout = (h: unknown) => void this.timers.delete(h as number);
  advance(ms: number) {
    this.t += ms;
    for (const [id, tm] of [...this.timers]) {
      if (tm.at <= this.t) {
        this.timers.delete(id);
        tm.cb();
      }
    }
  }
  get pending() {
    return this.timers.size;
  }
}

const noop = { message: () => {}, error: () => {} };

describe('throttleAcks', () => {
  it('passes commands at once and at most one ack per gap, the latest one', () => {
    const { factory, workers } = scriptedFactory();
    const clock = new Clock();
    const port = throttleAcks(factory, 100, clock)(noop);
    const w = workers[0];
    port.post({ type: 'ack', seq: 1 });
    expect(w.got).toEqual([{ type: 'ack', seq: 1 }]);
    clock.advance(16);
    port.post({ type: 'ack', seq: 2 });
    port.post({ type: 'play' });
    clock.advance(16);
    port.post({ type: 'ack', seq: 3 });
    // The play went through; the acks wait for the gap and only the newest is sent.
    expect(w.got).toEqual([{ type: 'ack', seq: 1 }, { type: 'play' }]);
    clock.advance(67);
    expect(w.got).toHaveLength(2);
    clock.advance(1);
    expect(w.got).toEqual([{ type: 'ack', seq: 1 }, { type: 'play' }, { type: 'ack', seq: 3 }]);
    // After a quiet spell an ack goes at once again.
    clock.advance(500);
    port.post({ type: 'ack', seq: 4 });
    expect(w.got.at(-1)).toEqual({ type: 'ack', seq: 4 });
  });

  it('drops a held ack when the worker is terminated', () => {
    const { factory, workers } = scriptedFactory();
    const clock = new Clock();
    const port = throttleAcks(factory, 100, clock)(noop);
    port.post({ type: 'ack', seq: 1 });
    port.post({ type: 'ack', seq: 2 });
    port.terminate();
    expect(clock.pending).toBe(0);
    clock.advance(200);
    expect(workers[0].got).toEqual([{ type: 'ack', seq: 1 }]);
    expect(workers[0].terminated).toBe(true);
  });
});
