// Canvas plumbing shared by the dense pictures: crisp backing stores at the device pixel ratio, and a
// width hook so drawings follow their container. jsdom has no 2-D context: callers get null and skip.
import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * Sizes the canvas's backing store to cssW × cssH CSS pixels at the device pixel ratio and returns a
 * context whose units are CSS pixels (or null where canvas is unavailable).
 */
export function fitCanvas(canvas: HTMLCanvasElement, cssW: number, cssH: number): CanvasRenderingContext2D | null {
  const dpr = Math.max(1, Math.min(3, globalThis.devicePixelRatio || 1));
  const w = Math.max(1, Math.round(cssW * dpr)), h = Math.max(1, Math.round(cssH * dpr));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  // Writing the same style every frame still costs a style check; write only on change.
  const hpx = `${cssH}px`;
  if (canvas.style.height !== hpx) canvas.style.height = hpx;
  let ctx: CanvasRenderingContext2D | null = null;
  try {
    ctx = canvas.getContext('2d');
  } catch {
    ctx = null;
  }
  if (!ctx) return null;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}

/**
 * The element's content width in CSS pixels, following resizes (fallback where layout is unknown).
 * The element may appear only on a later render (a panel first shows a placeholder), so every render
 * checks whether the ref now points at a different element and observes that one.
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  const watched = useRef<{ el: HTMLElement | null; ro: ResizeObserver | null }>({ el: null, ro: null });
  useEffect(() => {
    const el = ref.current;
    if (el === watched.current.el) return;
    watched.current.ro?.disconnect();
    watched.current = { el, ro: null };
    if (!el) return;
    const read = () => {
      const w = el.clientWidth;
      if (w > 0) setWidth(Math.round(w));
    };
    read();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(read);
    ro.observe(el);
    watched.current.ro = ro;
  });
  useEffect(() => () => watched.current.ro?.disconnect(), []);
  return width;
}

/** True when the user asked for less motion (checked when called). */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
