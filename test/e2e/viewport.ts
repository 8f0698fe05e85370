// Helpers for the first-screen checks: how much of an element the learner sees without scrolling.
import type { Locator } from '@playwright/test';

/** Pixels of the element's height inside the viewport (0 when it is off screen). */
export async function onScreen(el: Locator): Promise<number> {
  return el.evaluate((e) => {
    const r = e.getBoundingClientRect();
    const h = Math.max(0, Math.min(innerHeight, r.bottom) - Math.max(0, r.top));
    const w = Math.max(0, Math.min(innerWidth, r.right) - Math.max(0, r.left));
    return w > 0 ? h : 0;
  });
}
