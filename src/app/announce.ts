// The page's one voice for screen readers. Every spoken update goes through `announce`, which keeps
// at most one announcement a second over the whole page (a later message replaces one still waiting),
// and one visually hidden live region (Announcer.tsx) says it. Visible status text is not live itself:
// the step counter changes thirty times a second and would make a screen reader unusable. The timing
// lives in the lab store's announcer (store/announcer.ts), so nothing is kept in this module.
import { useLab } from '../store/lab.ts';
import { lessonRunning } from '../store/lesson-run.ts';
import { storeAnnouncer } from '../store/ui-slice.ts';

export { ANNOUNCE_GAP_MS, type Spoken } from '../store/announcer.ts';

/** Speak `text` now, or as soon as a second has passed since the last announcement. */
export function announce(text: string): void {
  useLab.getState().announcer.announce(text);
}

/** Another live region (a notice with role="alert") just spoke: the next announcement waits its turn. */
export function markSpoken(): void {
  useLab.getState().announcer.markSpoken();
}

/** A lesson's exact run says what it does itself; the lab keeps quiet meanwhile. */
export function isLessonRunning(): boolean {
  return lessonRunning();
}

/** Tests: a fresh announcer (with a fake clock) and a clean slate. */
export function resetAnnouncer(clock?: () => number): void {
  useLab.getState().announcer.dispose();
  useLab.setState({ announcer: storeAnnouncer(useLab.setState, useLab.getState, clock), spoken: { text: '', n: 0 } });
}
