// Registers the service worker of a built page (never in development or tests) once the page has
// loaded, and notices a newer build: it installs beside the running one and waits, and the page offers
// a reload (UpdateNotice). Reloading tells the waiting worker to take over and loads the page again
// when it has, so every file of the page comes from one build.
// The registration and the offer live in the lab store's ui slice (`update`).
import { useLab } from '../store/lab.ts';

const setUpdate = (u: Partial<ReturnType<typeof useLab.getState>['update']>) => useLab.setState((s) => ({ update: { ...s.update, ...u } }));

function watch(reg: ServiceWorkerRegistration): void {
  setUpdate({ registration: reg });
  const offer = () => {
    // Only a page a service worker already controls has an older build to replace.
    if (reg.waiting && navigator.serviceWorker.controller) setUpdate({ ready: true, dismissed: false });
  };
  const follow = (w: ServiceWorker | null) => w?.addEventListener('statechange', () => w.state === 'installed' && offer());
  offer();
  // A build may already be installing when the page starts watching.
  follow(reg.installing);
  reg.addEventListener('updatefound', () => follow(reg.installing));
}

export function registerServiceWorker(win: Window = window): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const start = () => {
    // sw.js sits beside index.html; its scope is that folder, whatever sub-path the lab is served from.
    navigator.serviceWorker.register(new URL('./sw.js', win.document.baseURI), { scope: './' }).then(watch, () => undefined);
  };
  if (win.document.readyState === 'complete') start();
  else win.addEventListener('load', start, { once: true });
  // A lab left open for days looks for a newer build when it is shown again.
  win.document.addEventListener('visibilitychange', () => {
    if (win.document.visibilityState === 'visible') useLab.getState().update.registration?.update().catch(() => undefined);
  });
}

/** Lets the waiting build take over, then loads the page again (from that build). */
export function reloadToUpdate(win: Window = window): void {
  const waiting = useLab.getState().update.registration?.waiting;
  if (!waiting) {
    win.location.reload();
    return;
  }
  navigator.serviceWorker.addEventListener('controllerchange', () => win.location.reload(), { once: true });
  waiting.postMessage({ type: 'SKIP_WAITING' });
}

/** The learner put the offer off (it comes back with the next newer build). */
export function dismissUpdate(): void {
  setUpdate({ dismissed: true });
}
