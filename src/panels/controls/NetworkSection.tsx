// Network: how many hidden layers and how wide, the activation, and how the weights start.
import { useId } from 'react';
import { MAX_HIDDEN_LAYERS } from '../../engine/netspec.ts';
import { entry, fitLength, type ListEntry, type ParamId } from '../../protocol/hyperparams.ts';
import { useLab } from '../../store/lab.ts';
import { useT } from '../../i18n/useT.ts';
import { formatValue } from './scale.ts';
import { Slider } from './Slider.tsx';
import { ParamChoice, ParamSlider, Radios, RestartNote, Section } from './fields.tsx';
import { patchByArchRule } from './archRule.ts';
import type { Arch } from '../../protocol/config.ts';
import { anyShown, hiddenPatch } from './params.ts';

const IDS: readonly ParamId[] = ['arch', 'hidden', 'activation', 'init', 'initScale'];

export function NetworkSection(props: { hidden?: ReadonlySet<string>; defaultOpen?: boolean }) {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const restartId = useId();
  const show = (id: ParamId) => !props.hidden?.has(id);
  const arch = useLab((s) => s.config.arch);
  if (!anyShown(IDS, props.hidden)) return null;
  return (
    <Section id="network" title={t('controls.section.network')} defaultOpen={props.defaultOpen}>
      <RestartNote id={restartId} text={t('controls.restartNetwork')} />
      {show('arch') ? (
        <Radios<Arch>
          legend={t('control.arch')}
          value={arch}
          describedBy={restartId}
          // The CNN takes the digit images: choosing it switches the data (archRule.ts).
          onChange={(v) => patchByArchRule({ arch: v })}
          choices={(['mlp', 'cnn'] as const).map((a) => ({ value: a, label: t(`controls.arch.${a}`) }))}
        />
      ) : null}
      {show('hidden') ? <HiddenLayers describedBy={restartId} /> : null}
      {show('activation') ? (
        <ParamChoice
          id="activation"
          as="select"
          describedBy={restartId}
          choices={(['relu', 'tanh', 'sigmoid'] as const).map((a) => ({ value: a, label: t(`controls.activation.${a}`) }))}
        />
      ) : null}
      {show('init') ? (
        <ParamChoice id="init" describedBy={restartId} choices={(['he', 'xavier'] as const).map((k) => ({ value: k, label: t(`controls.init.${k}`) }))} />
      ) : null}
      {show('initScale') ? (
        <ParamSlider id="initScale" describedBy={restartId} format={(v) => `×${formatValue(lang, v)}`} hint={t('controls.initScaleHint')} />
      ) : null}
    </Section>
  );
}

/** The number of hidden layers, then one width slider per layer. */
function HiddenLayers(props: { describedBy: string }) {
  const t = useT();
  const hidden = useLab((s) => s.config.net.hidden);
  const item = (entry('hidden') as ListEntry).item;
  const widthDefault = item.default as number;
  const change = (next: number[]) => useLab.getState().patch(hiddenPatch(useLab.getState().config.net, next));
  return (
    <div className="controls-hidden-layers">
      <Slider
        label={t('control.hidden')}
        value={hidden.length}
        min={0}
        max={MAX_HIDDEN_LAYERS}
        step={1}
        integer
        describedBy={props.describedBy}
        onChange={(n) => change(fitLength(hidden, n, hidden[hidden.length - 1] ?? widthDefault))}
      />
      {hidden.length === 0 ? <p className="controls-hint">{t('controls.noHidden')}</p> : null}
      {item.kind === 'int'
        ? hidden.map((w, i) => (
            <Slider
              key={i}
              className="controls-width"
              label={t('controls.layerWidth', { n: i + 1 })}
              value={w}
              min={item.min}
              max={item.max}
              step={item.step}
              integer
              numberField
              describedBy={props.describedBy}
              onChange={(v) => change(hidden.map((x, j) => (j === i ? v : x)))}
            />
          ))
        : null}
    </div>
  );
}
