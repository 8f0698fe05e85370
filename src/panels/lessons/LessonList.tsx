// The nine lessons, each opening where the learner left it. Back from a lesson, focus returns to its entry.
import { useEffect, useRef } from 'react';
import { LESSON_IDS, stepCount, type LessonsText } from '../../lessons/structure.ts';
import { useLesson } from '../../store/lesson.ts';
import { useT } from '../../i18n/useT.ts';
import { handoff } from './focus-handoff.ts';

export function LessonList({ text }: { text: LessonsText }) {
  const t = useT();
  const lastStep = useLesson((s) => s.lastStep);
  const openLesson = useLesson((s) => s.openLesson);
  const entries = useRef(new Map<string, HTMLButtonElement>());
  useEffect(() => {
    const back = handoff.toEntry;
    handoff.toEntry = null;
    if (back) entries.current.get(back)?.focus();
  }, []);
  return (
    <>
      <p className="hint">{t('lessons.intro')}</p>
      <ol className="lesson-list" aria-label={t('lessons.listLabel')}>
        {LESSON_IDS.map((id, i) => {
          const at = lastStep[id] ?? 0;
          return (
            <li key={id}>
              <button
                type="button"
                ref={(el) => {
                  if (el) entries.current.set(id, el);
                  else entries.current.delete(id);
                }}
                onClick={() => {
                  handoff.toStep = true;
                  openLesson(id);
                }}
              >
                <span className="lesson-number">{t('lessons.number', { n: i + 1 })}</span> <strong>{text.lessons[id].title}</strong>
              </button>
              <p>{text.lessons[id].summary}</p>
              {at > 0 ? (
                <p className="hint">
                  {t('lessons.continue', { step: at + 1, total: stepCount(id) })}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
    </>
  );
}
