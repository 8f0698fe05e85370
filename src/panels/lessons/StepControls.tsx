// "Try it here": the controls a step asks the learner to move, inside the step, so the lesson stays in
// view while they act. The same components as the Controls tab (a slider wired to a table entry, the
// γ/β sliders, the header's mode switch), so both places always show the same value. A control a
// teacher hid stays hidden here too.
import type { DropoutScaling } from '../../engine/spec.ts';
import { controlsOf, hideIdOf, type StepControl } from '../../lessons/step-controls.ts';
import type { StepKey } from '../../lessons/structure.ts';
import { useLab } from '../../store/lab.ts';
import { useT } from '../../i18n/useT.ts';
import { formatValue } from '../../i18n/index.ts';
import { ModeSwitch } from '../../app/Header.tsx';
import { DropoutPSlider } from '../controls/DropoutSection.tsx';
import { GammaBeta } from '../controls/GammaBeta.tsx';
import { Check, ParamChoice, ParamSlider } from '../controls/fields.tsx';
import { setParam } from '../controls/params.ts';
import '../controls/controls.css';

function Control({ c }: { c: StepControl }) {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const teach = useLab((s) => s.teach);
  // The quick strip above the panels and the header show p, γ, β and the mode switch too: the step's
  // copies carry "(lesson step)" in their accessible names, so no two controls on screen share one.
  const suffix = t('lessons.stepControl');
  switch (c) {
    case 'dropoutP':
      return <DropoutPSlider nameSuffix={suffix} />;
    case 'initScale':
      return <ParamSlider id="initScale" format={(v) => `×${formatValue(lang, v)}`} hint={t('controls.initScaleHint')} />;
    case 'batchSize':
      return <ParamSlider id="batchSize" />;
    case 'dropoutScaling':
      return (
        <ParamChoice<DropoutScaling>
          id="dropoutScaling"
          choices={(['inverted', 'classic'] as const).map((v) => ({ value: v, label: t(`controls.scaling.${v}`), hint: t(`controls.scaling.${v}Hint`) }))}
        />
      );
    case 'forgetDropoutScaling':
    case 'bnBatchStatsAtInference':
      return <Check label={t(`control.${c}`)} checked={teach[c]} onChange={(v) => setParam(c, v)} />;
    case 'gammaBeta':
      return <GammaBeta linked nameSuffix={suffix} />;
    case 'mode':
      return <ModeSwitch hintId="lesson-mode-hint" nameSuffix={suffix} />;
    default: {
      const never: never = c;
      return never;
    }
  }
}

export function StepControls({ stepKey }: { stepKey: StepKey }) {
  const t = useT();
  const hide = useLab((s) => s.hide);
  const shown = controlsOf(stepKey).filter((c) => {
    const id = hideIdOf(c);
    return id === null || !hide.includes(id);
  });
  if (shown.length === 0) return null;
  return (
    <section className="lesson-try controls-body" aria-labelledby="lesson-try-title">
      <h5 id="lesson-try-title">{t('lessons.tryHere')}</h5>
      {shown.map((c) => (
        <Control key={c} c={c} />
      ))}
    </section>
  );
}
