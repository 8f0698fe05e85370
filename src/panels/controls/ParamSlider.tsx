// A Slider wired to one number entry of the hyperparameter table (its own file: the first screen's
// quick controls use it without the Controls tab's other fields).
import { useId } from 'react';
import type { ParamId } from '../../protocol/hyperparams.ts';
import { useT } from '../../i18n/useT.ts';
import { Slider, type SliderProps } from './Slider.tsx';
import { labelKey, numberEntry, setParam, sliderRange, useAskedParam, useParam } from './params.ts';
import { formatValue, makeScale } from './scale.ts';
import { useLab } from '../../store/lab.ts';

/** The slider for a number entry of the table: its label, range and scale, patching on change. */
export function ParamSlider(props: { id: ParamId } & Partial<Omit<SliderProps, 'min' | 'max' | 'step' | 'scale'>>) {
  const t = useT();
  const { id, ...rest } = props;
  const e = numberEntry(id);
  const value = useParam<number>(id);
  // A value the worker refused stays on the slider, and a note says what is in force.
  const asked = useAskedParam<number>(id);
  const noteId = useId();
  const lang = useLab((s) => s.lang);
  const range = sliderRange(e);
  const format = rest.format ?? ((v: number) => formatValue(lang, v, makeScale(range).decimals));
  const describedBy = [rest.describedBy, asked === undefined ? '' : noteId].filter(Boolean).join(' ') || undefined;
  return (
    <>
      <Slider label={t(labelKey(e))} onChange={(v) => setParam(id, v)} {...range} {...rest} value={asked ?? value} describedBy={describedBy} />
      {asked === undefined ? null : (
        <p id={noteId} className="controls-refused" data-testid={`in-force-${id}`}>
          {t('controls.inForce', { value: format(value) })}
        </p>
      )}
    </>
  );
}
