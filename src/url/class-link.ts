// A teacher's link for a class: the language, the lesson step (whose set-up the link then applies, see
// README), the controls to hide and presentation mode; optionally the lab's own settings as well
// (the link then keeps them instead of the step's set-up). Written with the share link's own codec.
import { DEFAULT_STATE, type LabState, type LessonRef, type Lang } from '../protocol/hyperparams.ts';
import { serializeUrl } from './state.ts';

export interface ClassLinkChoices {
  lang: Lang;
  lesson: LessonRef | null;
  hide: readonly string[];
  present: boolean;
  /** The lab's current settings, to carry them instead of the step's set-up (null: leave them out). */
  settings: Pick<LabState, 'config' | 'mode' | 'teach'> | null;
}

/** The link, on `base` (the page's address without its query). */
export function classLink(base: string, c: ClassLinkChoices): string {
  const state: LabState = {
    ...DEFAULT_STATE,
    ...(c.settings ?? {}),
    lang: c.lang,
    lesson: c.lesson,
    hide: [...c.hide],
    present: c.present,
  };
  return base + serializeUrl(state);
}
