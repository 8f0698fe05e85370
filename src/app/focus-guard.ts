// Focus is never left on <body> (WCAG 2.4.3). When the focused element leaves the page (a button that
// disappears once pressed, a panel re-drawn after a reset), focus goes to the nearest part of the page
// that is still there: the heading of its section, article, tab panel or dialog, else that part itself.
// Places that know a better target (a lesson's heading, the layer picker that replaced a button) move
// focus themselves; this is the net under them.
import { useLab } from '../store/lab.ts';

const PART = 'section, article, [role="tabpanel"], [role="dialog"], [role="region"], main';

/** Where focus goes inside `part`: its heading (by aria-labelledby, else the first h1–h6), else the part. */
function targetIn(part: Element): HTMLElement {
  const id = part.getAttribute('aria-labelledby')?.split(/\s+/)[0];
  const labelled = id ? part.ownerDocument.getElementById(id) : null;
  const heading = labelled && part.contains(labelled) ? labelled : part.querySelector('h1, h2, h3, h4, h5, h6');
  const el = (heading ?? part) as HTMLElement;
  if (el.tabIndex < 0 && !el.hasAttribute('tabindex')) el.tabIndex = -1;
  return el;
}

/** What a control is, for finding it again once re-drawn: its kind and accessible name (roughly). */
function identity(el: Element): string {
  const labels = (el as HTMLInputElement).labels;
  const name = el.getAttribute('aria-label') ?? (labels && labels[0] ? labels[0].textContent : el.textContent) ?? '';
  return `${el.tagName}|${el.getAttribute('type') ?? ''}|${el.getAttribute('role') ?? ''}|${name.trim().slice(0, 80)}`;
}

/**
 * A button that goes once its change has landed (a later frame or measurement) names where focus goes
 * then: the first element `find` returns within `ms`, checked whenever the page changes.
 */
export function focusWhenShown(find: () => HTMLElement | null, ms = 10_000): void {
  // Kept in the lab store (ui slice), not in this module: the page's guard reads it.
  useLab.setState({ focusWanted: { find, until: Date.now() + ms } });
}

/** Starts guarding `doc`; returns the stop function. */
export function guardFocus(doc: Document = document): () => void {
  // The focused element and its ancestors, recorded when it got focus: once it is removed, the chain
  // above the removed subtree is no longer reachable from it.
  let chain: Element[] = [];
  // Read while the element is on the page (a detached input has no labels).
  let lostId = '';
  // A control re-drawn with the same kind and name within 3 s (a panel waiting for its first
  // measurement after R or N) gets focus back, as long as focus is still where the guard put it.
  let ghost: { id: string; tag: string; placedOn: Element; until: number } | null = null;
  const onFocus = (e: FocusEvent) => {
    const el = e.target;
    if (!(el instanceof Element)) return;
    chain = [];
    for (let p: Element | null = el; p; p = p.parentElement) chain.push(p);
    lostId = identity(el);
  };
  const check = () => {
    const wanted = useLab.getState().focusWanted;
    if (wanted) {
      const el = Date.now() > wanted.until ? null : wanted.find();
      if (el || Date.now() > wanted.until) useLab.setState({ focusWanted: null });
      if (el) {
        if (el.tabIndex < 0 && !el.hasAttribute('tabindex')) el.tabIndex = -1;
        chain = [];
        el.focus();
        return;
      }
    }
    if (ghost) {
      if (Date.now() > ghost.until || doc.activeElement !== ghost.placedOn) ghost = null;
      else {
        const id = ghost.id;
        const back = [...doc.getElementsByTagName(ghost.tag)].find((e) => identity(e) === id) as HTMLElement | undefined;
        if (back) {
          ghost = null;
          back.focus();
          return;
        }
      }
    }
    const lost = chain[0];
    if (!lost || lost.isConnected) return;
    const active = doc.activeElement;
    if (active && active !== doc.body && active !== doc.documentElement) return;
    const alive = chain.find((p) => p.isConnected);
    chain = [];
    if (!alive) return;
    const part = alive.closest(PART);
    const target = part ? targetIn(part) : (doc.getElementById('lab') ?? doc.body);
    ghost = { id: lostId, tag: lost.tagName, placedOn: target, until: Date.now() + 3000 };
    target.focus();
  };
  const observer = new MutationObserver(check);
  observer.observe(doc.body, { childList: true, subtree: true });
  doc.addEventListener('focusin', onFocus);
  return () => {
    observer.disconnect();
    doc.removeEventListener('focusin', onFocus);
  };
}
