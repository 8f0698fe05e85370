// Registers the service worker of a built page (never in development or tests) once the page has
// loaded, and notices a newer build: it installs beside the running one and waits, and the page offers
// a reload (UpdateNotice). Reloading tells the waiting worker to take over and loads the page again
// when it has, so every file of the page comes from one build.
import { create } from 'zustand';

interface UpdateState {
  /** A newer build is installed and waiting. */
  ready: boolean;
  dismissed: boolean;
}

export const useUpdate = create<UpdateState>(() => ({ ready: false, dismissed: false }));

let registration: ServiceWorkerRegistration | null = null;

function watch(reg: ServiceWorkerRegistration): void {
  registration = reg;
  const offer = () => {
    // Only a page a service worker already controls has an older build to replace.
    if (reg.waiting && navigator.serviceWorker.controller) useUpdate.setState({ ready: true, dismissed: false });
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
    if (win.document.visibilityState === 'visible') registration?.update().catch(() => undefined);
  });
}

/** Lets the waiting build take over, then loads the page again (from that build). */
export function reloadToUpdate(win: Window = window): void {
  const waiting = registration?.waiting;
  if (!waiting) {
    win.location.reload();
    return;
  }
  navigator.serviceWorker.addEventListener('controllerchange', () => win.location.reload(), { once: true });
  waiting.postMessage({ type: 'SKIP_WAITING' });
}
