// Which panel elements are on screen: panels below the fold skip their per-frame drawing and catch up
// with the latest frame when scrolled into view, so only what the learner sees costs the page time.
type Listener = (visible: boolean) => void;

const visible = new WeakMap<Element, boolean>();
const listeners = new WeakMap<Element, Set<Listener>>();
let observer: IntersectionObserver | null = null;

function getObserver(): IntersectionObserver | null {
  if (observer || typeof IntersectionObserver === 'undefined') return observer;
  observer = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        visible.set(e.target, e.isIntersecting);
        listeners.get(e.target)?.forEach((l) => l(e.isIntersecting));
      }
    },
    { rootMargin: '100px' },
  );
  return observer;
}

/** Whether el is (about to be) on screen; true where visibility cannot be observed (tests). */
export function isVisible(el: Element | null | undefined): boolean {
  if (!el || !getObserver()) return true;
  return visible.get(el) ?? true;
}

/** Watches el; calls onChange when it enters or leaves the screen. Returns the unsubscribe. */
export function watchVisibility(el: Element, onChange: Listener): () => void {
  const obs = getObserver();
  if (!obs) return () => {};
  let set = listeners.get(el);
  if (!set) {
    set = new Set();
    listeners.set(el, set);
    obs.observe(el);
  }
  set.add(onChange);
  return () => {
    set.delete(onChange);
    if (set.size === 0) {
      listeners.delete(el);
      obs.unobserve(el);
    }
  };
}
