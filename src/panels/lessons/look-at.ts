// A lesson's "look at …" link: bring the named panel (or part of one) into view beside the lesson
// and mark it for a moment with an outline and a label, so the eye finds it without relying on colour
// alone. Presentation mode shows every panel first if the target is not among the step's; a lazily
// loaded part is waited for briefly, then the link falls back to its panel. Focus moves to the target
// so keyboard and screen-reader users arrive there too.
import { panelOf, type LookTarget } from '../../lessons/look.ts';
import { useLab } from '../../store/lab.ts';

/** How long the mark stays. */
export const HIGHLIGHT_MS = 4000;
/** How long a part that is still loading is waited for. */
const WAIT_MS = 1500;

function find(doc: Document, target: string): HTMLElement | null {
  // A place may answer to several names (the three steps, and their step 3): data-look is a word list.
  return doc.querySelector<HTMLElement>(`[data-look~="${target}"]`);
}

function nextFrame(win: Window): Promise<void> {
  return new Promise((r) => (typeof win.requestAnimationFrame === 'function' ? win.requestAnimationFrame(() => r()) : setTimeout(r, 16)));
}

const timers = new WeakMap<HTMLElement, ReturnType<typeof setTimeout>>();

/** Outline and label on `el` for HIGHLIGHT_MS (a second press restarts the time). */
export function highlight(el: HTMLElement, label: string): void {
  el.classList.add('look-here');
  el.setAttribute('data-look-label', label);
  const old = timers.get(el);
  if (old) clearTimeout(old);
  timers.set(
    el,
    setTimeout(() => {
      el.classList.remove('look-here');
      el.removeAttribute('data-look-label');
      timers.delete(el);
    }, HIGHLIGHT_MS),
  );
}

/** Scrolls to the target and highlights it; resolves with the element reached (null if none). */
export async function lookAt(target: LookTarget, label: string, doc: Document = document): Promise<HTMLElement | null> {
  const win = doc.defaultView ?? window;
  const panel = panelOf(target);
  let el = find(doc, target);
  if (!el && useLab.getState().present && !useLab.getState().allPanels) useLab.setState({ allPanels: true });
  const start = Date.now();
  while (!el && Date.now() - start < WAIT_MS) {
    await nextFrame(win);
    el = find(doc, target);
  }
  el ??= panel ? find(doc, panel) : null;
  if (!el) return null;
  const reduced = win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  el.scrollIntoView?.({ behavior: reduced ? 'auto' : 'smooth', block: 'start' });
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  el.focus({ preventScroll: true });
  highlight(el, label);
  // The place may show the part the link names (step 3 of the three steps, say).
  el.dispatchEvent(new CustomEvent('lookat', { detail: target }));
  return el;
}
