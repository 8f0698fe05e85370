// The page's own switches, a slice of the lab store (store/lab.ts): the side column's tab, the
// classroom tools (side column folded, every panel, help list, shortcuts), the colour palette, a newer
// build waiting, and what the screen-reader announcer said last. Small, rarely changing values: one
// store with the lab keeps presentation mode and its panels changing together.
import type { StateCreator } from 'zustand';
import { createAnnouncer, type Announcer, type Spoken } from './announcer.ts';

export type Tab = 'lessons' | 'controls' | 'code' | 'export';
export type PaletteId = 'standard' | 'safe';

export interface UpdateState {
  /** A newer build is installed and waiting. */
  ready: boolean;
  dismissed: boolean;
  /** The page's service worker registration (null before it registered, in development and tests). */
  registration: ServiceWorkerRegistration | null;
}

/** Where focus goes once a change has landed (app/focus-guard.ts reads it whenever the page changes). */
export interface FocusWanted {
  find: () => HTMLElement | null;
  until: number;
}

export interface UiSlice {
  /** null until a tab is picked: the first tab then depends on the link (app/sidebar-tab.ts). */
  sidebarTab: Tab | null;
  /** The side column (lessons, controls, code) folded away to give the panels the width. */
  sidebarHidden: boolean;
  /** In presentation mode, show every panel rather than the lesson's. */
  allPanels: boolean;
  helpOpen: boolean;
  /** Single-key shortcuts act (the learner can turn them off; the choice is kept in localStorage). */
  shortcutsOn: boolean;
  palette: PaletteId;
  update: UpdateState;
  /** The announcer's last message (Announcer.tsx says it). */
  spoken: Spoken;
  /** The page's announcer (app/announce.ts; a test puts in one with a fake clock). */
  announcer: Announcer;
  focusWanted: FocusWanted | null;
}

export const SHORTCUTS_KEY = 'reglab.shortcuts';

function storedShortcutsOn(): boolean {
  try {
    return typeof localStorage === 'undefined' || localStorage.getItem(SHORTCUTS_KEY) !== 'off';
  } catch {
    return true;
  }
}

/** An announcer writing into the store behind `set`/`get`. */
export function storeAnnouncer(set: (p: Pick<UiSlice, 'spoken'>) => void, get: () => Pick<UiSlice, 'spoken'>, now?: () => number): Announcer {
  return createAnnouncer((text) => set({ spoken: { text, n: get().spoken.n + 1 } }), now);
}

export const createUiSlice: StateCreator<UiSlice, [], [], UiSlice> = (set, get) => ({
  sidebarTab: null,
  sidebarHidden: false,
  allPanels: false,
  helpOpen: false,
  shortcutsOn: storedShortcutsOn(),
  palette: 'standard',
  update: { ready: false, dismissed: false, registration: null },
  spoken: { text: '', n: 0 },
  announcer: storeAnnouncer(set, get),
  focusWanted: null,
});
