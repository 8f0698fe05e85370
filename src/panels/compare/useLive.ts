// The variants' live state for React, re-rendering at most `hz` times a second however many frames the
// workers send (four workers at display rate would otherwise re-render the chart 240 times a second).
import { useEffect, useState } from 'react';
import { liveStore, type VariantLive } from './store.ts';

type Live = Record<number, VariantLive>;

export function useLive(hz = 8): Live {
  const [live, setLive] = useState<Live>(() => liveStore.getState().live);
  useEffect(() => {
    const gap = 1000 / hz;
    let last = -Infinity;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const push = () => {
      timer = undefined;
      last = performance.now();
      setLive(liveStore.getState().live);
    };
    const unsub = liveStore.subscribe(() => {
      if (timer !== undefined) return;
      const wait = last + gap - performance.now();
      if (wait <= 0) push();
      else timer = setTimeout(push, wait);
    });
    setLive(liveStore.getState().live);
    return () => {
      unsub();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [hz]);
  return live;
}
