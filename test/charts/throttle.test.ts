import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { throttled } from '../../src/charts/throttle.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

it('pushes at once, then at most once per gap, always ending with a trailing push', () => {
  let pushes = 0;
  const t = throttled(() => pushes++, 10); // 100 ms gap
  t.changed();
  expect(pushes).toBe(1);
  for (let i = 0; i < 20; i++) t.changed();
  expect(pushes).toBe(1);
  vi.advanceTimersByTime(100);
  expect(pushes).toBe(2);
  vi.advanceTimersByTime(1000);
  expect(pushes).toBe(2);
});

it('flush pushes now; cancel drops a pending push', () => {
  let pushes = 0;
  const t = throttled(() => pushes++, 10);
  t.changed();
  t.changed();
  t.flush();
  expect(pushes).toBe(2);
  t.changed();
  t.cancel();
  vi.advanceTimersByTime(1000);
  expect(pushes).toBe(2);
});
