// The latest frame for React panels, re-rendering at most `hz` times a second: frames may arrive 60
// times a second, and re-rendering a few hundred SVG nodes that often would cost the page its frame rate.
import { useContext, useEffect, useState, type RefObject } from 'react';
import { PanelSlotContext } from '../charts/PanelSlot.tsx';
import { frameStore, getFrame } from '../store/frame.ts';
import type { Frame } from '../protocol/frame.ts';
import { isVisible, watchVisibility } from '../dom/visibility.ts';
import { throttled } from '../charts/throttle.ts';

/** With `ref`, updates pause while that element is off screen and resume with the latest frame. */
export function useThrottledFrame(hz = 15, ownRef?: RefObject<Element | null>): Frame | null {
  const slot = useContext(PanelSlotContext);
  const ref = ownRef ?? slot;
  const [frame, setFrame] = useState<Frame | null>(getFrame);
  useEffect(() => {
    const t = throttled(() => setFrame(getFrame()), hz);
    const el = ref?.current ?? null;
    let stale = false;
    const unsub = frameStore.subscribe(() => {
      if (!isVisible(el)) stale = true;
      else t.changed();
    });
    const unwatch = el
      ? watchVisibility(el, (on) => {
          if (on && stale) {
            stale = false;
            t.flush();
          }
        })
      : () => {};
    // A frame may have landed between the first render and this effect.
    setFrame(getFrame());
    return () => {
      unsub();
      unwatch();
      t.cancel();
    };
  }, [hz, ref]);
  return frame;
}
