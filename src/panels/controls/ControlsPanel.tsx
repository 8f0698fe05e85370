// Every setting the learner can change, grouped in collapsible sections and driven by the one
// hyperparameter table; each change goes to the store as the smallest `set` patch.
import { useT } from '../../i18n/useT.ts';
import { useLab } from '../../store/lab.ts';
import { DataSection } from './DataSection.tsx';
import { NetworkSection } from './NetworkSection.tsx';
import { DropoutSection } from './DropoutSection.tsx';
import { NormSection } from './NormSection.tsx';
import { TrainingSection } from './TrainingSection.tsx';
import { ConvSection } from '../cnn/ConvSection.tsx';
import './controls.css';

export { Slider, type SliderProps } from './Slider.tsx';

export interface ControlsPanelProps {
  /** Table entry ids a teacher hid: their controls are not rendered. */
  hidden?: ReadonlySet<string>;
  /** Sections open at first (ids: data, network, dropout, norm, training); default: dropout, norm, training. */
  open?: readonly string[];
}

const DEFAULT_OPEN = ['dropout', 'norm', 'training'];
/** The MLP's own controls, which a CNN does not have (it has ConvSection's instead). */
const MLP_ONLY = ['hidden', 'dropoutInput', 'dropoutHidden', 'norm'];

export function ControlsPanel(props: ControlsPanelProps) {
  const t = useT();
  const open = new Set(props.open ?? DEFAULT_OPEN);
  const cnn = useLab((s) => s.config.arch === 'cnn');
  const hidden = cnn ? new Set([...(props.hidden ?? []), ...MLP_ONLY]) : props.hidden;
  return (
    <section className="panel controls-panel" aria-labelledby="controls-title">
      <h2 id="controls-title">{t('controls.title')}</h2>
      <DataSection hidden={hidden} defaultOpen={open.has('data')} />
      <NetworkSection hidden={hidden} defaultOpen={open.has('network')} />
      {cnn ? <ConvSection hidden={hidden} /> : null}
      <DropoutSection hidden={hidden} defaultOpen={open.has('dropout')} />
      <NormSection hidden={hidden} defaultOpen={open.has('norm')} />
      <TrainingSection hidden={hidden} defaultOpen={open.has('training')} />
    </section>
  );
}
