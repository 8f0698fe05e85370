// The convolutional network's own controls (arch = cnn): conv layers, channels, the kernel, where the
// max-pools stand, and whether BatchNorm2d and which dropout sit in every block. Part of the Controls
// tab's own chunk.
import { useId } from 'react';
import type { ParamId } from '../../protocol/hyperparams.ts';
import { CONV_POOLS, type ConvConfig } from '../../protocol/config.ts';
import { useLab } from '../../store/lab.ts';
import { useT } from '../../i18n/useT.ts';
import { Check, ParamChoice, ParamSlider, Radios, RestartNote, Section } from '../controls/fields.tsx';
import { anyShown, setParam } from '../controls/params.ts';

const IDS: readonly ParamId[] = ['convLayers', 'convChannels', 'convKernel', 'convPool', 'convBn', 'convDropout'];
const KERNELS = ['1', '3', '5'] as const;

export function ConvSection(props: { hidden?: ReadonlySet<string> }) {
  const t = useT();
  const restartId = useId();
  const bn = useLab((s) => s.config.conv.bn);
  const kernel = useLab((s) => s.config.conv.kernel);
  const show = (id: ParamId) => !props.hidden?.has(id);
  if (!anyShown(IDS, props.hidden)) return null;
  return (
    <Section id="cnn" title={t('controls.section.cnn')} defaultOpen>
      <p className="controls-hint">{t('controls.cnnHint')}</p>
      <RestartNote id={restartId} text={t('controls.restartNetwork')} />
      {show('convLayers') ? <ParamSlider id="convLayers" describedBy={restartId} /> : null}
      {show('convChannels') ? <ParamSlider id="convChannels" describedBy={restartId} /> : null}
      {show('convKernel') ? (
        <Radios<(typeof KERNELS)[number]>
          legend={t('control.convKernel')}
          value={String(kernel) as (typeof KERNELS)[number]}
          describedBy={restartId}
          choices={KERNELS.map((k) => ({ value: k, label: `${k}×${k}`, hint: t('controls.convKernel.hint', { k, pad: (Number(k) - 1) / 2 }) }))}
          onChange={(k) => setParam('convKernel', Number(k))}
        />
      ) : null}
      {show('convPool') ? (
        <ParamChoice<ConvConfig['pool']>
          id="convPool"
          describedBy={restartId}
          choices={CONV_POOLS.map((v) => ({ value: v, label: t(`controls.convPool.${v}`) }))}
        />
      ) : null}
      {show('convBn') ? <Check label={t('control.convBn')} checked={bn} describedBy={restartId} onChange={(v) => setParam('convBn', v)} /> : null}
      {show('convDropout') ? (
        <ParamChoice<ConvConfig['dropout']>
          id="convDropout"
          choices={(['none', 'channel', 'element'] as const).map((v) => ({ value: v, label: t(`controls.convDropout.${v}`) }))}
        />
      ) : null}
    </Section>
  );
}
