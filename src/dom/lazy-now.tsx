// A lazily loaded component that shows up as soon as its chunk arrives, even while training at full
// speed. React.lazy commits a loaded chunk in a Suspense retry, and retries run at a priority that never
// expires: with the store updated every frame (each update synchronous, pre-empting the retry), a
// lazy panel could stay on its placeholder for as long as training ran (seen: the Controls tab blank
// for over 30 s at full speed on a loaded machine). Here the chunk's arrival is committed at once
// (flushSync). Until then the component shows the placeholder its surroundings give (LazyFallback).
import { createContext, useContext, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { flushSync } from 'react-dom';

/** What a lazy component shows while its chunk loads (a panel's titled section, the tab's "…"). */
export const LazyFallback = createContext<ReactNode>(null);

export interface LazyNow<P extends object> {
  (props: P): ReactNode;
  /** Starts loading now; the same promise for every call until it fails. */
  preload(): Promise<ComponentType<P>>;
}

export function lazyNow<P extends object>(load: () => Promise<ComponentType<P>>): LazyNow<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = () =>
    (pending ??= load().then(
      (c) => (loaded = c),
      (e: unknown) => {
        // A chunk that failed (offline before it was cached) is asked for again at the next mount.
        pending = null;
        throw e;
      },
    ));
  function Lazy(props: P): ReactNode {
    const fallback = useContext(LazyFallback);
    const [C, setC] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (C) return;
      let live = true;
      preload().then(
        (c) => {
          if (live) flushSync(() => setC(() => c));
        },
        () => undefined,
      );
      return () => {
        live = false;
      };
    }, [C]);
    return C ? <C {...props} /> : fallback;
  }
  Lazy.preload = preload;
  return Lazy;
}
