// γ and β of one BatchNorm2d, for one channel or every channel at once, and the freeze switch: the
// MLP's per-feature controls (controls/GammaBeta.tsx) mirrored per channel, through the same values
// hook (norm-values.ts: read from the frames, the learner's own value held while the worker catches up)
// and the same `setNorm` command, whose `feature` is the channel here.
import { memo, useId } from 'react';
import { Slider } from '../controls/Slider.tsx';
import { Check } from '../controls/fields.tsx';
import { BETA_RANGE, GAMMA_RANGE, useNormValues } from '../controls/norm-values.ts';
import { useT } from '../../i18n/useT.ts';

export type ChannelPick = number | 'all';

/** Memoized: the panel re-renders with every sampled frame, the controls only when their own values move. */
export const CnnGammaBeta = memo(function CnnGammaBeta(props: { index: number; channels: number; n: number; channel: ChannelPick; onChannel(c: ChannelPick): void }) {
  const t = useT();
  const pickId = useId();
  const { n, channels } = props;
  const ch: ChannelPick = props.channel !== 'all' && props.channel >= channels ? 'all' : props.channel;
  const { gamma, beta, frozen, send, drop } = useNormValues({ index: props.index, kind: 'batchnorm2d', width: channels }, ch);
  const mean = ch === 'all' ? t('cnn.bn.meanOf', { c: channels }) : undefined;
  return (
    <fieldset className="cnn-bn-gb">
      <legend>{t('cnn.bn.gammaBeta', { n })}</legend>
      <div className="controls-field">
        <label htmlFor={pickId}>{t('cnn.bn.pickChannel', { n })}</label>
        <select
          id={pickId}
          value={String(ch)}
          onChange={(e) => {
            drop();
            props.onChannel(e.target.value === 'all' ? 'all' : Number(e.target.value));
          }}
        >
          <option value="all">{t('cnn.bn.allChannels')}</option>
          {Array.from({ length: channels }, (_, c) => (
            <option key={c} value={c}>
              {t('cnn.bn.channelN', { c: c + 1 })}
            </option>
          ))}
        </select>
      </div>
      <Slider
        label={ch === 'all' ? t('cnn.bn.gamma', { n }) : t('cnn.bn.gammaOne', { n, c: ch + 1 })}
        value={gamma}
        {...GAMMA_RANGE}
        beside={mean}
        onChange={(v) => send({ gamma: v })}
      />
      <Slider
        label={ch === 'all' ? t('cnn.bn.beta', { n }) : t('cnn.bn.betaOne', { n, c: ch + 1 })}
        value={beta}
        {...BETA_RANGE}
        beside={mean}
        onChange={(v) => send({ beta: v })}
      />
      <Check label={t('cnn.bn.freeze', { n })} checked={frozen} onChange={(v) => send({ frozen: v })} hint={t('controls.freezeHint')} />
    </fieldset>
  );
});
