// The page's one voice for screen readers. Every spoken update goes through `announce`, which keeps
// at most one announcement a second over the whole page (a later message replaces one still waiting),
// and one visually hidden live region (Announcer.tsx) says it. Visible status text is not live itself:
// the step counter changes thirty times a second and would make a screen reader unusable.
import { createStore } from 'zustand/vanilla';
import { trainingStore } from '../store/lesson-run.ts';

/** The shortest gap between two announcements, over every live region on the page. */
export const ANNOUNCE_GAP_MS = 1000;

export interface Spoken {
  text: string;
  /** Counts announcements, so the same words said twice are a new message. */
  n: number;
}

export const announceStore = createStore<{ spoken: Spoken }>(() => ({ spoken: { text: '', n: 0 } }));

let lastAt = -Infinity;
let pending: string | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;
let now: () => number = () => Date.now();

function say(text: string): void {
  lastAt = now();
  announceStore.setState({ spoken: { text, n: announceStore.getState().spoken.n + 1 } });
}

/** Speak `text` now, or as soon as a second has passed since the last announcement. */
export function announce(text: string): void {
  if (!text) return;
  const wait = lastAt + ANNOUNCE_GAP_MS - now();
  if (wait <= 0 && timer === null) {
    say(text);
    return;
  }
  pending = text;
  if (timer === null) {
    timer = setTimeout(() => {
      timer = null;
      const p = pending;
      pending = null;
      if (p) say(p);
    }, Math.max(0, wait));
  }
}

/** Another live region (a notice with role="alert") just spoke: the next announcement waits its turn. */
export function markSpoken(): void {
  lastAt = now();
  if (timer !== null && pending !== null) {
    clearTimeout(timer);
    timer = null;
    const p = pending;
    pending = null;
    announce(p);
  }
}

/** A lesson's exact run says what it does itself; the lab keeps quiet meanwhile. */
export function isLessonRunning(): boolean {
  const run = trainingStore.getState().run;
  return run !== null && !run.finished;
}

/** Tests: a fake clock and a clean slate. */
export function resetAnnouncer(clock?: () => number): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  pending = null;
  lastAt = -Infinity;
  now = clock ?? (() => Date.now());
  announceStore.setState({ spoken: { text: '', n: 0 } });
}
