// Training: optimizer, learning rate, SGD momentum, weight decay, and the seed.
import { useEffect, useId, useState } from 'react';
import type { OptimizerKind } from '../../protocol/config.ts';
import { clampNumber, type ParamId } from '../../protocol/hyperparams.ts';
import { useLab } from '../../store/lab.ts';
import { useT } from '../../i18n/useT.ts';
import { formatValue, parseTyped } from './scale.ts';
import { ParamChoice, ParamSlider, Section } from './fields.tsx';
import { anyShown, numberEntry } from './params.ts';

const IDS: readonly ParamId[] = ['optimizer', 'lr', 'momentum', 'weightDecay', 'seed'];

export function TrainingSection(props: { hidden?: ReadonlySet<string>; defaultOpen?: boolean }) {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const optimizer = useLab((s) => s.config.train.optimizer);
  const show = (id: ParamId) => !props.hidden?.has(id);
  if (!anyShown(IDS, props.hidden)) return null;
  return (
    <Section id="training" title={t('controls.section.training')} defaultOpen={props.defaultOpen ?? true}>
      {show('optimizer') ? (
        <ParamChoice<OptimizerKind> id="optimizer" choices={(['sgd', 'adam'] as const).map((v) => ({ value: v, label: t(`controls.optimizer.${v}`) }))} />
      ) : null}
      {show('lr') ? <ParamSlider id="lr" numberField /> : null}
      {show('momentum') ? (
        optimizer === 'sgd' ? <ParamSlider id="momentum" /> : <p className="controls-hint">{t('controls.adamNote')}</p>
      ) : null}
      {show('weightDecay') ? (
        <ParamSlider id="weightDecay" numberField format={(v) => (v === 0 ? t('controls.weightDecayOff') : formatValue(lang, v))} />
      ) : null}
      {show('seed') ? <SeedField /> : null}
    </Section>
  );
}

/** The seed as a number field: a typed seed starts a new run from it (Enter or leaving the field). */
function SeedField() {
  const t = useT();
  const seed = useLab((s) => s.config.seed);
  const [draft, setDraft] = useState<string | null>(null);
  const id = useId();
  useEffect(() => setDraft(null), [seed]);
  const commit = () => {
    if (draft === null) return;
    const v = parseTyped(draft);
    setDraft(null);
    if (v === null) return;
    const next = clampNumber(numberEntry('seed'), v);
    if (next !== seed) useLab.getState().setSeed(next);
  };
  return (
    <div className="controls-field">
      <div className="controls-seed-row">
        <label htmlFor={id}>{t('control.seed')}</label>
        <input
          id={id}
          type="text"
          inputMode="numeric"
          className="controls-typed controls-seed"
          value={draft ?? String(seed)}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            else if (e.key === 'Escape') setDraft(null);
          }}
        />
      </div>
      <p id={`${id}-hint`} className="controls-hint">
        {t('controls.seedHint')}
      </p>
    </div>
  );
}
