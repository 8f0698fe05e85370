// The Dropout-vs-BN table, filled from the learner's own runs: steps to a target training loss, final
// losses and gap, and whether the layers changed values at inference (measured on an inference frame).
import { useEffect, useId, useState } from 'react';
import { formatNumber, formatValue } from '../../i18n/index.ts';
import { COMPARE, RUN_KINDS, type RunKind } from '../../lessons/setups.ts';
import { COMPARE_RUN_STEPS } from '../../lessons/structure.ts';
import { LESSON_BASE, UNCHANGED, finalGap, lastPoint, stepsToTarget, type MeasuredRun } from '../../lessons/measure.ts';
import { applySetup, useLesson } from '../../store/lesson.ts';
import { useLab } from '../../store/lab.ts';
import { useT } from '../../i18n/useT.ts';
import { trainExactly } from './train.ts';

/**
 * "Acts at inference?" is measured by the table itself: when a run stops (an exact run finishes, or
 * the learner pauses), the worker passes the inspected test rows through a copy of the network in
 * inference mode and reports each layer's |out − in|; the recorder files it under the run.
 */
function useMeasureOnStop(): void {
  useEffect(() => {
    const measure = () => useLab.getState().inspect(1);
    return useLab.subscribe((s, prev) => {
      if ((s.lessonRun?.finished && !prev.lessonRun?.finished) || (!s.playing && prev.playing)) measure();
    });
  }, []);
}

/** A variant's setup, then exactly the steps the lesson asks for (evaluated often enough to count). */
function runVariant(kind: RunKind): void {
  trainExactly(COMPARE_RUN_STEPS, `table/${kind}`, () => {
    const lab = useLab.getState();
    for (const n of lab.notices) lab.dismiss(n.id);
    applySetup(COMPARE[kind]);
  });
}

/** Losses far below the others would stretch their column ("0.000000255"); below 0.001 they read as such. */
const SMALL = 0.001;

const KIND_KEY = {
  none: 'compare.kind.none',
  dropout: 'compare.kind.dropout',
  bn: 'compare.kind.bn',
  both: 'compare.kind.both',
} as const;

const DASH = '—';

export function CompareTable() {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const allRuns = useLesson((s) => s.runs);
  // Only this lesson's runs (a row kept from another version of the course, on other data, is left out).
  const runs = Object.fromEntries(Object.entries(allRuns).filter(([, r]) => r?.base === LESSON_BASE)) as typeof allRuns;
  useMeasureOnStop();
  const target = useLesson((s) => s.target);
  const setTarget = useLesson((s) => s.setTarget);
  const targetId = useId();
  // The field keeps what is typed (an empty or partial number too); the store takes only valid targets.
  const [draft, setDraft] = useState(String(target));
  const titleId = useId();
  const num = (v: number | null) =>
    v === null || !Number.isFinite(v) ? DASH : v > 0 && v < SMALL ? `< ${formatNumber(lang, SMALL, 1)}` : formatNumber(lang, v, 3);

  const inferenceCell = (kind: RunKind, run: MeasuredRun) => {
    const lines: string[] = [];
    if (kind === 'none') lines.push(t('compare.inf.nothing'));
    if (kind === 'dropout' || kind === 'both') {
      const d = run.inferDropout;
      lines.push(d === undefined ? t('compare.inf.unmeasured') : t(d < UNCHANGED ? 'compare.inf.dropoutNo' : 'compare.inf.dropoutYes', { delta: formatNumber(lang, d, 2) }));
    }
    if (kind === 'bn' || kind === 'both') {
      const b = run.inferBn;
      lines.push(b === undefined ? t('compare.inf.unmeasured') : t(b < UNCHANGED ? 'compare.inf.bnNo' : 'compare.inf.bnYes', { delta: formatNumber(lang, b, 2) }));
    }
    return lines.map((l, i) => (
      <span key={i} className="inf-line">
        {l}
      </span>
    ));
  };

  return (
    <section className="lesson-compare" aria-labelledby={titleId}>
      <h4 id={titleId}>{t('compare.title')}</h4>
      <p className="hint">{t('compare.howRecorded')}</p>
      <label className="compare-target" htmlFor={targetId}>
        {t('compare.target')}{' '}
        <input
          id={targetId}
          type="number"
          min={0.01}
          max={5}
          step={0.05}
          value={draft}
          onChange={(e) => {
            setDraft(e.currentTarget.value);
            setTarget(e.currentTarget.valueAsNumber);
          }}
        />
      </label>
      {/* Four columns, so the table fits the side column: the run button sits under the run's name,
          and the two losses under their difference. */}
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('compare.col.run')}</th>
              <th scope="col">{t('compare.col.steps', { target: formatNumber(lang, target, 3) })}</th>
              <th scope="col">{t('compare.col.gap')}</th>
              <th scope="col">{t('compare.col.inference')}</th>
            </tr>
          </thead>
          <tbody>
            {RUN_KINDS.map((kind) => {
              const run = runs[kind];
              const kindName = t(KIND_KEY[kind]);
              const last = run ? lastPoint(run) : null;
              const reached = run ? stepsToTarget(run, target) : null;
              return (
                <tr key={kind} data-kind={kind}>
                  <th scope="row">
                    {kindName}
                    {run ? <span className="sub">{t('compare.stepsTrained', { steps: last?.step ?? 0 })}</span> : null}
                    <button
                      type="button"
                      aria-label={t(run ? 'compare.runAgainLabel' : 'compare.runItLabel', { kind: kindName, n: COMPARE_RUN_STEPS })}
                      onClick={() => runVariant(kind)}
                    >
                      {t(run ? 'compare.runAgain' : 'compare.runIt')}
                    </button>
                  </th>
                  <td className="num">{!run ? DASH : reached !== null ? formatValue(lang, reached) : t('compare.notReached', { steps: last?.step ?? 0 })}</td>
                  <td className="num">
                    {run ? num(finalGap(run)) : DASH}
                    {run && last ? (
                      <>
                        <span className="sub">{t('compare.gapTest', { v: num(last.test) })}</span>
                        <span className="sub">{t('compare.gapTrain', { v: num(last.train) })}</span>
                      </>
                    ) : null}
                  </td>
                  <td>{run ? inferenceCell(kind, run) : DASH}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
