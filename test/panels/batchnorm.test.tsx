// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { BatchNormPanel } from '../../src/panels/batchnorm/BatchNormPanel.tsx';
import { setFrame } from '../../src/store/frame.ts';
import { connectPort, useLab } from '../../src/store/lab.ts';
import { formatNumber } from '../../src/i18n/index.ts';
import type { Command } from '../../src/protocol/messages.ts';
import type { Frame, LayerFrame, ReadyInfo } from '../../src/protocol/frame.ts';
import { fixtureConfig, makeFixture, nextFrame } from '../fixtures/frames.ts';
import { showFrame } from '../fixtures/show.ts';

const initial = useLab.getState();
let sent: Command[] = [];

beforeEach(() => {
  sent = [];
  connectPort({ send: (c) => sent.push(c) });
});

afterEach(() => {
  cleanup();
  connectPort(null);
  setFrame(null);
  useLab.setState(initial, true);
});

const show = (f: Frame, ready?: ReadyInfo) => showFrame(f, ready, true);

const fmt = (v: number) => formatNumber('en', v, 3);
const bnConfig = () => fixtureConfig('circles', { net: { norm: ['batchnorm', 'none'] } });
const bnLayer = (f: Frame): LayerFrame => f.layers.find((l) => l.type === 'batchnorm')!;
/** The displayed "mean a, variance b" of the current step, as numbers. */
function resultNumbers(): { mean: number; variance: number } {
  const text = screen.getByText(/Result on this batch/).textContent!;
  const m = /mean (\S+), variance (\S+)/.exec(text)!;
  return { mean: Number(m[1].replace(/,/g, '')), variance: Number(m[2].replace(/,/g, '')) };
}

describe('BatchNormPanel', () => {
  it('shows this batch’s statistics next to the running estimates for the chosen feature', async () => {
    const fx = makeFixture(bnConfig(), { steps: 5 });
    render(<BatchNormPanel />);
    await show(fx.frame, fx.ready);
    const l = bnLayer(fx.frame);
    expect(screen.getByRole('combobox', { name: 'Layer to inspect' }).textContent).toContain('Hidden layer 1: BatchNorm, before the activation');
    const table = screen.getByRole('table', { name: 'Feature 1' });
    const rows = within(table).getAllByRole('row');
    expect(within(rows[1]).getByRole('rowheader').textContent).toBe('Mean');
    expect(within(rows[1]).getAllByRole('cell').map((c) => c.textContent)).toEqual([fmt(l.batchMean![0]), fmt(l.runningMean![0])]);
    expect(within(rows[2]).getAllByRole('cell').map((c) => c.textContent)).toEqual([fmt(l.batchVar![0]), fmt(l.runningVar![0])]);
    // After a few steps with momentum 0.1 the running estimate still lags the batch.
    expect(fmt(l.batchMean![0])).not.toBe(fmt(l.runningMean![0]));
    expect(screen.getByText(/Training view: batch normalization uses this batch/)).toBeTruthy();
    expect(screen.getByTestId('bn-hist-in')).toBeTruthy();
    expect(screen.getByTestId('bn-hist-out').querySelectorAll('rect.bar').length).toBeGreaterThan(0);

    // Every feature on request.
    await act(async () => {
      fireEvent.click(screen.getByText('All features as a table'));
      await new Promise((r) => setTimeout(r, 20));
    });
    const all = screen.getAllByRole('table')[1];
    expect(within(all).getAllByRole('row').length).toBe(l.width + 1);
  });

  it('walks the three steps with the formula and numbers of each', async () => {
    const fx = makeFixture(bnConfig(), { steps: 5 });
    render(<BatchNormPanel />);
    await show(fx.frame, fx.ready);
    const l = bnLayer(fx.frame);
    const formula = () => screen.getByTestId('bn-formula');
    const prev = screen.getByRole('button', { name: /Previous BN step/ });
    const next = screen.getByRole('button', { name: /Next BN step/ });

    expect(screen.getByText('Step 1 of 3')).toBeTruthy();
    expect(prev).toHaveProperty('disabled', true);
    expect(formula().querySelectorAll('math').length).toBe(2);
    expect(formula().textContent).toContain('∑');
    expect(formula().textContent).toContain('μB');
    expect(screen.getByText(`μ_B = ${fmt(l.batchMean![0])}`)).toBeTruthy();
    expect(screen.getByText(`σ²_B = ${fmt(l.batchVar![0])}`)).toBeTruthy();
    expect(screen.getByText(`m = ${fx.ready.config.train.batchSize}`)).toBeTruthy();
    expect(document.querySelectorAll('.bn-strip').length).toBe(1);

    fireEvent.click(next);
    expect(screen.getByText('Step 2 of 3')).toBeTruthy();
    expect(formula().querySelector('msqrt')?.textContent).toContain('ε');
    // Normalizing with the batch's own statistics gives mean 0 and variance 1 (up to ε).
    const hat = resultNumbers();
    expect(Math.abs(hat.mean)).toBeLessThan(1e-3);
    expect(Math.abs(hat.variance - 1)).toBeLessThan(0.01);
    expect(document.querySelectorAll('.bn-strip').length).toBe(2);

    fireEvent.click(next);
    expect(screen.getByText('Step 3 of 3')).toBeTruthy();
    expect(next).toHaveProperty('disabled', true);
    expect(formula().textContent).toMatch(/γ.*β/);
    expect(screen.getByText(`γ = ${fmt(l.gamma![0])}`)).toBeTruthy();
    expect(document.querySelectorAll('.bn-strip').length).toBe(3);

    fireEvent.click(prev);
    expect(screen.getByText('Step 2 of 3')).toBeTruthy();
  });

  it('moves the output at once when γ and β change', async () => {
    const fx = makeFixture(bnConfig(), { steps: 5 });
    render(<BatchNormPanel />);
    await show(fx.frame, fx.ready);
    fireEvent.click(screen.getByRole('button', { name: /Next BN step/ }));
    fireEvent.click(screen.getByRole('button', { name: /Next BN step/ }));
    const before = resultNumbers();

    const index = bnLayer(fx.frame).index;
    fx.session.setNorm({ type: 'setNorm', layer: index, feature: 'all', gamma: 2, beta: 1 });
    const f2 = nextFrame(fx.session);
    await show(f2);
    const after = resultNumbers();
    expect(after.mean).not.toBe(before.mean);
    // y = 2x̂ + 1 with x̂ of mean 0, variance 1.
    expect(after.mean).toBeCloseTo(1, 2);
    expect(after.variance).toBeCloseTo(4, 1);
    expect(screen.getByTestId('bn-gamma-beta').textContent).toContain('γ = 2, β = 1');
  });

  it('explains inference with the running statistics', async () => {
    const fx = makeFixture(bnConfig(), { steps: 5, mode: 'inference' });
    render(<BatchNormPanel />);
    await show(fx.frame, fx.ready);
    const l = bnLayer(fx.frame);
    expect(screen.getByText(`Inference view: batch normalization uses the running statistics, μ = ${fmt(l.runningMean![0])} and σ² = ${fmt(l.runningVar![0])} for feature 1, whatever the batch.`)).toBeTruthy();
    expect(screen.getByText(`μ_run = ${fmt(l.runningMean![0])}`)).toBeTruthy();
    expect(screen.getByTestId('bn-formula').textContent).toContain('←');
  });

  it('in inference with the teaching mistake on, says the batch’s own statistics are used (not “Training view”)', async () => {
    const fx = makeFixture(bnConfig(), { steps: 5, mode: 'inference', teach: { bnBatchStatsAtInference: true } });
    useLab.setState({ teach: { ...initial.teach, bnBatchStatsAtInference: true } });
    render(<BatchNormPanel />);
    await show(fx.frame, fx.ready);
    expect(screen.getByText('Inference view with the teaching mistake on: batch normalization uses this batch’s own statistics instead of the running ones.')).toBeTruthy();
    expect(screen.queryByText(/Training view/)).toBeNull();
  });

  it('chooses the feature through the session options', async () => {
    const fx = makeFixture(bnConfig(), { steps: 5 });
    render(<BatchNormPanel />);
    await show(fx.frame, fx.ready);
    const select = screen.getByRole('combobox', { name: 'Feature to inspect' });
    fireEvent.change(select, { target: { value: '2' } });
    expect(sent).toContainEqual({ type: 'options', options: { feature: 2 } });
    expect(useLab.getState().options.feature).toBe(2);

    fx.session.setOptions({ feature: 2 });
    const f2 = nextFrame(fx.session);
    await show(f2);
    const l = bnLayer(f2);
    expect(l.feature).toBe(2);
    expect(screen.getByRole('table', { name: 'Feature 3' })).toBeTruthy();
    expect(screen.getByText(`μ_B = ${fmt(l.batchMean![2])}`)).toBeTruthy();
  });

  it('offers to add BatchNorm when the network has no norm layer', async () => {
    const fx = makeFixture(fixtureConfig('circles'), { steps: 2 });
    render(<BatchNormPanel />);
    await show(fx.frame, fx.ready);
    expect(screen.getByText(/no normalization layer yet/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add BatchNorm to hidden layer 1' }));
    expect(sent).toContainEqual({ type: 'set', patch: { net: { norm: ['batchnorm', 'none'] } } });
    expect(useLab.getState().config.net.norm).toEqual(['batchnorm', 'none']);
  });

  it('shows LayerNorm without running statistics', async () => {
    const fx = makeFixture(fixtureConfig('circles', { net: { norm: ['none', 'layernorm'] } }), { steps: 3 });
    render(<BatchNormPanel />);
    await show(fx.frame, fx.ready);
    expect(screen.getByRole('combobox', { name: 'Layer to inspect' }).textContent).toContain('Hidden layer 2: LayerNorm');
    expect(screen.getByText(/LayerNorm keeps no running statistics/)).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Feature 1' })).toBeNull();
    expect(screen.getByTestId('bn-formula').textContent).toContain('H');
  });
});
