// A labelled range control any panel can use: visible label, the value written out beside it (or a
// number field for exact entry), log or linear stops, the same keys in every browser, a 44 px touch
// target, and aria-valuetext with the formatted value so a screen reader says "0.01", not "position 24".
import { useEffect, useId, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useLab } from '../../store/lab.ts';
import { translate } from '../../i18n/index.ts';
import { formatValue, makeScale, pageSize, parseTyped, type SliderRange } from './scale.ts';
import './controls.css';

export interface SliderProps extends SliderRange {
  /** Visible label and accessible name. */
  label: string;
  /**
   * Added to the accessible name only (screen readers, tests), e.g. "(lesson step)": the same slider
   * shown twice on one screen keeps two distinct names that both begin with the visible label.
   */
  nameSuffix?: string;
  value: number;
  onChange(v: number): void;
  /** How the value is written (readout and aria-valuetext); default: formatValue for the locale. */
  format?(v: number): string;
  /** What a screen reader hears; default: format(value). */
  valueText?(v: number): string;
  /** A text field for typing an exact value instead of the plain readout. */
  numberField?: boolean;
  /** Typed values are clamped to this; default: [min, max] (0 allowed with zeroAllowed). */
  clampTyped?(v: number): number;
  /** Shown right of the readout (e.g. "keep = 0.70"). */
  beside?: ReactNode;
  /** A line under the slider, also its accessible description. */
  hint?: ReactNode;
  /** Ids of other elements that describe this control (e.g. a shared "training restarts" note). */
  describedBy?: string;
  disabled?: boolean;
  className?: string;
}

export function Slider(props: SliderProps) {
  const { label, nameSuffix, value, onChange, min, max, step, scale: kind, integer, zeroAllowed, numberField, beside, hint, describedBy, disabled, className } = props;
  const lang = useLab((s) => s.lang);
  const scale = useMemo(() => makeScale({ min, max, step, scale: kind, integer, zeroAllowed }), [min, max, step, kind, integer, zeroAllowed]);
  const format = props.format ?? ((v: number) => formatValue(lang, v, scale.decimals));
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const described = [hintId, describedBy].filter(Boolean).join(' ') || undefined;
  const pos = scale.posOf(value);
  const isLog = scale.decimals === null;

  const commitPos = (p: number) => {
    const v = scale.valueAt(p);
    if (!Object.is(v, value)) onChange(v);
  };

  // The browser's own key handling differs (PageUp is a tenth of the range in one browser, one step in
  // another, and jsdom has none), so every key is handled here.
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const page = pageSize(scale);
    const moves: Record<string, number> = {
      ArrowRight: pos + 1, ArrowUp: pos + 1, ArrowLeft: pos - 1, ArrowDown: pos - 1,
      PageUp: pos + page, PageDown: pos - page, Home: 0, End: scale.count - 1,
    };
    if (!(e.key in moves)) return;
    e.preventDefault();
    commitPos(moves[e.key]);
  };

  const text = format(value);
  return (
    <div className={`controls-slider${disabled ? ' is-disabled' : ''}${className ? ` ${className}` : ''}`}>
      <div className="controls-slider-head">
        <label htmlFor={id}>
          {label}
          {nameSuffix ? <span className="sr-only"> {nameSuffix}</span> : null}
        </label>
        {numberField ? (
          <TypedValue
            label={translate(lang, 'controls.exactValue', { label })}
            text={text}
            disabled={disabled}
            onCommit={(typed) => {
              const lo = zeroAllowed ? 0 : min;
              const v = props.clampTyped ? props.clampTyped(typed) : Math.min(max, Math.max(lo, integer ? Math.round(typed) : typed));
              if (!Object.is(v, value)) onChange(v);
            }}
          />
        ) : (
          // Not an <output>: that is a live region, and the slider already speaks its aria-valuetext.
          <span className="controls-readout">{text}</span>
        )}
        {beside ? <span className="controls-beside">{beside}</span> : null}
      </div>
      <input
        id={id}
        type="range"
        // A log slider moves over stop indices; a linear one over the values themselves, so its
        // aria-valuenow is the real value.
        min={isLog ? 0 : min}
        max={isLog ? scale.count - 1 : scale.valueAt(scale.count - 1)}
        step={isLog ? 1 : (scale.valueAt(1) - scale.valueAt(0)) || undefined}
        value={isLog ? pos : scale.valueAt(pos)}
        aria-valuetext={props.valueText ? props.valueText(value) : text}
        aria-describedby={described}
        disabled={disabled}
        onKeyDown={onKeyDown}
        onChange={(e) => {
          const x = Number(e.target.value);
          if (Number.isFinite(x)) commitPos(isLog ? x : scale.posOf(x));
        }}
      />
      {hint ? (
        <p id={hintId} className="controls-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A text field that shows the value and takes a typed one on Enter or when focus leaves. */
function TypedValue(props: { label: string; text: string; disabled?: boolean; onCommit(v: number): void }) {
  const [draft, setDraft] = useState<string | null>(null);
  // A new value from outside (dragging, another tab's link) replaces a stale draft.
  useEffect(() => setDraft(null), [props.text]);
  const commit = () => {
    if (draft === null) return;
    const v = parseTyped(draft);
    setDraft(null);
    if (v !== null) props.onCommit(v);
  };
  return (
    <input
      type="text"
      inputMode="decimal"
      className="controls-typed"
      aria-label={props.label}
      value={draft ?? props.text}
      disabled={props.disabled}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        else if (e.key === 'Escape') setDraft(null);
      }}
    />
  );
}
