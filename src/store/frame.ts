// The latest frame from the worker, kept outside React state: panels fed many times a second
// subscribe to it (ref + requestAnimationFrame) or select narrowly, so one frame does not re-render
// the whole page.
import { createStore } from 'zustand/vanilla';
import type { Frame } from '../protocol/frame.ts';
import { isVisible, watchVisibility } from '../dom/visibility.ts';

export const frameStore = createStore<{ frame: Frame | null }>(() => ({ frame: null }));

export function setFrame(frame: Frame | null): void {
  frameStore.setState({ frame });
}

export function getFrame(): Frame | null {
  return frameStore.getState().frame;
}

/** Canvas repaints per second at most when the learner asked for less motion. */
export const REDUCED_HZ = 4;

/**
 * Calls `draw` with each new frame, at most once per display frame, without React renders. With an
 * element, drawing slows to once a second while it is off screen (so the text alternative a drawing
 * sets, read by a screen reader without scrolling, stays current) and catches up on return.
 */
export function subscribeFrame(draw: (f: Frame) => void, element?: Element | null, maxHz = 60): () => void {
  let pending = false;
  // The first frame to reflect a new command (a slider moved) is drawn at the next display frame,
  // not after the rate limit: the learner's own change shows at once, only training is thinned out.
  let rev = -1;
  let stale = false;
  let raf = 0;
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Reduced motion: every canvas repaints at most 4 times a second.
  const gap = 1000 / (typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches ? Math.min(maxHz, REDUCED_HZ) : maxHz);
  const request = (urgent = false) => {
    if (pending) return;
    if (urgent && timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    if (timer !== undefined) return;
    // A large canvas repainted at every display frame costs the page its own frame rate; at most
    // maxHz, with a trailing paint so the latest frame is always the one left on screen.
    const wait = urgent ? 0 : last + gap - performance.now();
    if (wait > 4) {
      timer = setTimeout(() => {
        timer = undefined;
        request();
      }, wait);
      return;
    }
    pending = true;
    raf = requestAnimationFrame(() => {
      pending = false;
      last = performance.now();
      const f = getFrame();
      if (f) draw(f);
    });
  };
  const unsub = frameStore.subscribe(({ frame }) => {
    if (!frame) return;
    const urgent = frame.rev !== rev && rev !== -1;
    rev = frame.rev;
    if (!isVisible(element)) {
      stale = true;
      if (performance.now() - last < 1000) return;
    }
    request(urgent);
  });
  const unwatch = element
    ? watchVisibility(element, (on) => {
        if (on && stale) {
          stale = false;
          request();
        }
      })
    : () => {};
  return () => {
    unsub();
    unwatch();
    cancelAnimationFrame(raf);
    if (timer !== undefined) clearTimeout(timer);
  };
}
