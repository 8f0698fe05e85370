// A panel's place on the page. Its element is what "on screen" means for the panel's frame hooks,
// so a panel scrolled out of view stops re-rendering until it comes back.
import { Suspense, createContext, useRef, type ReactNode, type RefObject } from 'react';
import { LazyFallback } from '../dom/lazy-now.tsx';

export const PanelSlotContext = createContext<RefObject<HTMLDivElement | null> | null>(null);

/**
 * `look`: the name a lesson's "look at" link finds the panel by (data-look). `title`: the heading a
 * lazily loaded panel shows while its code arrives, so its section is in the page, named, from the start.
 */
export function PanelSlot({ children, className, look, title }: { children: ReactNode; className?: string; look?: string; title?: { id: string; text: string } }) {
  const ref = useRef<HTMLDivElement>(null);
  const fallback = title ? (
    <section className="panel panel-loading" aria-busy="true" aria-labelledby={title.id}>
      <h2 id={title.id}>{title.text}</h2>
    </section>
  ) : (
    <section className="panel panel-loading" aria-busy="true" />
  );
  return (
    <div ref={ref} className={className ?? 'panel-slot'} data-look={look}>
      <PanelSlotContext.Provider value={ref}>
        <LazyFallback.Provider value={fallback}>
          <Suspense fallback={fallback}>{children}</Suspense>
        </LazyFallback.Provider>
      </PanelSlotContext.Provider>
    </div>
  );
}
