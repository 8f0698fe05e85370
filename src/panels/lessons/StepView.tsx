// One lesson step: prose and formulas, "Set up this experiment", "Predict first", "Train N steps",
// "What to look at", and Prev / Next. Opening a step moves focus to its heading, so keyboard and
// screen-reader users land on the new content.
import { Suspense, lazy, useEffect, useRef, useState } from 'react';
import {
  EXPERIMENT_STEPS, GOTO, LESSON_IDS, SCORE_STEPS, TABLE_STEPS, predictOf, setupOf, stepCount, stepKey, stepText, trainStepsOf,
  type LessonsText, type PredictDef, type StepKey, PREDICT,
} from '../../lessons/structure.ts';
import type { StepSetup } from '../../lessons/setups.ts';
import { applySetup, useLesson, type LessonPos } from '../../store/lesson.ts';
import { useLab } from '../../store/lab.ts';
import { useT } from '../../i18n/useT.ts';
import { stopTraining, trainExactly, useTraining } from './train.ts';
import { Prose, inline } from './Prose.tsx';
import { Predict } from './Predict.tsx';
import { CompareTable } from './CompareTable.tsx';
import { announce } from '../../app/announce.ts';
import { useVerdict } from './verdict.ts';
import { StepControls } from './StepControls.tsx';
import { handoff } from './focus-handoff.ts';

const StepExperiment = lazy(() => import('./StepExperiment.tsx').then((m) => ({ default: m.StepExperiment })));

export function StepView({ text, pos }: { text: LessonsText; pos: LessonPos }) {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const key = stepKey(pos.id, pos.step);
  const st = stepText(text, key);
  const setup = setupOf(key);
  const predict = predictOf(key);
  const total = stepCount(pos.id);
  // On a phone the step is a sheet at the bottom (lessons.css); folded, it leaves one line over the panels.
  const [folded, setFolded] = useState(false);
  const setupFor = useLesson((s) => s.setupFor);
  const { reveal, next, prev, close, openLesson } = useLesson.getState();
  const trainN = trainStepsOf(key);
  const training = useTraining();
  const mine = training && training.owner === key ? training : null;
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useRef<string | null>(null);

  useEffect(() => {
    // Not on first render (a page that opens on a saved step must not steal focus), unless the learner
    // opened the lesson from the list, whose button is gone.
    const opened = handoff.toStep;
    handoff.toStep = false;
    if (opened || (shown.current !== null && shown.current !== key)) heading.current?.focus();
    shown.current = key;
  }, [key]);

  useEffect(() => {
    if (!predict) return;
    return useLab.subscribe((s, before) => {
      // Play, Step and S all train: each shows the answer, as the hint under the question says.
      if (((s.playing && !before.playing) || s.stepRequests !== before.stepRequests) && !useLesson.getState().revealed[key]) {
        reveal(key);
        if (verdictRef.current) announce(verdictRef.current);
      }
    });
  }, [key, predict, reveal]);

  const setupHint = setupFor === key ? t(predict ? 'lessons.setupDone' : 'lessons.setupDonePlain') : '';
  const runHint =
    trainN === undefined
      ? ''
      : mine
        ? t(mine.finished ? 'lessons.trained' : 'lessons.training', { n: trainN })
        : setupFor === key
          ? t(predict ? 'lessons.setupDoneTrain' : 'lessons.setupDoneTrainPlain', { n: trainN })
          : t('lessons.trainHint', { n: trainN });
  // The hints are not live regions of their own: a change is said through the page's one announcer,
  // and a finished run says the verdict on the prediction with it.
  const verdict = useVerdict(key, predict, st.predict);
  const verdictRef = useRef(verdict);
  verdictRef.current = verdict;
  const said = useRef<string | null>(null);
  const hint = trainN === undefined ? setupHint : runHint;
  useEffect(() => {
    const before = said.current;
    said.current = `${key}|${hint}`;
    if (before === null || before === said.current || before.split('|')[0] !== key || !hint) return;
    announce(mine?.finished && verdict ? `${hint} ${verdict}` : hint);
    // Only a new hint speaks; the verdict is read when it changes the hint's message.
  }, [key, hint]);

  const lastInLesson = pos.step === total - 1;
  const lessonIndex = LESSON_IDS.indexOf(pos.id);
  const nextLabel = !lastInLesson ? t('lessons.next') : lessonIndex < LESSON_IDS.length - 1 ? t('lessons.nextLesson') : t('lessons.finish');
  const gotoLesson = GOTO[key];
  const experiment = EXPERIMENT_STEPS[key];

  return (
    <article className={`lesson-step${folded ? ' folded' : ''}`} aria-labelledby="lesson-step-title">
      <div className="lesson-top">
        <button
          type="button"
          className="link"
          onClick={() => {
            handoff.toEntry = pos.id;
            close();
          }}
        >
          <span aria-hidden="true">← </span>
          {t('lessons.back')}
        </button>
        <span className="lesson-progress">{t('lessons.stepOf', { step: pos.step + 1, total })}</span>
        {/* Phones only (lessons.css): the step is a sheet over the panels' lower part; fold it to a line. */}
        <button type="button" className="sheet-toggle" aria-expanded={!folded} aria-controls="lesson-step-body" onClick={() => setFolded(!folded)}>
          {folded ? t('lessons.sheetShow') : t('lessons.sheetHide')}
        </button>
      </div>
      <h3 className="lesson-title">{text.lessons[pos.id].title}</h3>
      <h4 id="lesson-step-title" ref={heading} tabIndex={-1}>
        {st.title}
      </h4>
      <div id="lesson-step-body" className="lesson-step-body">
      <Prose blocks={st.body} lang={lang} />

      {setup ? (
        <div className="lesson-setup">
          <button
            type="button"
            className="primary"
            onClick={() => {
              stopTraining();
              setUp(key, setup);
            }}
          >
            {t('lessons.setup')}
          </button>
          {trainN === undefined ? <p className="hint">{setupHint}</p> : null}
        </div>
      ) : null}

      {predict && st.predict ? <Predict stepKey={key} def={predict} text={st.predict} /> : null}

      {setup && trainN !== undefined ? (
        <div className="lesson-run">
          <div className="lesson-run-row">
            <button
              type="button"
              className={predict ? 'primary' : undefined}
              onClick={() => {
                if (predict) reveal(key);
                trainExactly(trainN, key, () => (useLesson.getState().setupFor === key ? restart() : setUp(key, setup)));
              }}
            >
              <span aria-hidden="true">▶ </span>
              {t('lessons.train', { n: trainN })}
            </button>
            {mine && !mine.finished ? (
              <>
                <progress max={mine.total} value={mine.done} aria-label={t('lessons.trainProgress')} />
                <button type="button" onClick={stopTraining}>
                  {t('lessons.stop')}
                </button>
              </>
            ) : null}
          </div>
          <p className="hint">{runHint}</p>
        </div>
      ) : null}

      <StepControls stepKey={key} />

      {st.look ? (
        <section className="lesson-look" aria-labelledby="lesson-look-title">
          <h5 id="lesson-look-title">{t('lessons.look')}</h5>
          <p>{inline(st.look)}</p>
        </section>
      ) : null}

      {experiment ? (
        <Suspense fallback={null}>
          <StepExperiment key={key} id={experiment} onStart={() => (predict ? reveal(key) : undefined)} />
        </Suspense>
      ) : null}
      {TABLE_STEPS.has(key) ? <CompareTable /> : null}
      {SCORE_STEPS.has(key) ? <Score /> : null}
      {gotoLesson ? (
        <p>
          <button type="button" onClick={() => openLesson(gotoLesson)}>
            {t('lessons.goto', { title: text.lessons[gotoLesson].title })}
          </button>
        </p>
      ) : null}

      <nav className="lesson-nav" aria-label={t('lessons.nav')}>
        <button type="button" onClick={prev} disabled={pos.step === 0}>
          <span aria-hidden="true">← </span>
          {t('lessons.prev')}
        </button>
        <button type="button" className="primary" onClick={next}>
          {nextLabel}
          <span aria-hidden="true"> →</span>
        </button>
      </nav>
      </div>
    </article>
  );
}

/** A fresh lab for the step: its setup, and no messages left from what was set before. */
function setUp(key: StepKey, setup: StepSetup): void {
  clearNotices();
  applySetup(setup);
  useLesson.getState().markSetup(key);
}

/** The learner's own settings from step 0 (kept when they changed something after the setup). */
function restart(): void {
  clearNotices();
  const lab = useLab.getState();
  lab.pause();
  lab.reset();
}

function clearNotices(): void {
  const lab = useLab.getState();
  for (const n of lab.notices) lab.dismiss(n.id);
}

function Score() {
  const t = useT();
  const predictions = useLesson((s) => s.predictions);
  const defs = PREDICT as Partial<Record<string, PredictDef>>;
  let right = 0, total = 0;
  for (const [k, choice] of Object.entries(predictions)) {
    const d = defs[k];
    if (!d || choice === undefined) continue;
    total++;
    if (d.answer === choice) right++;
  }
  return <p className="lesson-score">{total ? t('lessons.score', { right, total }) : t('lessons.scoreNone')}</p>;
}
