// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { render } from '../fixtures/render.tsx';
import { LossPanel } from '../../src/panels/loss/LossPanel.tsx';
import { M, W } from '../../src/panels/loss/scales.ts';
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

let circles: { ready: ReadyInfo; frame: Frame; session: ReturnType<typeof makeFixture>['session'] };

beforeAll(() => {
  const fx = makeFixture(fixtureConfig('circles'), { steps: 0 });
  circles = { ...fx, frame: trainFor(fx.session, 60, 5) };
});

describe('LossPanel', () => {
  it('asks to press Play before there is a curve', () => {
    render(<LossPanel />);
    expect(screen.getByRole('heading', { name: 'Loss and accuracy' })).toBeTruthy();
    expect(screen.getByText('Press Play to start training.')).toBeTruthy();
  });

  it('draws train, test, batch loss and the gap through every evaluation point', async () => {
    const { frame, ready } = circles;
    const n = frame.history.step.length;
    expect(n).toBeGreaterThan(10);
    const { container } = render(<LossPanel />);
    await show(frame, ready);
    for (const id of ['loss-train', 'loss-test', 'acc-train', 'acc-test']) {
      expect(pointCount(screen.getByTestId(id).getAttribute('d')), id).toBe(n);
    }
    // The batch loss has no value at the step-0 evaluations (no batch trained yet): a gap, not a zero.
    const batchPoints = Array.from(frame.history.batchLoss).filter(Number.isFinite).length;
    expect(batchPoints).toBeLessThan(n);
    expect(pointCount(screen.getByTestId('loss-batch').getAttribute('d'))).toBe(batchPoints);
    // The gap is an area: the train side forward, the test side back.
    expect(pointCount(screen.getByTestId('loss-gap').getAttribute('d'))).toBe(2 * n);
    expect(container.querySelectorAll('[data-testid="earlier-run"]').length).toBe(0);
    expect(screen.getByRole('figure').textContent).toContain('Accuracy');
  });

  it('toggles a log scale, announced by aria-pressed', async () => {
    render(<LossPanel />);
    await show(circles.frame, circles.ready);
    const btn = screen.getByRole('button', { name: 'Log scale' });
    expect(btn.getAttribute('aria-pressed')).toBe('false');
    const linear = screen.getByTestId('loss-test').getAttribute('d');
    // A linear loss axis starts at 0; a log axis cannot.
    const ticks = () => Array.from(document.querySelectorAll('.loss-chart .chart-axis')[0].querySelectorAll('text')).map((t) => t.textContent);
    expect(ticks()).toContain('0.0');
    fireEvent.click(btn);
    expect(btn.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('loss-test').getAttribute('d')).not.toBe(linear);
    expect(ticks()).not.toContain('0.0');
    expect(ticks()).not.toContain('0');
  });

  it('reads exact values where the chart is clicked', async () => {
    const { frame, ready } = circles;
    const h = frame.history, n = h.step.length;
    render(<LossPanel />);
    await show(frame, ready);
    const slider = screen.getByRole('slider', { name: /loss readout/i });
    // Laid out at twice the view box's width, 100 px from the left.
    slider.getBoundingClientRect = () => ({ left: 100, top: 0, width: 2 * W, height: 400, right: 100 + 2 * W, bottom: 400, x: 100, y: 0, toJSON: () => ({}) });
    const readout = screen.getByTestId('loss-readout');
    expect(readout.textContent).toMatch(/click or tap/i);

    // Far right of the element (past the plot): the last point.
    fireEvent.pointerDown(slider, { clientX: 100 + 2 * W, pointerId: 1 });
    const last = n - 1;
    const fmt = (v: number) => formatNumber('en', v, 3);
    expect(readout.textContent).toContain(`Step ${h.step[last]}:`);
    expect(readout.textContent).toContain(`train ${fmt(h.trainLoss[last])}`);
    expect(readout.textContent).toContain(`test ${fmt(h.testLoss[last])}`);
    expect(readout.textContent).toContain(`gap ${fmt(h.testLoss[last] - h.trainLoss[last])}`);
    expect(slider.getAttribute('aria-valuenow')).toBe(String(h.step[last]));

    // The middle of the plot area (M.l .. W − M.r of the view box) is the middle of the steps.
    const mid = (h.step[0] + h.step[last]) / 2;
    fireEvent.pointerDown(slider, { clientX: 100 + 2 * ((M.l + W - M.r) / 2), pointerId: 1 });
    let best = 0;
    for (let i = 0; i < n; i++) if (Math.abs(h.step[i] - mid) < Math.abs(h.step[best] - mid)) best = i;
    expect(readout.textContent).toContain(`Step ${h.step[best]}:`);
    expect(readout.textContent).toContain(`test ${fmt(h.testLoss[best])}`);
    expect(readout.textContent).toMatch(/accuracy train \d+(\.\d)?%, test \d+(\.\d)?%/);
  });

  it('moves the readout with the arrow keys, Home and End', async () => {
    const h = circles.frame.history, n = h.step.length;
    render(<LossPanel />);
    await show(circles.frame, circles.ready);
    const slider = screen.getByRole('slider', { name: /loss readout/i });
    slider.focus();
    expect(document.activeElement).toBe(slider);
    const readout = screen.getByTestId('loss-readout');
    fireEvent.keyDown(slider, { key: 'ArrowLeft' });
    expect(readout.textContent).toContain(`Step ${h.step[n - 1]}:`);
    fireEvent.keyDown(slider, { key: 'ArrowLeft' });
    fireEvent.keyDown(slider, { key: 'ArrowLeft' });
    expect(readout.textContent).toContain(`Step ${h.step[n - 3]}:`);
    expect(slider.getAttribute('aria-valuetext')).toContain(`Step ${h.step[n - 3]}:`);
    fireEvent.keyDown(slider, { key: 'Home' });
    expect(readout.textContent).toContain(`Step ${h.step[0]}:`);
    // Evaluations can share a step (the fixture evaluates twice at step 0): the keys still walk on.
    fireEvent.keyDown(slider, { key: 'ArrowRight' });
    fireEvent.keyDown(slider, { key: 'ArrowRight' });
    expect(readout.textContent).toContain(`Step ${h.step[2]}:`);
    expect(h.step[2]).toBeGreaterThan(0);
    fireEvent.keyDown(slider, { key: 'End' });
    expect(readout.textContent).toContain(`Step ${h.step[n - 1]}:`);
    expect(document.querySelector('.loss-cursor')).not.toBeNull();
    fireEvent.keyDown(slider, { key: 'Escape' });
    expect(document.querySelector('.loss-cursor')).toBeNull();
  });

  it('gives screen readers the latest numbers', async () => {
    const h = circles.frame.history, n = h.step.length;
    const { container } = render(<LossPanel />);
    await show(circles.frame, circles.ready);
    const summary = container.querySelector('.chart-sr-only')!.textContent!;
    expect(summary).toContain(`step ${h.step[n - 1]}`);
    expect(summary).toContain(`test loss ${formatNumber('en', h.testLoss[n - 1], 3)}`);
    expect(summary).toMatch(/Accuracy: train \d/);
  });

  it('keeps earlier runs as faint, labelled traces after a restart (at most three)', async () => {
    const fx = makeFixture(fixtureConfig('circles'), { steps: 0 });
    const first = trainFor(fx.session, 40, 5);
    const { container, controllers } = render(<LossPanel />);
    await show(first, fx.ready);
    const traces = () => container.querySelectorAll('[data-testid="earlier-run"]').length;
    expect(traces()).toBe(0);

    // Reset: a new run id (and ReadyInfo) from the same session.
    const ready2 = fx.session.reset();
    await show(trainFor(fx.session, 20, 5), ready2);
    expect(traces()).toBe(1);
    const legend = screen.getByRole('list', { name: 'Legend' });
    expect(within(legend).getByText('Earlier run 1: no normalization, dropout p = 0.4')).toBeTruthy();

    // A replaced worker counts run ids from 1 again; the page is told it was replaced.
    controllers.runs.workerReplaced();
    const other = makeFixture(fixtureConfig('circles', { net: { norm: ['batchnorm', 'none'] } }), { steps: 0 });
    const otherFrame = trainFor(other.session, 15, 5);
    expect(otherFrame.runId).toBe(1);
    await show(otherFrame, other.ready);
    expect(traces()).toBe(2);
    expect(within(legend).getByText('Earlier run 1: no normalization, dropout p = 0.4')).toBeTruthy();

    // A new ReadyInfo alone ends the run, before its first frame; a short run is not kept.
    await act(async () => useLab.setState({ ready: other.session.reset() }));
    await show(trainFor(other.session, 12, 4), useLab.getState().ready!);
    expect(traces()).toBe(3);
    expect(within(legend).getByText('Earlier run 1: BatchNorm on layer 1, dropout p = 0.4')).toBeTruthy();
    await act(async () => useLab.setState({ ready: other.session.reset() }));
    await show(trainFor(other.session, 3, 1), useLab.getState().ready!);
    await act(async () => useLab.setState({ ready: other.session.reset() }));
    await show(trainFor(other.session, 12, 4), useLab.getState().ready!);
    expect(traces()).toBe(3);
    expect(screen.getByRole('list', { name: 'Legend' }).textContent).not.toContain('Earlier run 4');

    // The learner can hide them.
    const toggle = screen.getByRole('button', { name: 'Show earlier runs' });
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(toggle);
    expect(traces()).toBe(0);
  });

  it('spans the current run: a longer earlier run is cut at its last step, not the other way round', async () => {
    const fx = makeFixture(fixtureConfig('circles'), { steps: 0 });
    const { container } = render(<LossPanel />);
    await show(trainFor(fx.session, 200, 5), fx.ready);
    const ready2 = fx.session.reset();
    const short = trainFor(fx.session, 40, 5);
    await show(short, ready2);
    const trace = container.querySelector('[data-testid="earlier-run"] .line.train')!.getAttribute('d')!;
    const xs = [...trace.matchAll(/[ML]\s*([-\d.e]+)[ ,]/g)].map((m) => Number(m[1]));
    const right = Math.max(...[...screen.getByTestId('loss-train').getAttribute('d')!.matchAll(/[ML]\s*([-\d.e]+)[ ,]/g)].map((m) => Number(m[1])));
    expect(xs.length).toBeGreaterThan(2);
    // The earlier run's points stop where the current run ends (its last point at the right edge).
    expect(Math.max(...xs)).toBeLessThanOrEqual(right + 1e-6);
    // The step axis ends at the current run's step, not at the earlier run's 200.
    expect(screen.getAllByText(String(short.step)).length).toBeGreaterThan(0);
    expect(screen.queryByText('150')).toBeNull();
  });

  it('leaves earlier runs on other data or another loss out of the chart and its y-axis', async () => {
    const sine = makeFixture(fixtureConfig('sine'), { steps: 0 });
    const { container, controllers } = render(<LossPanel />);
    await show(trainFor(sine.session, 40, 5), sine.ready);
    const circles2 = makeFixture(fixtureConfig('circles'), { steps: 0 });
    // A new worker counts run ids from 1 again: the page is told it was replaced, so its run is new.
    controllers.runs.workerReplaced();
    await show(trainFor(circles2.session, 20, 5), circles2.ready);
    expect(container.querySelectorAll('[data-testid="earlier-run"]').length).toBe(0);
    expect(screen.getByText('Earlier runs on other data or with another loss are not drawn: 1.')).toBeTruthy();
    // A run on the same data again is drawn.
    const ready3 = circles2.session.reset();
    await show(trainFor(circles2.session, 10, 5), ready3);
    expect(container.querySelectorAll('[data-testid="earlier-run"]').length).toBe(1);
  });

  it('draws no accuracy chart for regression', async () => {
    const fx = makeFixture(fixtureConfig('sine'), { steps: 0 });
    render(<LossPanel />);
    await show(trainFor(fx.session, 20, 5), fx.ready);
    expect(pointCount(screen.getByTestId('loss-test').getAttribute('d'))).toBeGreaterThan(2);
    expect(screen.queryByTestId('acc-test')).toBeNull();
    expect(screen.queryByText('Accuracy')).toBeNull();
  });
});
