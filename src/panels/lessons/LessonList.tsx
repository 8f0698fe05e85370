// The nine lessons, each opening where the learner left it.
import { LESSON_IDS, stepCount, type LessonsText } from '../../lessons/structure.ts';
import { useLesson } from '../../store/lesson.ts';
import { useT } from '../../i18n/useT.ts';

export function LessonList({ text }: { text: LessonsText }) {
  const t = useT();
  const lastStep = useLesson((s) => s.lastStep);
  const openLesson = useLesson((s) => s.openLesson);
  return (
    <>
      <p className="hint">{t('lessons.intro')}</p>
      <ol className="lesson-list" aria-label={t('lessons.listLabel')}>
        {LESSON_IDS.map((id, i) => {
          const at = lastStep[id] ?? 0;
          return (
            <li key={id}>
              <button type="button" onClick={() => openLesson(id)}>
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
