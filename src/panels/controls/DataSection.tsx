// Data: which data set, its noise and size, and the batch size the trainer draws.
import { useId } from 'react';
import { DATASETS, type DatasetName } from '../../protocol/config.ts';
import type { ParamId } from '../../protocol/hyperparams.ts';
import { useT } from '../../i18n/useT.ts';
import { ParamSlider, RestartNote, Section, Select } from './fields.tsx';
import { anyShown, useParam } from './params.ts';
import { useCustomData } from '../../store/custom-data.ts';
import { patchByArchRule } from './archRule.ts';
import { labelKey } from './params.ts';
import { entry } from '../../protocol/hyperparams.ts';

const RESTARTING: readonly ParamId[] = ['dataset', 'noise', 'trainSize', 'testSize'];

export function DataSection(props: { hidden?: ReadonlySet<string>; defaultOpen?: boolean }) {
  const t = useT();
  const restartId = useId();
  const name = useParam<DatasetName>('dataset');
  // The learner's own rows (loaded in the export panel) are a choice once they exist.
  const ownData = useCustomData((s) => s.loaded !== null);
  const show = (id: ParamId) => !props.hidden?.has(id);
  if (!anyShown([...RESTARTING, 'batchSize'], props.hidden)) return null;
  const digits = name === 'digits';
  return (
    <Section id="data" title={t('controls.section.data')} defaultOpen={props.defaultOpen}>
      {anyShown(RESTARTING, props.hidden) ? <RestartNote id={restartId} text={t('controls.restartData')} /> : null}
      {show('dataset') ? (
        <Select<DatasetName>
          label={t(labelKey(entry('dataset')))}
          value={name}
          describedBy={restartId}
          // Data other than the digits takes the CNN back to the MLP (archRule.ts).
          onChange={(v) => patchByArchRule({ data: { name: v } })}
          choices={(ownData || name === 'custom' ? [...DATASETS, 'custom' as const] : DATASETS).map((d) => ({ value: d, label: t(`controls.dataset.${d}`) }))}
        />
      ) : null}
      {show('noise') ? (
        digits || name === 'custom' ? <p className="controls-hint">{t(digits ? 'controls.noiseDigits' : 'data.noNoise')}</p> : <ParamSlider id="noise" describedBy={restartId} />
      ) : null}
      {show('trainSize') ? <ParamSlider id="trainSize" describedBy={restartId} hint={digits ? t('controls.digitsSplit') : name === 'custom' ? t('data.split') : undefined} /> : null}
      {show('testSize') ? (
        <details className="controls-advanced">
          <summary>{t('controls.advanced')}</summary>
          <ParamSlider id="testSize" describedBy={restartId} />
        </details>
      ) : null}
      {show('batchSize') ? <ParamSlider id="batchSize" numberField /> : null}
    </Section>
  );
}
