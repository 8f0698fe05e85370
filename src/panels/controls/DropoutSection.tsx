// Dropout: p beside the keep probability, where it sits, how it scales, and the forgotten-scaling switch.
import type { DropoutScaling } from '../../engine/spec.ts';
import type { ParamId } from '../../protocol/hyperparams.ts';
import { useLab } from '../../store/lab.ts';
import { useT } from '../../i18n/useT.ts';
import { formatValue, keepOf } from './scale.ts';
import { Check, ParamChoice, ParamSlider, Section } from './fields.tsx';
import { anyShown, numberEntry, setParam } from './params.ts';

const IDS: readonly ParamId[] = ['dropoutP', 'dropoutInput', 'dropoutHidden', 'dropoutScaling', 'forgetDropoutScaling'];

export { keepOf } from './scale.ts';

export function DropoutSection(props: { hidden?: ReadonlySet<string>; defaultOpen?: boolean }) {
  const t = useT();
  const show = (id: ParamId) => !props.hidden?.has(id);
  const scaling = useLab((s) => s.config.net.dropoutScaling);
  const forget = useLab((s) => s.teach.forgetDropoutScaling);
  if (!anyShown(IDS, props.hidden)) return null;
  return (
    <Section id="dropout" title={t('controls.section.dropout')} defaultOpen={props.defaultOpen ?? true}>
      {show('dropoutP') ? <DropoutPSlider /> : null}
      {show('dropoutInput') || show('dropoutHidden') ? <Places showInput={show('dropoutInput')} showHidden={show('dropoutHidden')} /> : null}
      {show('dropoutScaling') ? (
        <ParamChoice<DropoutScaling>
          id="dropoutScaling"
          choices={(['inverted', 'classic'] as const).map((v) => ({ value: v, label: t(`controls.scaling.${v}`), hint: t(`controls.scaling.${v}Hint`) }))}
        />
      ) : null}
      {show('forgetDropoutScaling') ? (
        <Check
          className={`controls-teach${scaling === 'classic' ? '' : ' is-moot'}`}
          label={t('control.forgetDropoutScaling')}
          checked={forget}
          onChange={(v) => setParam('forgetDropoutScaling', v)}
          hint={t(scaling === 'classic' ? 'controls.forgetHint' : 'controls.forgetOnlyClassic')}
        />
      ) : null}
    </Section>
  );
}

/** The "Dropout p" slider with the keep probability beside it (the Controls tab and lesson steps share it). */
export function DropoutPSlider({ nameSuffix }: { nameSuffix?: string } = {}) {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const step = numberEntry('dropoutP').step ?? 0.01;
  const decimals = Math.max(2, String(step).split('.')[1]?.length ?? 0);
  const fmt = (v: number) => formatValue(lang, v, decimals);
  return (
    <ParamSlider
      id="dropoutP"
      nameSuffix={nameSuffix}
      format={fmt}
      valueText={(p) => t('controls.pValueText', { p: fmt(p), keep: fmt(keepOf(p)) })}
      beside={<KeepText format={fmt} />}
    />
  );
}

/** "keep = 1 − p = 0.70", its own subscriber so only this text and the slider follow a drag. */
function KeepText(props: { format(v: number): string }) {
  const t = useT();
  const p = useLab((s) => s.config.net.dropoutP);
  return <span className="controls-keep">{t('controls.keep', { keep: props.format(keepOf(p)) })}</span>;
}

function Places(props: { showInput: boolean; showHidden: boolean }) {
  const t = useT();
  const input = useLab((s) => s.config.net.dropoutInput);
  const hidden = useLab((s) => s.config.net.dropoutHidden);
  const nowhere = !input && !hidden.some(Boolean);
  return (
    <fieldset className="controls-places">
      <legend>{t('controls.dropoutWhere')}</legend>
      {props.showInput ? <Check label={t('control.dropoutInput')} checked={input} onChange={(v) => setParam('dropoutInput', v)} /> : null}
      {props.showHidden
        ? hidden.map((on, i) => (
            <Check
              key={i}
              label={t('controls.dropoutAfter', { n: i + 1 })}
              checked={on}
              onChange={(v) => setParam('dropoutHidden', hidden.map((x, j) => (j === i ? v : x)))}
            />
          ))
        : null}
      {nowhere ? <p className="controls-hint">{t('controls.dropoutNowhere')}</p> : null}
    </fieldset>
  );
}
