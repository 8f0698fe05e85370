// Which tab of the side column is open: a store, so the page around it (the quick controls, a lesson's
// links) can follow it and open another.
import { create } from 'zustand';
import { useLab } from '../store/lab.ts';
import { useLesson } from '../store/lesson.ts';

export type Tab = 'lessons' | 'controls' | 'code' | 'export';
export const TABS: readonly Tab[] = ['lessons', 'controls', 'code', 'export'];

/**
 * A link that opens a lesson (a teacher's, or a reload mid-lesson) starts on Lessons, and so does the
 * plain link (the arrival): a newcomer meets the lessons beside a network that already does something.
 * A link with settings starts on Controls, where those settings are.
 */
export function initialTab(): Tab {
  return useLesson.getState().open || useLab.getState().arrival ? 'lessons' : 'controls';
}

/** null until a tab is picked: the first tab then depends on the link, read when the page renders. */
export const useSidebarTab = create<{ tab: Tab | null }>()(() => ({ tab: null }));

/** The tab open now. */
export function useOpenTab(): Tab {
  return useSidebarTab((s) => s.tab) ?? initialTab();
}

export function openTab(tab: Tab): void {
  useSidebarTab.setState({ tab });
}
