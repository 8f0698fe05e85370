// The latest frame from the worker, kept outside React state: panels fed many times a second
// subscribe to it (ref + requestAnimationFrame) or select narrowly, so one frame does not re-render
// the whole page.
import { createStore } from 'zustand/vanilla';
import { useSyncExternalStore } from 'react';
import type { Frame } from '../protocol/frame.ts';

export const frameStore = createStore<{ frame: Frame | null }>(() => ({ frame: null }));

export function setFrame(frame: Frame | null): void {
  frameStore.setState({ frame });
}

export function getFrame(): Frame | null {
  return frameStore.getState().frame;
}

/** Re-renders with each new frame; for panels whose drawing is cheap. */
export function useFrame(): Frame | null {
  return useSyncExternalStore(frameStore.subscribe, getFrame, getFrame);
}

/** Calls `draw` with each new frame, at most once per display frame, without React renders. */
export function subscribeFrame(draw: (f: Frame) => void): () => void {
  let pending = false;
  let raf = 0;
  const unsub = frameStore.subscribe(({ frame }) => {
    if (!frame || pending) return;
    pending = true;
    raf = requestAnimationFrame(() => {
      pending = false;
      const f = getFrame();
      if (f) draw(f);
    });
  });
  return () => {
    unsub();
    cancelAnimationFrame(raf);
  };
}
