// The latest frame for React panels, re-rendering at most `hz` times a second: frames may arrive 60
// times a second, and re-rendering a few hundred SVG nodes that often would cost the page its frame rate.
import { useEffect, useState } from 'react';
import { frameStore, getFrame } from '../store/frame.ts';
import type { Frame } from '../protocol/frame.ts';

export function useThrottledFrame(hz = 15): Frame | null {
  const [frame, setFrame] = useState<Frame | null>(getFrame);
  useEffect(() => {
    const gap = 1000 / hz;
    let last = -Infinity;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const push = () => {
      timer = undefined;
      last = performance.now();
      setFrame(getFrame());
    };
    const unsub = frameStore.subscribe(() => {
      if (timer !== undefined) return;
      const wait = last + gap - performance.now();
      if (wait <= 0) push();
      else timer = setTimeout(push, wait);
    });
    // A frame may have landed between the first render and this effect.
    setFrame(getFrame());
    return () => {
      unsub();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [hz]);
  return frame;
}
