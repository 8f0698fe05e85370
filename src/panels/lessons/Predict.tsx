// "Predict first": the learner picks an answer before running; the lab's answer is revealed when they
// press Play (or choose "Show me"), with whether their prediction was right.
import type { StepKey, PredictDef, PredictText } from '../../lessons/structure.ts';
import { useLesson } from '../../store/lesson.ts';
import { useT } from '../../i18n/useT.ts';
import { inline } from './Prose.tsx';
import { useEffect, useRef } from 'react';
import { announce } from '../../app/announce.ts';
import { useVerdict } from './verdict.ts';

export function Predict({ stepKey, def, text }: { stepKey: StepKey; def: PredictDef; text: PredictText<string> }) {
  const t = useT();
  const chosen = useLesson((s) => s.predictions[stepKey]);
  const revealed = useLesson((s) => s.revealed[stepKey] === true);
  const predict = useLesson((s) => s.predict);
  const reveal = useLesson((s) => s.reveal);
  const name = `predict-${stepKey}`;
  const verdict = useVerdict(stepKey, def, text);
  const answerRef = useRef<HTMLElement>(null);
  // "Show me" disappears when pressed: focus moves to the answer that replaced it, and the verdict is said.
  const showing = useRef(false);
  useEffect(() => {
    if (!revealed || !showing.current) return;
    showing.current = false;
    answerRef.current?.focus();
    if (verdict) announce(verdict);
  }, [revealed, verdict]);
  return (
    <div className="lesson-predict">
      <fieldset>
        <legend>
          <strong>{t('lessons.predict')}:</strong> {inline(text.question)}
        </legend>
        {def.choices.map((c) => (
          <label key={c} className={revealed && c === def.answer ? 'choice answer' : 'choice'}>
            <input type="radio" name={name} value={c} checked={chosen === c} onChange={() => predict(stepKey, c)} />
            <span>{inline(text.choices[c])}</span>
          </label>
        ))}
      </fieldset>
      {revealed ? (
        <section className="lesson-answer" aria-labelledby={`${name}-answer`} ref={answerRef} tabIndex={-1}>
          <h5 id={`${name}-answer`}>{t('lessons.answer')}</h5>
          <p>
            {chosen ? (
              <>
                {t('lessons.yourPrediction', { choice: text.choices[chosen] ?? chosen })}{' '}
                <strong>{t(chosen === def.answer ? 'lessons.right' : 'lessons.notQuite')}</strong>
              </>
            ) : (
              t('lessons.noPrediction')
            )}
          </p>
          <p>{inline(text.explain)}</p>
        </section>
      ) : (
        <p className="lesson-reveal">
          <span className="hint">{t('lessons.revealHint')}</span>{' '}
          <button
            type="button"
            onClick={() => {
              showing.current = true;
              reveal(stepKey);
            }}
          >
            {t('lessons.showMe')}
          </button>
        </p>
      )}
    </div>
  );
}
