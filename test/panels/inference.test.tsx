// @vitest-environment jsdom
// The Inference lab by role, fed with reports the worker's own inspect() computed on real runs.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { InferencePanel } from '../../src/panels/inference/InferencePanel.tsx';
import { SETTLE_MS, TRAINING_GAP_MS } from '../../src/panels/inference/useAutoInspect.ts';
import { DEFAULT_KNOCKOUT, setInspection, useInspection } from '../../src/store/inspection.ts';
import { connectPort, useLab } from '../../src/store/lab.ts';
import { formatNumber } from '../../src/i18n/index.ts';
import { inspect } from '../../src/worker/inspect.ts';
import type { Command } from '../../src/protocol/messages.ts';
import type { InspectionReport } from '../../src/protocol/inspection.ts';
import type { ReadyInfo } from '../../src/protocol/frame.ts';
import type { ConfigPatch } from '../../src/protocol/messages.ts';
import { fixtureConfig, makeFixture } from '../fixtures/frames.ts';
import type { TeachFlags } from '../../src/protocol/config.ts';

const initial = useLab.getState();
let sent: Command[] = [];

beforeEach(() => {
  sent = [];
  connectPort({ send: (c) => sent.push(c) });
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  connectPort(null);
  setInspection(null);
  useInspection.setState({ report: null, received: 0, knockout: DEFAULT_KNOCKOUT });
  useLab.setState(initial, true);
});

interface Measured {
  ready: ReadyInfo;
  report: InspectionReport;
}

function measured(patch: ConfigPatch, steps = 60, k = 20, teach: Partial<TeachFlags> = {}, dataset: 'circles' | 'sine' | 'moons' = 'circles'): Measured {
  const fx = makeFixture(fixtureConfig(dataset, patch), { steps, teach });
  return { ready: fx.ready, report: inspect(fx.session.current, k) };
}

async function show(m: Measured, opts: { teach?: Partial<TeachFlags> } = {}) {
  await act(async () => {
    useLab.setState({ ready: m.ready, config: m.ready.config, teach: { ...m.ready.teach, ...opts.teach } });
  });
  render(<InferencePanel />);
  await act(async () => {
    setInspection(m.report);
  });
}

const inspects = () => sent.filter((c): c is Extract<Command, { type: 'inspect' }> => c.type === 'inspect');
const sets = () => sent.flatMap((c) => (c.type === 'set' ? [c.patch] : []));
const fmt = (v: number) => formatNumber('en', v, 3);
const pctText = (v: number) => `${formatNumber('en', v * 100, 3)} %`;
const sleep = (ms: number) => act(() => new Promise<void>((r) => setTimeout(r, ms)));

describe('InferencePanel', () => {
  it('knocks units out: the chosen layer and fraction go with each measurement, and the figures show', async () => {
    const fx = makeFixture(fixtureConfig('circles'), { steps: 60 });
    const m = { ready: fx.ready, report: inspect(fx.session.current, 5, undefined, undefined, { hidden: 1, fraction: 0.5 }) };
    await show(m);
    const section = screen.getByRole('region', { name: 'Knock out units' });
    const ko = m.report.knockout!;
    expect(within(section).getByRole('row', { name: new RegExp(`^All ${ko.width}`) }).textContent).toContain(pctText(ko.intact.acc));
    expect(within(section).getByRole('row', { name: /set to 0/ }).textContent).toContain(pctText(ko.knocked.acc));
    expect(section.textContent).toContain('averaged over 20 draws');
    vi.useFakeTimers();
    fireEvent.change(within(section).getByRole('combobox', { name: 'Layer' }), { target: { value: '0' } });
    await act(async () => vi.advanceTimersByTime(SETTLE_MS + 10));
    expect(inspects().at(-1)).toMatchObject({ knockout: { hidden: 0, fraction: 0.5 } });
    // The figures shown belong to the layer asked for: until the new report, they wait.
    expect(within(section).queryByRole('row', { name: /set to 0/ })).toBeNull();
  });

  it('asks for a measurement when it opens and on "Measure again", with the lab’s K', async () => {
    const m = measured({ net: { norm: ['batchnorm', 'none'] } });
    useLab.setState({ options: { ...useLab.getState().options, mcSamples: 17 } });
    await show(m);
    expect(inspects()).toEqual([{ type: 'inspect', k: 17, knockout: { hidden: 1, fraction: 0.5 } }]);
    fireEvent.click(screen.getByRole('button', { name: 'Measure again' }));
    expect(inspects()).toHaveLength(2);
    expect(screen.getByTestId('inf-measured').textContent).toContain('Measuring…');
    await act(async () => setInspection({ ...m.report }));
    expect(screen.getByTestId('inf-measured').textContent).toContain(`Measured at step ${m.report.step}`);
  });

  it('shows each layer’s mean |activation| in both modes and flags a forgotten classic scaling', async () => {
    const teach = { forgetDropoutScaling: true };
    const m = measured({ net: { dropoutScaling: 'classic', dropoutP: 0.5 } }, 60, 20, teach);
    await show(m);
    const table = screen.getByRole('table', { name: 'Training vs inference' });
    const rows = within(table).getAllByRole('row').slice(1);
    // Dropout layers with p = 0 (the input's) are left out; the two hidden dropouts (p = 0.5) are listed.
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Hidden 1: linear', 'Hidden 1: ReLU', 'Hidden 1: dropout (p = 0.5)',
      'Hidden 2: linear', 'Hidden 2: ReLU', 'Hidden 2: dropout (p = 0.5)', 'Output (before softmax)',
    ]);
    const drop = m.report.layers[3];
    const cells = within(rows[2]).getAllByRole('cell');
    expect(cells[0].textContent).toBe(fmt(drop.absTrain));
    expect(cells[1].textContent).toBe(fmt(drop.absInfer));
    expect(cells[2].textContent).toContain(`×${fmt(drop.ratio)}`);
    // Forgotten: inference is about 1/(1 − p) = 2 times the training mean, and the row says so in words.
    expect(drop.ratio).toBeGreaterThan(1.8);
    expect(cells[2].textContent).toContain('differs');
    expect(screen.getByText(/Teaching mistake in force: the lab’s inference skips/)).toBeTruthy();
    expect(screen.getByText(/The lab’s network is forgetting the scaling now/)).toBeTruthy();
    expect(screen.getByText(/Some difference is expected even when everything is done right/)).toBeTruthy();
  });

  it('puts the scaling right and forgotten side by side, and its controls send patches', async () => {
    const m = measured({ net: { dropoutScaling: 'classic', dropoutP: 0.4 } }, 200);
    await show(m);
    const sc = m.report.scaling!;
    const table = screen.getByRole('table', { name: 'Scaling' });
    const [, mean, loss, acc] = within(table).getAllByRole('row');
    expect(within(mean).getAllByRole('cell').map((c) => c.textContent)).toEqual([fmt(sc.meanTrain), fmt(sc.meanScaled), fmt(sc.meanForgot)]);
    expect(within(loss).getAllByRole('cell').map((c) => c.textContent)).toEqual(['–', fmt(sc.scaled.loss), fmt(sc.forgot.loss)]);
    expect(within(acc).getAllByRole('cell').map((c) => c.textContent)).toEqual(['–', pctText(sc.scaled.acc), pctText(sc.forgot.acc)]);
    expect(screen.getByText(`Forgotten ÷ right: ×${fmt(sc.ratio)}; 1/(1 − p) = ${fmt(1 / 0.6)}.`)).toBeTruthy();
    expect(screen.getByText(/Classic \(Srivastava et al\. 2014\).*1 − p = 0\.6/)).toBeTruthy();
    expect(screen.getByRole('img', { name: /Mean \|activation\| after the first dropout: training/ })).toBeTruthy();
    // The sentence about the loss follows the measured direction.
    expect(screen.getByText(sc.forgot.loss > sc.scaled.loss ? /the test loss got worse/ : /the test loss did not get worse/)).toBeTruthy();

    fireEvent.click(screen.getByRole('switch', { name: /Forget the scaling in the lab’s network/ }));
    fireEvent.click(screen.getByRole('radio', { name: 'Inverted' }));
    expect(sets()).toEqual([{ teach: { forgetDropoutScaling: true } }, { net: { dropoutScaling: 'inverted' } }]);
    expect(useLab.getState().teach.forgetDropoutScaling).toBe(true);
  });

  it('labels the inverted mistake as the mirror one (×1/(1 − p) at inference), not as a forgotten step', async () => {
    const m = measured({ net: { dropoutScaling: 'inverted', dropoutP: 0.3 } });
    await show(m);
    expect(screen.getByText(/Inverted dropout has nothing to forget at inference/)).toBeTruthy();
    expect(screen.getByText('This switch only changes the lab’s network with classic scaling.')).toBeTruthy();
    expect(m.report.scaling!.ratio).toBeCloseTo(1 / 0.7, 4);
  });

  it('shows MC dropout mean ± std per probe input, and K re-measures', async () => {
    const m = measured({}, 80, 30);
    await show(m);
    const table = screen.getByRole('table', { name: 'Monte-Carlo dropout' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(m.ready.data.probeCount);
    const p0 = m.report.mc!.probes[0];
    const cells = within(rows[0]).getAllByRole('cell');
    expect(cells[0].textContent).toBe(String(m.ready.data.probeY[0]));
    expect(cells[1].textContent).toBe(`P(class ${p0.cls})`);
    expect(cells[2].textContent).toBe(`${fmt(p0.mean)} ± ${formatNumber('en', p0.std, 2)}`);
    expect(cells[3].textContent).toBe(fmt(p0.single));
    expect(screen.getByText(/ensemble of thinned networks that share their weights/)).toBeTruthy();
    expect(screen.getByText(new RegExp(`On ${m.report.mc!.rows} test inputs with K = 30`))).toBeTruthy();

    const before = inspects().length;
    const k = screen.getByRole('slider', { name: 'Monte-Carlo samples K' });
    fireEvent.keyDown(k, { key: 'ArrowRight' });
    expect(sent).toContainEqual({ type: 'options', options: { mcSamples: useLab.getState().options.mcSamples } });
    await sleep(SETTLE_MS);
    // The settle timer can run late on a loaded machine: wait for its measurement, not a fixed time.
    for (let waited = 0; inspects().length === before && waited < 5000; waited += 20) await sleep(20);
    expect(inspects().slice(before)).toEqual([{ type: 'inspect', k: useLab.getState().options.mcSamples, knockout: { hidden: 1, fraction: 0.5 } }]);
  });

  it('BN at inference: running vs whole-test-set vs batch-of-one statistics, with β and one class', async () => {
    const m = measured({ net: { norm: ['batchnorm', 'batchnorm'], dropoutHidden: [false, false] } }, 150);
    await show(m);
    const bn = m.report.bn!;
    const table = screen.getByRole('table', { name: 'BatchNorm at inference' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Running statistics (correct)', 'Batch statistics of the whole test set', 'Batch of one (each input alone)',
    ]);
    expect(within(rows[0]).getAllByRole('cell').map((c) => c.textContent)).toEqual([pctText(bn.running.acc), fmt(bn.running.loss)]);
    expect(within(rows[2]).getAllByRole('cell').map((c) => c.textContent)).toEqual([pctText(bn.batchOfOne.acc), fmt(bn.batchOfOne.loss)]);
    expect(screen.getByText(/With a batch of one every normalized unit equals β.*largest \|x̂\| measured: 0\)/)).toBeTruthy();
    expect(screen.getByText(/100 % of the predictions are one class \(1 distinct\)/)).toBeTruthy();
    expect(screen.getByRole('img', { name: /Accuracy: running statistics/ })).toBeTruthy();
    // No dropout here: the scaling and MC sections offer to switch it on.
    expect(screen.getByText('No dropout is switched on, so there is no scaling to get right or wrong.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Switch on dropout in every hidden layer' }));
    expect(sets()).toEqual([{ net: { dropoutHidden: [true, true] } }]);
  });

  it('a network without BN offers to add it; LayerNorm shows that it needs no batch', async () => {
    const m = measured({ net: { norm: ['layernorm', 'layernorm'] } }, 80, 10, {}, 'moons');
    await show(m);
    expect(screen.getByText('This network has no BatchNorm layer, so there are no statistics to choose.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add BatchNorm to every hidden layer' }));
    expect(sets()).toEqual([{ net: { norm: ['batchnorm', 'batchnorm'] } }]);
    const ln = m.report.ln!;
    expect(screen.getByRole('heading', { name: 'LayerNorm needs no batch' })).toBeTruthy();
    expect(screen.getByText(new RegExp(`accuracy ${pctText(ln.fullBatch.acc)} with the whole test set at once, ${pctText(ln.batchOfOne.acc)} one input at a time`))).toBeTruthy();
  });

  it('regression: values instead of class probabilities, no accuracy columns', async () => {
    const m = measured({ net: { norm: ['batchnorm', 'none'] } }, 60, 10, {}, 'sine');
    await show(m);
    const mc = within(screen.getByRole('table', { name: 'Monte-Carlo dropout' })).getAllByRole('row');
    expect(within(mc[1]).getAllByRole('cell')[1].textContent).toBe('value');
    const bn = within(screen.getByRole('table', { name: 'BatchNorm at inference' }));
    expect(bn.queryByRole('columnheader', { name: 'Accuracy' })).toBeNull();
    expect(screen.getByText(/every input gets the same prediction \(spread of the predictions: 0\)/)).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: 'Output (predicted value)' })).toBeTruthy();
  });

  it('says so when a large network was measured on a spread of the test set', async () => {
    const m = measured({ net: { norm: ['batchnorm', 'none'] } });
    // As the worker reports it for a network too large for the whole test set in its budget.
    await show({ ready: m.ready, report: { ...m.report, testRows: 40 } });
    expect(screen.getByText(/An even spread of 40 of the 100 test inputs/)).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: 'Batch statistics of all 40 inputs at once' })).toBeTruthy();
  });

  it('ignores a report of an earlier run', async () => {
    const m = measured({});
    await show({ ready: m.ready, report: { ...m.report, runId: m.ready.runId + 1 } });
    expect(screen.getByText('Measuring…')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('speaks Korean', async () => {
    const m = measured({ net: { norm: ['batchnorm', 'none'] } });
    useLab.setState({ lang: 'ko' });
    await show(m);
    expect(screen.getByRole('heading', { name: '추론 실험실' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '다시 측정' })).toBeTruthy();
    expect(screen.getByRole('table', { name: '학습 모드 대 추론 모드' })).toBeTruthy();
    expect(screen.getByText(/배치 크기가 1이면 정규화된 모든 유닛이 β가 됩니다/)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/inf\.[a-z]+\./);
  });
});

describe('automatic measurements', () => {
  it('while the step moves, at most one every 2 s, and one more after training stops', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const m = measured({}, 5, 5);
    useLab.setState({ ready: m.ready, config: m.ready.config, playing: true });
    render(<InferencePanel />);
    expect(inspects()).toHaveLength(1);
    for (let s = 1; s <= 30; s++) {
      act(() => useLab.setState({ step: s }));
      act(() => vi.advanceTimersByTime(100));
    }
    // 3 s of steps: the opening measurement, then one per 2 s.
    expect(inspects()).toHaveLength(2);
    act(() => useLab.setState({ step: 31, playing: false }));
    act(() => vi.advanceTimersByTime(TRAINING_GAP_MS));
    expect(inspects()).toHaveLength(3);
    act(() => vi.advanceTimersByTime(10 * TRAINING_GAP_MS));
    expect(inspects()).toHaveLength(3);
  });

  it('a setting change re-measures shortly after, once for a burst of changes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const m = measured({}, 5, 5);
    useLab.setState({ ready: m.ready, config: m.ready.config });
    render(<InferencePanel />);
    for (const p of [0.1, 0.2, 0.3]) act(() => useLab.getState().patch({ net: { dropoutP: p } }));
    act(() => vi.advanceTimersByTime(SETTLE_MS - 1));
    expect(inspects()).toHaveLength(1);
    act(() => vi.advanceTimersByTime(2));
    expect(inspects()).toHaveLength(2);
  });

  it('sends nothing before the network is ready', () => {
    render(<InferencePanel />);
    expect(inspects()).toHaveLength(0);
    expect(screen.getByText('Waiting for the network…')).toBeTruthy();
  });
});
