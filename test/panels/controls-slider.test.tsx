// @vitest-environment jsdom
// The reusable Slider and its position ↔ value scales: log stops round-trip, keys move by the
// documented amounts, the accessible name and value text are what a screen reader announces.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import fc from 'fast-check';
import { Slider, type SliderProps } from '../../src/panels/controls/Slider.tsx';
import { formatValue, logGrid, makeScale, parseTyped } from '../../src/panels/controls/scale.ts';
import { useLab } from '../../src/store/lab.ts';

const initial = useLab.getState();
afterEach(() => {
  cleanup();
  useLab.setState(initial, true);
});

describe('log scale', () => {
  const lr = makeScale({ min: 1e-5, max: 10, scale: 'log' });

  it('spans the range with round stops, ends included', () => {
    expect(lr.valueAt(0)).toBe(1e-5);
    expect(lr.valueAt(lr.count - 1)).toBe(10);
    // 6 decades × 10 mantissas + the closing 10
    expect(lr.count).toBe(61);
    for (let i = 1; i < lr.count; i++) expect(lr.valueAt(i)).toBeGreaterThan(lr.valueAt(i - 1));
  });

  it('maps positions to values and back exactly', () => {
    for (let i = 0; i < lr.count; i++) expect(lr.posOf(lr.valueAt(i))).toBe(i);
    expect(lr.valueAt(lr.posOf(0.01))).toBe(0.01);
    expect(lr.valueAt(lr.posOf(0.003))).toBe(0.003);
    expect(lr.valueAt(lr.posOf(1e-3))).toBe(1e-3);
  });

  it('is logarithmic: one decade is the same number of stops anywhere', () => {
    const d1 = lr.posOf(1e-3) - lr.posOf(1e-4);
    const d2 = lr.posOf(1) - lr.posOf(0.1);
    expect(d1).toBe(10);
    expect(d2).toBe(d1);
  });

  it('snaps an off-grid value to the nearest stop in log distance', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-5, max: 10, noNaN: true }), (v) => {
        const snapped = lr.valueAt(lr.posOf(v));
        // neighbouring mantissas are at most 1.33× apart, so the nearest is within √(4/3)
        return Math.abs(Math.log(snapped / v)) <= Math.log(Math.sqrt(4 / 3)) + 1e-12;
      }),
    );
  });

  it('reaches 0.1× and 10× on the init-scale range', () => {
    const s = makeScale({ min: 0.01, max: 100, scale: 'log' });
    expect(s.valueAt(s.posOf(0.1))).toBe(0.1);
    expect(s.valueAt(s.posOf(1))).toBe(1);
    expect(s.valueAt(s.posOf(10))).toBe(10);
  });

  it('puts "off" (0) first when zero is allowed', () => {
    const s = makeScale({ min: 1e-6, max: 1, scale: 'log', zeroAllowed: true });
    expect(s.valueAt(0)).toBe(0);
    expect(s.valueAt(1)).toBe(1e-6);
    expect(s.posOf(0)).toBe(0);
    expect(s.posOf(1e-6)).toBe(1);
  });

  it('uses batch sizes people use for integers', () => {
    expect(logGrid(1, 512, true)).toEqual([1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512]);
  });
});

describe('linear scale', () => {
  it('steps without float noise', () => {
    const p = makeScale({ min: 0, max: 0.95, step: 0.05 });
    expect(p.count).toBe(20);
    expect(p.valueAt(6)).toBe(0.3);
    expect(p.valueAt(19)).toBe(0.95);
    expect(p.posOf(0.3)).toBe(6);
    expect(p.posOf(2)).toBe(19);
  });
});

describe('formatting and typing', () => {
  it('writes tiny numbers the way frameworks print them', () => {
    expect(formatValue('en', 1e-5)).toBe('1e-5');
    expect(formatValue('en', 0.001)).toBe('0.001');
    expect(formatValue('en', 0.3, 2)).toBe('0.30');
    expect(formatValue('en', 2.5e-7)).toBe('2.5e-7');
  });
  it('reads what a learner types', () => {
    expect(parseTyped('1e-3')).toBe(0.001);
    expect(parseTyped(' 1,000 ')).toBe(1000);
    expect(parseTyped('×10')).toBe(10);
    expect(parseTyped('abc')).toBe(null);
    expect(parseTyped('')).toBe(null);
  });
});

/** A Slider holding its own value, reporting every change. */
function Harness(props: Omit<SliderProps, 'value' | 'onChange'> & { initial: number; log: number[] }) {
  const [v, setV] = useState(props.initial);
  return (
    <Slider
      {...props}
      value={v}
      onChange={(x) => {
        props.log.push(x);
        setV(x);
      }}
    />
  );
}

describe('Slider', () => {
  it('is a named slider whose value text is the formatted value', () => {
    render(<Harness label="Learning rate" min={1e-5} max={10} scale="log" initial={0.01} log={[]} />);
    const s = screen.getByRole('slider', { name: 'Learning rate' });
    expect(s.getAttribute('aria-valuetext')).toBe('0.01');
    expect(screen.getByText('0.01')).toBeTruthy();
  });

  it('moves one stop per arrow, a decade per page, to the ends on Home and End (log)', () => {
    const log: number[] = [];
    render(<Harness label="Learning rate" min={1e-5} max={10} scale="log" initial={0.01} log={log} />);
    const s = screen.getByRole('slider', { name: 'Learning rate' });
    fireEvent.keyDown(s, { key: 'ArrowRight' });
    fireEvent.keyDown(s, { key: 'ArrowLeft' });
    fireEvent.keyDown(s, { key: 'ArrowDown' });
    fireEvent.keyDown(s, { key: 'PageUp' });
    fireEvent.keyDown(s, { key: 'PageDown' });
    fireEvent.keyDown(s, { key: 'End' });
    fireEvent.keyDown(s, { key: 'Home' });
    expect(log).toEqual([0.012, 0.01, 0.008, 0.08, 0.008, 10, 1e-5]);
    expect(s.getAttribute('aria-valuetext')).toBe('1e-5');
  });

  it('maps a dragged log position to its value', () => {
    const log: number[] = [];
    render(<Harness label="Learning rate" min={1e-5} max={10} scale="log" initial={0.01} log={log} />);
    const s = screen.getByRole('slider', { name: 'Learning rate' }) as HTMLInputElement;
    const scale = makeScale({ min: 1e-5, max: 10, scale: 'log' });
    fireEvent.change(s, { target: { value: String(scale.posOf(0.3)) } });
    expect(log).toEqual([0.3]);
    expect(s.value).toBe(String(scale.posOf(0.3)));
  });

  it('moves linear sliders by the step and a tenth of the range per page', () => {
    const log: number[] = [];
    render(<Harness label="Dropout p" min={0} max={0.95} step={0.05} initial={0.3} log={log} />);
    const s = screen.getByRole('slider', { name: 'Dropout p' });
    expect(s.getAttribute('aria-valuenow')).toBe(null); // native range: the value itself is the value
    expect((s as HTMLInputElement).value).toBe('0.3');
    fireEvent.keyDown(s, { key: 'ArrowUp' });
    fireEvent.keyDown(s, { key: 'PageUp' });
    fireEvent.keyDown(s, { key: 'End' });
    fireEvent.keyDown(s, { key: 'ArrowRight' }); // already at the end: no change reported
    expect(log).toEqual([0.35, 0.45, 0.95]);
  });

  it('takes a typed exact value, clamped to the range', () => {
    const log: number[] = [];
    render(<Harness label="Learning rate" min={1e-5} max={10} scale="log" numberField initial={0.01} log={log} />);
    const field = screen.getByRole('textbox', { name: 'Learning rate: exact value' });
    fireEvent.change(field, { target: { value: '3e-4' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    fireEvent.change(field, { target: { value: '50' } });
    fireEvent.blur(field);
    fireEvent.change(field, { target: { value: 'nonsense' } });
    fireEvent.blur(field);
    expect(log).toEqual([3e-4, 10]);
    expect((field as HTMLInputElement).value).toBe('10');
  });
});
