// A panel's place on the page. Its element is what "on screen" means for the panel's frame hooks,
// so a panel scrolled out of view stops re-rendering until it comes back.
import { Suspense, createContext, useRef, type ReactNode, type RefObject } from 'react';

export const PanelSlotContext = createContext<RefObject<HTMLDivElement | null> | null>(null);

export function PanelSlot({ children, className }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  return (
    <div ref={ref} className={className ?? 'panel-slot'}>
      <PanelSlotContext.Provider value={ref}>
        <Suspense fallback={<section className="panel panel-loading" aria-busy="true" />}>{children}</Suspense>
      </PanelSlotContext.Provider>
    </div>
  );
}
