// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { render } from '../fixtures/render.tsx';
import { ActivationsPanel } from '../../src/panels/activations/ActivationsPanel.tsx';
import { setFrame } from '../../src/store/frame.ts';
import { useLab } from '../../src/store/lab.ts';
import { formatNumber } from '../../src/i18n/index.ts';
import type { Frame, ReadyInfo } from '../../src/protocol/frame.ts';
import { fixtureConfig, makeFixture, trainFor } from '../fixtures/frames.ts';
import { showFrame } from '../fixtures/show.ts';

const initial = useLab.getState();

afterEach(() => {
  cleanup();
  setFrame(null);
  useLab.setState(initial, true);
});

const show = (f: Frame, ready?: ReadyInfo) => showFrame(f, ready);

const pointCount = (d: string | null) => (d ?? '').split(/[ML]/).filter(Boolean).length;

describe('ActivationsPanel', () => {
  it('waits for a few evaluations', () => {
    render(<ActivationsPanel />);
    expect(screen.getByRole('heading', { name: 'Activations over time' })).toBeTruthy();
    expect(screen.getByText(/Press Play/)).toBeTruthy();
  });

  it('draws quantile bands and a median for every tracked layer, titled by place', async () => {
    const fx = makeFixture(fixtureConfig('circles', { net: { hidden: [12, 10, 8], norm: ['batchnorm', 'none', 'none'], dropoutHidden: [true, true, true] } }), { steps: 0 });
    const f = trainFor(fx.session, 40, 5);
    const n = f.activations.step.length;
    render(<ActivationsPanel />);
    await show(f, fx.ready);
    const charts = screen.getAllByTestId('act-chart');
    // Three hidden layers, each tracked on both sides of its activation, and BN's input beside its output.
    expect(f.activations.layers.length).toBe(7);
    expect(charts.length).toBe(7);
    const titles = charts.map((c) => within(c).getByText(/Hidden layer/).textContent);
    expect(titles).toEqual([
      'Hidden layer 1: into BatchNorm (before normalizing)',
      'Hidden layer 1: out of BatchNorm, into ReLU',
      'Hidden layer 1: out of ReLU',
      'Hidden layer 2: into ReLU',
      'Hidden layer 2: out of ReLU',
      'Hidden layer 3: into ReLU',
      'Hidden layer 3: out of ReLU',
    ]);
    for (const c of charts) {
      expect(pointCount(within(c).getByTestId('act-median').getAttribute('d'))).toBe(n);
      expect(pointCount(within(c).getByTestId('act-outer').getAttribute('d'))).toBe(2 * n);
      expect(pointCount(within(c).getByTestId('act-inner').getAttribute('d'))).toBe(2 * n);
    }
    // The text alternative carries the latest quantiles of each layer.
    const q = f.activations.layers[2].q, last = n - 1;
    const sr = document.querySelectorAll('.act-cell .chart-sr-only')[2].textContent!;
    expect(sr).toContain(`Hidden layer 1: out of ReLU, step ${f.activations.step[last]}: median ${formatNumber('en', q[last * 5 + 2], 3)}`);
    expect(sr).toContain(`90 % within ${formatNumber('en', q[last * 5], 3)} to ${formatNumber('en', q[last * 5 + 4], 3)}`);
    // BN's input can be hidden, and shown again.
    const normIn = screen.getByRole('button', { name: 'Show what BN receives' });
    expect(normIn.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(normIn);
    expect(screen.getAllByTestId('act-chart').length).toBe(6);
    expect(screen.queryByText('Hidden layer 1: into BatchNorm (before normalizing)')).toBeNull();
  });

  it('keeps the previous run as a dashed outline, matched by layer place across BN on and off', async () => {
    const off = makeFixture(fixtureConfig('circles'), { steps: 0 });
    const { controllers } = render(<ActivationsPanel />);
    await show(trainFor(off.session, 40, 5), off.ready);
    expect(screen.queryAllByTestId('act-prev').length).toBe(0);
    expect(screen.getByText(/To compare batch normalization on and off/)).toBeTruthy();

    // BN on: the pre-activation of hidden layer 1 is now the BN layer's output (another index); BN's
    // input (the linear output) is tracked too, and has no counterpart in the run without BN.
    const on = makeFixture(fixtureConfig('circles', { net: { norm: ['batchnorm', 'none'] } }), { steps: 0 });
    const fOn = trainFor(on.session, 20, 5);
    // Another session counts run ids from 1 again, as a replaced worker does (the page is told so).
    controllers.runs.workerReplaced();
    expect(fOn.activations.layers[1].index).not.toBe(off.frame.activations.layers[0].index);
    await show(fOn, on.ready);
    const charts = screen.getAllByTestId('act-chart');
    expect(charts.length).toBe(5);
    expect(within(charts[0]).queryByTestId('act-prev')).toBeNull();
    for (const c of charts.slice(1)) expect(within(c).getByTestId('act-prev').querySelectorAll('path').length).toBe(2);
    expect(screen.getByText(/previous run \(no normalization, dropout p = 0.4\)/)).toBeTruthy();
    expect(document.querySelectorAll('.act-cell .chart-sr-only')[1].textContent).toContain('Previous run at step 20');

    const toggle = screen.getByRole('button', { name: 'Show previous run' });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(screen.queryAllByTestId('act-prev').length).toBe(0);
  });
});
