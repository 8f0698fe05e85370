// The lessons beside the lab: a list of the nine lessons, or the open step. The learner can leave a
// lesson, experiment freely and come back to the same step (the lesson store keeps the place).
import { useEffect } from 'react';
import { useLessonsText } from '../../lessons/load.ts';
import { useLesson } from '../../store/lesson.ts';
import { recorderOf } from '../../store/run-recorder.ts';
import { useControllers } from '../controllers.tsx';
import { useLab } from '../../store/lab.ts';
import { useT } from '../../i18n/useT.ts';
import { LessonList } from './LessonList.tsx';
import { StepView } from './StepView.tsx';
import './lessons.css';

export function LessonsPanel() {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const text = useLessonsText(lang);
  const open = useLesson((s) => s.open);
  // The comparison table records runs whenever the panel is on the page, not only on its own step.
  const page = useControllers();
  useEffect(() => recorderOf(page).start(), [page]);
  return (
    <section className="panel lessons" aria-labelledby="lessons-title" lang={lang}>
      <h2 id="lessons-title">{t('lessons.title')}</h2>
      {!text ? <p className="empty">{t('lessons.loading')}</p> : open ? <StepView text={text} pos={open} /> : <LessonList text={text} />}
    </section>
  );
}
