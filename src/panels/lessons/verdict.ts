// The verdict on a prediction as one plain sentence, for the page's announcer ("You predicted: … Right.").
import type { PredictDef, PredictText, StepKey } from '../../lessons/structure.ts';
import { useLesson } from '../../store/lesson.ts';
import { useT } from '../../i18n/useT.ts';

/** Inline markup (`code`, **strong**) as the words a screen reader should say. */
export function plain(text: string): string {
  return text.replace(/`([^`]+)`/g, '$1').replace(/\*\*([^*]+)\*\*/g, '$1');
}

export function useVerdict(key: StepKey, def: PredictDef | undefined, text: PredictText<string> | undefined): string | null {
  const t = useT();
  const chosen = useLesson((s) => s.predictions[key]);
  if (!def || !text) return null;
  if (!chosen) return t('lessons.noPrediction');
  const choice = plain(text.choices[chosen] ?? chosen);
  return `${t('lessons.yourPrediction', { choice })} ${t(chosen === def.answer ? 'lessons.right' : 'lessons.notQuite')}`;
}
