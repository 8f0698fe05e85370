// Small labelled form controls the sections share, and (ParamSlider.tsx) a Slider wired to one table entry.
import { useId, useState, type ReactNode } from 'react';
import { entry, type ParamId } from '../../protocol/hyperparams.ts';
import { useT } from '../../i18n/useT.ts';
import { labelKey, setParam, useParam } from './params.ts';

export { ParamSlider } from './ParamSlider.tsx';

/** A collapsible group; stays open or closed as the learner left it. */
export function Section(props: { id: string; title: string; defaultOpen?: boolean; children: ReactNode }) {
  const [open, setOpen] = useState(props.defaultOpen ?? false);
  return (
    <details className="controls-section" open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-section={props.id}>
      <summary>
        <h3>{props.title}</h3>
      </summary>
      <div className="controls-body">{props.children}</div>
    </details>
  );
}

export interface Choice<V extends string> {
  value: V;
  label: string;
  hint?: string;
}

export function Select<V extends string>(props: {
  label: string;
  value: V;
  choices: readonly Choice<V>[];
  onChange(v: V): void;
  describedBy?: string;
}) {
  const id = useId();
  return (
    <div className="controls-field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} aria-describedby={props.describedBy} onChange={(e) => props.onChange(e.target.value as V)}>
        {props.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Check(props: { label: string; checked: boolean; onChange(v: boolean): void; hint?: ReactNode; describedBy?: string; className?: string }) {
  const hintId = useId();
  const described = [props.hint ? hintId : '', props.describedBy ?? ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`controls-check${props.className ? ` ${props.className}` : ''}`}>
      <label>
        <input type="checkbox" checked={props.checked} aria-describedby={described} onChange={(e) => props.onChange(e.target.checked)} />
        <span>{props.label}</span>
      </label>
      {props.hint ? (
        <p id={hintId} className="controls-hint">
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}

/** Radio buttons in a fieldset; the chosen option's hint is shown under the group. */
export function Radios<V extends string>(props: { legend: string; value: V; choices: readonly Choice<V>[]; onChange(v: V): void; describedBy?: string }) {
  const name = useId();
  const hintId = `${name}-hint`;
  const hint = props.choices.find((c) => c.value === props.value)?.hint;
  const described = [hint ? hintId : '', props.describedBy ?? ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="controls-radios" aria-describedby={described}>
      <legend>{props.legend}</legend>
      {props.choices.map((c) => (
        <label key={c.value}>
          <input type="radio" name={name} value={c.value} checked={props.value === c.value} onChange={() => props.onChange(c.value)} />
          <span>{c.label}</span>
        </label>
      ))}
      {hint ? (
        <p id={hintId} className="controls-hint">
          {hint}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The table entry's enum as radios or a select, patching on change. */
export function ParamChoice<V extends string>(props: { id: ParamId; choices: readonly Choice<V>[]; as?: 'radios' | 'select'; describedBy?: string }) {
  const t = useT();
  const e = entry(props.id);
  const value = useParam<V>(props.id);
  const label = t(labelKey(e));
  const onChange = (v: V) => setParam(props.id, v);
  return props.as === 'select' ? (
    <Select label={label} value={value} choices={props.choices} onChange={onChange} describedBy={props.describedBy} />
  ) : (
    <Radios legend={label} value={value} choices={props.choices} onChange={onChange} describedBy={props.describedBy} />
  );
}

/** "↻ training restarts" beside controls whose change rebuilds the run; controls point at it by id. */
export function RestartNote(props: { id: string; text: string }) {
  return (
    <p id={props.id} className="controls-restart">
      <span aria-hidden="true">↻ </span>
      {props.text}
    </p>
  );
}
