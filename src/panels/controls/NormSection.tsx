// Normalization: none / BatchNorm / LayerNorm per hidden layer, before or after the activation,
// BN's momentum (with the Keras reading) and ε, presets, the batch-statistics mistake, and γ/β.
import { useId } from 'react';
import type { NormKind, NormPlacement } from '../../engine/netspec.ts';
import { BN_DEFAULTS, BN_KERAS_PRESET } from '../../engine/spec.ts';
import type { ParamId } from '../../protocol/hyperparams.ts';
import { useLab } from '../../store/lab.ts';
import { useT } from '../../i18n/useT.ts';
import { formatValue } from './scale.ts';
import { Check, ParamChoice, ParamSlider, RestartNote, Section, Select } from './fields.tsx';
import { GammaBeta } from './GammaBeta.tsx';
import { setParam } from './params.ts';

const KINDS: readonly NormKind[] = ['none', 'batchnorm', 'layernorm'];

export function NormSection(props: { hidden?: ReadonlySet<string>; defaultOpen?: boolean }) {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const norm = useLab((s) => s.config.net.norm);
  // A CNN's BatchNorm2d is one switch (conv.bn); placement, ε, momentum and the teaching switches are shared.
  const cnnBn = useLab((s) => (s.config.arch === 'cnn' ? s.config.conv.bn : null));
  const batchStats = useLab((s) => s.teach.bnBatchStatsAtInference);
  const bnNoise = useLab((s) => s.teach.bnNoise);
  const restartId = useId();
  const show = (id: ParamId) => !props.hidden?.has(id);
  const cnn = cnnBn !== null;
  const anyBn = cnn ? cnnBn : norm.includes('batchnorm');
  const anyLn = !cnn && norm.includes('layernorm');
  const anyNorm = anyBn || anyLn;
  const kinds = KINDS.map((k) => ({ value: k, label: t(`controls.normKind.${k}`) }));
  const keras = (m: number) => formatValue(lang, Number((1 - m).toFixed(10)), 2);
  return (
    <Section id="norm" title={t('controls.section.norm')} defaultOpen={props.defaultOpen ?? true}>
      {show('norm') || show('normPlacement') ? <RestartNote id={restartId} text={t('controls.restartNetwork')} /> : null}
      {show('norm') ? (
        norm.length === 0 ? (
          <p className="controls-hint">{t('controls.noHidden')}</p>
        ) : (
          <div className="controls-norm-kinds">
            {norm.map((k, i) => (
              <Select<NormKind>
                key={i}
                label={t('controls.normLayer', { n: i + 1 })}
                value={k}
                choices={kinds}
                describedBy={restartId}
                onChange={(v) => setParam('norm', norm.map((x, j) => (j === i ? v : x)))}
              />
            ))}
          </div>
        )
      ) : null}
      {show('normPlacement') && anyNorm ? (
        <ParamChoice<NormPlacement>
          id="normPlacement"
          describedBy={restartId}
          choices={(['before', 'after'] as const).map((v) => ({ value: v, label: t(cnn ? `cnn.placement.${v}` : `controls.placement.${v}`) }))}
        />
      ) : null}
      {!anyNorm && cnn ? <p className="controls-hint">{t('cnn.bn.none')}</p> : null}
      {!anyNorm && !cnn && norm.length > 0 ? <p className="controls-hint">{t('controls.noNorm')}</p> : null}
      {anyBn && show('bnMomentum') ? (
        <ParamSlider
          id="bnMomentum"
          beside={<KerasMomentum format={keras} />}
          valueText={(m) => `${formatValue(lang, m, 2)}; ${t('controls.kerasMomentum', { keras: keras(m) })}`}
          hint={t('controls.momentumHint')}
        />
      ) : null}
      {anyBn && show('bnEps') ? <ParamSlider id="bnEps" numberField /> : null}
      {anyBn && show('bnMomentum') && show('bnEps') ? <Presets /> : null}
      {anyLn && show('lnEps') ? <ParamSlider id="lnEps" numberField /> : null}
      {anyBn && show('bnBatchStatsAtInference') ? (
        <Check
          className="controls-teach"
          label={t('control.bnBatchStatsAtInference')}
          checked={batchStats}
          onChange={(v) => setParam('bnBatchStatsAtInference', v)}
          hint={t('controls.batchStatsHint')}
        />
      ) : null}
      {anyBn && show('bnNoise') ? (
        <Check className="controls-teach" label={t('control.bnNoise')} checked={bnNoise} onChange={(v) => setParam('bnNoise', v)} hint={t('controls.bnNoiseHint')} />
      ) : null}
      {/* The MLP's γ/β address its own layers; a CNN's are per channel, in the Batch normalization panel. */}
      {cnn ? anyBn ? <p className="controls-hint">{t('cnn.bn.gammaBetaWhere')}</p> : null : <GammaBeta />}
    </Section>
  );
}

function KerasMomentum(props: { format(m: number): string }) {
  const t = useT();
  const m = useLab((s) => s.config.net.bnMomentum);
  return <span className="controls-keep">{t('controls.kerasMomentum', { keras: props.format(m) })}</span>;
}

/** One click to the framework defaults, so the learner can see why Keras' running averages lag. */
function Presets() {
  const t = useT();
  const apply = (p: { eps: number; momentum: number }) => useLab.getState().patch({ net: { bnEps: p.eps, bnMomentum: p.momentum } });
  return (
    <div className="controls-presets">
      <button type="button" onClick={() => apply(BN_KERAS_PRESET)}>
        {t('controls.kerasPreset')}
        <small>{t('controls.kerasPresetHint')}</small>
      </button>
      <button type="button" onClick={() => apply(BN_DEFAULTS)}>
        {t('controls.torchPreset')}
        <small>{t('controls.torchPresetHint')}</small>
      </button>
    </div>
  );
}
