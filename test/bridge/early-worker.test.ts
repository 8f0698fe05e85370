// The worker started at the page's first line: the first worker the bridge asks for is that one, with
// anything it said before being adopted handed over in order; a replacement is a new worker.
import { afterEach, expect, test, vi } from 'vitest';
import { startWorkerEarly, withEarlyWorker } from '../../src/bridge/worker-factory.ts';

class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: { message: string; preventDefault(): void }) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  posted: unknown[] = [];
  terminated = false;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(m: unknown) {
    this.posted.push(m);
  }
  terminate() {
    this.terminated = true;
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.made = [];
});

test('the first worker is the early one, and what it said before adoption reaches the handlers in order', () => {
  vi.stubGlobal('Worker', FakeWorker);
  const early = startWorkerEarly();
  expect(FakeWorker.made).toHaveLength(1);
  const w = FakeWorker.made[0];
  w.onmessage!({ data: { type: 'ready' } });
  w.onerror!({ message: 'boom', preventDefault() {} });
  const seen: string[] = [];
  const handlers = { message: (ev: unknown) => seen.push(`message ${(ev as { type: string }).type}`), error: (r: string) => seen.push(`error ${r}`) };
  const factory = withEarlyWorker(early);
  const port = factory(handlers);
  expect(FakeWorker.made).toHaveLength(1);
  expect(seen).toEqual(['message ready', 'error boom']);
  // After adoption, events go straight to the handlers, and commands to the early worker.
  w.onmessage!({ data: { type: 'frame' } });
  expect(seen).toEqual(['message ready', 'error boom', 'message frame']);
  port.post({ type: 'play' });
  expect(w.posted).toEqual([{ type: 'play' }]);
  // A replacement (after a crash) is a new worker.
  const port2 = factory(handlers);
  expect(FakeWorker.made).toHaveLength(2);
  port2.post({ type: 'pause' });
  expect(FakeWorker.made[1].posted).toEqual([{ type: 'pause' }]);
  port.terminate();
  expect(w.terminated).toBe(true);
});

test('with no early worker, the factory makes one when asked', () => {
  vi.stubGlobal('Worker', FakeWorker);
  const factory = withEarlyWorker(null);
  expect(FakeWorker.made).toHaveLength(0);
  factory({ message() {}, error() {} });
  expect(FakeWorker.made).toHaveLength(1);
});
