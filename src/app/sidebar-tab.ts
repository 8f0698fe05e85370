// Which tab of the side column is open: in the lab store (ui-slice.ts), so the page around it (the quick controls, a lesson's
// links) can follow it and open another.
import { useLab } from '../store/lab.ts';
import { useLesson } from '../store/lesson.ts';
import type { Tab } from '../store/ui-slice.ts';

export type { Tab } from '../store/ui-slice.ts';
export const TABS: readonly Tab[] = ['lessons', 'controls', 'code', 'export'];

/**
 * A link that opens a lesson (a teacher's, or a reload mid-lesson) starts on Lessons, and so does the
 * plain link (the arrival): a newcomer meets the lessons beside a network that already does something.
 * A link with settings starts on Controls, where those settings are.
 */
export function initialTab(): Tab {
  return useLesson.getState().open || useLab.getState().arrival ? 'lessons' : 'controls';
}

/** The tab open now. */
export function useOpenTab(): Tab {
  return useLab((s) => s.sidebarTab) ?? initialTab();
}

export function openTab(tab: Tab): void {
  useLab.setState({ sidebarTab: tab });
}
