// Presentation mode's choices: which panels a lesson step is about (so a projector shows only those),
// and the page-level switches the classroom tools share (side column, all panels, help list).
import type { LessonId, StepKey } from '../lessons/steps.ts';
import { useLab } from '../store/lab.ts';
import { openStepKey, useLesson } from '../store/lesson.ts';
import { SHORTCUTS_KEY } from '../store/ui-slice.ts';

export type PanelId = 'network' | 'output' | 'loss' | 'batchnorm' | 'activations' | 'inference' | 'compare' | 'experiments';
export const PANEL_IDS: readonly PanelId[] = ['network', 'output', 'loss', 'batchnorm', 'activations', 'inference', 'compare', 'experiments'];

/** What a step shows when the lesson names nothing more specific. */
export const DEFAULT_PANELS: readonly PanelId[] = ['network', 'output', 'loss'];

/** The panels each lesson is about, in the order the lesson reads them. */
const LESSON_PANELS: Record<LessonId, readonly PanelId[]> = {
  overfitting: ['output', 'loss'],
  dropout: ['network', 'output', 'loss'],
  batchnorm: ['batchnorm', 'loss'],
  compare: ['compare', 'loss'],
  both: ['network', 'batchnorm', 'loss'],
  where: ['batchnorm', 'loss'],
  code: DEFAULT_PANELS,
  faq: DEFAULT_PANELS,
  conclusion: DEFAULT_PANELS,
};

/** Steps whose text points at panels other than their lesson's. */
const STEP_PANELS: Partial<Record<StepKey, readonly PanelId[]>> = {
  'dropout/masks': ['network', 'loss'],
  'dropout/why': ['inference', 'loss'],
  'dropout/train-only': ['network', 'inference'],
  'dropout/scaling': ['inference', 'network'],
  'dropout/forgot-loss': ['inference', 'loss'],
  'dropout/forgot-accuracy': ['inference', 'output'],
  'dropout/mc': ['output'],
  'batchnorm/three-steps': ['batchnorm', 'network'],
  'batchnorm/gamma-beta': ['batchnorm', 'output'],
  'batchnorm/bad-init': ['loss', 'activations'],
  'batchnorm/bad-init-bn': ['loss', 'activations'],
  'batchnorm/learning-rate': ['loss', 'activations'],
  'batchnorm/covariate-shift': ['activations', 'loss'],
  'batchnorm/placement': ['batchnorm', 'activations'],
  'batchnorm/inference': ['batchnorm', 'output'],
  'batchnorm/batch-stats': ['batchnorm', 'output'],
  'both/variance-shift': ['batchnorm', 'activations', 'loss'],
  'faq/bn-inference': ['inference', 'batchnorm'],
};

export function panelsForStep(key: StepKey | null): readonly PanelId[] {
  if (key === null) return DEFAULT_PANELS;
  return STEP_PANELS[key] ?? LESSON_PANELS[key.split('/')[0] as LessonId] ?? DEFAULT_PANELS;
}

export function setShortcutsOn(on: boolean): void {
  useLab.setState({ shortcutsOn: on });
  try {
    if (typeof localStorage !== 'undefined') {
      if (on) localStorage.removeItem(SHORTCUTS_KEY);
      else localStorage.setItem(SHORTCUTS_KEY, 'off');
    }
  } catch {
    // Storage refused (private mode, a sandboxed frame): the choice lasts for this page.
  }
}

export function togglePresent(): void {
  const present = !useLab.getState().present;
  // Leaving presentation brings the page back as it was: every panel and the side column (one update).
  useLab.setState(present ? { present } : { present, sidebarHidden: false, allPanels: false });
}

export function shownPanels(present: boolean, allPanels: boolean, key: StepKey | null): ReadonlySet<PanelId> {
  return new Set(present && !allPanels ? panelsForStep(key) : PANEL_IDS);
}

/** The panels on the page now (every panel outside presentation mode). */
export function useShownPanels(): ReadonlySet<PanelId> {
  const present = useLab((s) => s.present);
  const all = useLab((s) => s.allPanels);
  const key = useLesson(openStepKey);
  return shownPanels(present, all, key);
}
