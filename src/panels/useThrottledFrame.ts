// The latest frame for React panels, re-rendering at most `hz` times a second: frames may arrive 60
// times a second, and re-rendering a few hundred SVG nodes that often would cost the page its frame rate.
import { useContext, useEffect, useState, type RefObject } from 'react';
import { PanelSlotContext } from '../charts/PanelSlot.tsx';
import { frameStore, getFrame } from '../store/frame.ts';
import type { Frame } from '../protocol/frame.ts';
import { isVisible, watchVisibility } from '../dom/visibility.ts';
import { throttled } from '../charts/throttle.ts';

/** Off screen, a panel still re-renders this often, so its words (read by a screen reader's virtual cursor
 *  without scrolling) stay current while the drawing is skipped. */
export const OFFSCREEN_HZ = 1;

/** With `ref`, updates slow to OFFSCREEN_HZ while that element is off screen and catch up with the latest frame on return. */
export function useThrottledFrame(hz = 15, ownRef?: RefObject<Element | null>): Frame | null {
  const slot = useContext(PanelSlotContext);
  const ref = ownRef ?? slot;
  const [frame, setFrame] = useState<Frame | null>(getFrame);
  useEffect(() => {
    const t = throttled(() => setFrame(getFrame()), hz);
    const slow = throttled(() => setFrame(getFrame()), OFFSCREEN_HZ);
    const el = ref?.current ?? null;
    let stale = false;
    const unsub = frameStore.subscribe(() => {
      if (!isVisible(el)) {
        stale = true;
        slow.changed();
      } else t.changed();
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
      slow.cancel();
    };
  }, [hz, ref]);
  return frame;
}
