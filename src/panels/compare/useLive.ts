// The variants' live state for React, re-rendering at most `hz` times a second however many frames the
// workers send (four workers at display rate would otherwise re-render the chart 240 times a second).
import { useEffect, useState } from 'react';
import { liveStore, type VariantLive } from '../../store/compare.ts';
import { throttled } from '../../charts/throttle.ts';

type Live = Record<number, VariantLive>;

export function useLive(hz = 8): Live {
  const [live, setLive] = useState<Live>(() => liveStore.getState().live);
  useEffect(() => {
    const t = throttled(() => setLive(liveStore.getState().live), hz);
    const unsub = liveStore.subscribe(() => t.changed());
    setLive(liveStore.getState().live);
    return () => {
      unsub();
      t.cancel();
    };
  }, [hz]);
  return live;
}
