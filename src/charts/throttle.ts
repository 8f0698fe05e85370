// Calls `push` after changes, at most `hz` times a second, with a trailing call so the latest change
// is never dropped. Shared by the hooks that feed React from stores updated many times a second.
export interface Throttled {
  /** Something changed: push now, or once the gap since the last push has passed. */
  changed(): void;
  /** Push at once (catching up after a pause). */
  flush(): void;
  cancel(): void;
}

/** Every throttle with a push waiting for its gap to pass. */
const waiting = new Set<() => void>();

/**
 * Runs every waiting push now. For tests: a frame handed to the stores reaches the panels at once,
 * instead of after a real-time sleep long enough for the slowest cadence.
 */
export function flushThrottles(): void {
  for (const run of [...waiting]) run();
}

export function throttled(push: () => void, hz: number): Throttled {
  const gap = 1000 / hz;
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    if (timer !== undefined) clearTimeout(timer);
    waiting.delete(run);
    timer = undefined;
    last = performance.now();
    push();
  };
  return {
    changed() {
      if (timer !== undefined) return;
      const wait = last + gap - performance.now();
      if (wait <= 0) run();
      else {
        timer = setTimeout(run, wait);
        waiting.add(run);
      }
    },
    flush() {
      run();
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      waiting.delete(run);
      timer = undefined;
    },
  };
}
