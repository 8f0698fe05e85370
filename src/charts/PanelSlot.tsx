// A panel's place on the page. Its element is what "on screen" means for the panel's frame hooks,
// so a panel scrolled out of view stops re-rendering until it comes back.
import { Suspense, createContext, useRef, type ReactNode, type RefObject } from 'react';

export const PanelSlotContext = createContext<RefObject<HTMLDivElement | null> | null>(null);

/** `look`: the name a lesson's "look at" link finds the panel by (data-look). */
export function PanelSlot({ children, className, look }: { children: ReactNode; className?: string; look?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  return (
    <div ref={ref} className={className ?? 'panel-slot'} data-look={look}>
      <PanelSlotContext.Provider value={ref}>
        <Suspense fallback={<section className="panel panel-loading" aria-busy="true" />}>{children}</Suspense>
      </PanelSlotContext.Provider>
    </div>
  );
}
