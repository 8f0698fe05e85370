// A value read from the latest frame at most every `intervalMs`: a few controls show live numbers
// (γ, β, frozen) without re-rendering on each of the worker's 60 frames a second.
import { useEffect, useRef, useState, type DependencyList } from 'react';
import { frameStore, getFrame } from '../../store/frame.ts';
import type { Frame } from '../../protocol/frame.ts';
import { throttled } from '../../charts/throttle.ts';

export function useFrameSample<T>(select: (f: Frame | null) => T, isEqual: (a: T, b: T) => boolean, deps: DependencyList, intervalMs = 100): T {
  const [value, setValue] = useState(() => select(getFrame()));
  const selectRef = useRef(select);
  const equalRef = useRef(isEqual);
  useEffect(() => {
    selectRef.current = select;
    equalRef.current = isEqual;
  });
  useEffect(() => {
    const sample = () => {
      const next = selectRef.current(getFrame());
      setValue((prev) => (equalRef.current(prev, next) ? prev : next));
    };
    const t = throttled(sample, 1000 / intervalMs);
    t.flush(); // a changed selection (deps) reads the current frame at once
    const unsub = frameStore.subscribe(() => t.changed());
    return () => {
      unsub();
      t.cancel();
    };
    // The caller names what the selection depends on: select itself is a new closure every render.
  }, [intervalMs, ...deps]);
  return value;
}
