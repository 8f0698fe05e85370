// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { OutputPanel } from '../../src/panels/output/OutputPanel.tsx';
import { setFrame } from '../../src/store/frame.ts';
import { connectPort, useLab } from '../../src/store/lab.ts';
import { formatNumber } from '../../src/i18n/index.ts';
import type { Frame, ReadyInfo } from '../../src/protocol/frame.ts';
import type { Command } from '../../src/protocol/messages.ts';
import { fixtureConfig, makeFixture, nextFrame, type Fixture } from '../fixtures/frames.ts';
import { installFakeCanvas } from '../fixtures/canvas.ts';
import { EVAL_MODE } from '../../src/engine/layers/types.ts';
import { rngFor } from '../../src/engine/rng.ts';
import { showFrame } from '../fixtures/show.ts';

const initial = useLab.getState();
const canvasLog = installFakeCanvas();

afterEach(() => {
  cleanup();
  setFrame(null);
  connectPort(null);
  useLab.setState(initial, true);
  canvasLog.reset();
});

const show = (f: Frame, ready?: ReadyInfo) => showFrame(f, ready);

const pct = (v: number) => `${formatNumber('en', v * 100, 3)} %`;

/** The curve and digits views load lazily: wait for the panel's placeholder (…) to give way. */
async function viewLoaded(): Promise<void> {
  await waitFor(() => expect(screen.queryByText('…')).toBeNull(), { timeout: 10_000 });
}

describe('OutputPanel, 2-D decision boundary', () => {
  let fx: Fixture;
  beforeAll(() => {
    fx = makeFixture(fixtureConfig('circles'), { steps: 5 });
  });

  it('paints the boundary, says it is noisy in training, and names accuracy and points', async () => {
    render(<OutputPanel />);
    await show(fx.frame, fx.ready);
    const img = screen.getByRole('img', { name: /Decision boundary/ });
    expect(img.dataset.mode).toBe('training');
    expect(img.dataset.complete).toBe('true');
    expect(canvasLog.count('drawImage')).toBeGreaterThan(0);
    expect(screen.getByText(/noisy on purpose/)).toBeTruthy();
    const m = fx.frame.metrics!;
    const summary = document.getElementById(img.getAttribute('aria-describedby')!)!.textContent!;
    expect(summary).toContain(`Test accuracy ${pct(m.testAcc)}`);
    expect(summary).toContain('Boundary in training mode');
    expect(summary).toContain(`${fx.ready.data.trainY.length} training points (filled)`);
    expect(summary).toContain(`${fx.ready.data.testY.length} test points (hollow`);
    // Class by colour and shape; split by filled vs hollow, explained in words.
    expect(screen.getByText('● filled = training point')).toBeTruthy();
    expect(screen.getByText('○ hollow = test point')).toBeTruthy();
    expect(screen.getByText('Class 0')).toBeTruthy();
    expect(screen.getByText('Class 1')).toBeTruthy();
  });

  it('toggles training and test points', async () => {
    render(<OutputPanel />);
    await show(fx.frame, fx.ready);
    const nTrain = fx.ready.data.trainY.length, nTest = fx.ready.data.testY.length;
    canvasLog.reset();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Test points' }));
    // One fill per marker drawn: the training points only.
    expect(canvasLog.count('fill')).toBe(nTrain);
    expect(screen.getByText(/0 test points/)).toBeTruthy();
    canvasLog.reset();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Training points' }));
    expect(canvasLog.count('fill')).toBe(0);
    canvasLog.reset();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Test points' }));
    expect(canvasLog.count('fill')).toBe(nTest);
  });

  it('shows the full network in inference', async () => {
    const inf = makeFixture(fixtureConfig('circles'), { steps: 5, mode: 'inference' });
    render(<OutputPanel />);
    await show(inf.frame, inf.ready);
    expect(screen.getByRole('img', { name: /Decision boundary/ }).dataset.mode).toBe('inference');
    expect(screen.getByText(/Inference view: the full network/)).toBeTruthy();
    expect(screen.queryByText(/noisy/)).toBeNull();
  });
});

describe('OutputPanel, inference with a teaching mistake on', () => {
  it('does not claim running statistics when BN uses the batch’s own', async () => {
    const config = fixtureConfig('circles', { net: { norm: ['batchnorm', 'batchnorm'] } });
    const teach = { bnBatchStatsAtInference: true };
    const fx = makeFixture(config, { steps: 5, mode: 'inference', teach });
    useLab.setState({ teach: { ...initial.teach, ...teach }, config });
    render(<OutputPanel />);
    await show(fx.frame, fx.ready);
    expect(screen.getByText(/Inference view with the teaching mistake on: BN normalizes each batch of the picture’s points/)).toBeTruthy();
    expect(screen.queryByText(/BN on running statistics/)).toBeNull();
  });

  it('says classic dropout’s scaling is skipped when it is forgotten', async () => {
    const config = fixtureConfig('circles', { net: { dropoutHidden: [true, true], dropoutP: 0.5, dropoutScaling: 'classic' } });
    const teach = { forgetDropoutScaling: true };
    const fx = makeFixture(config, { steps: 5, mode: 'inference', teach });
    useLab.setState({ teach: { ...initial.teach, ...teach }, config });
    render(<OutputPanel />);
    await show(fx.frame, fx.ready);
    expect(screen.getByText(/classic dropout’s × \(1 − p\) is skipped/)).toBeTruthy();
  });

  it('keeps the usual caption when the switch has nothing to act on', async () => {
    const config = fixtureConfig('circles');
    const fx = makeFixture(config, { steps: 5, mode: 'inference', teach: { bnBatchStatsAtInference: true, forgetDropoutScaling: true } });
    useLab.setState({ teach: { bnBatchStatsAtInference: true, forgetDropoutScaling: true, bnNoise: false }, config });
    render(<OutputPanel />);
    await show(fx.frame, fx.ready);
    expect(screen.getByText(/Inference view: the full network/)).toBeTruthy();
  });
});

describe('OutputPanel, 1-D curve with MC dropout band', () => {
  let fx: Fixture;
  beforeAll(() => {
    fx = makeFixture(fixtureConfig('sine'), { steps: 20 });
  });

  it('draws the prediction and the band and summarizes the widest spread', async () => {
    const { container } = render(<OutputPanel />);
    await show(fx.frame, fx.ready);
    await viewLoaded();
    expect(screen.getByRole('img', { name: /Monte-Carlo dropout band/ })).toBeTruthy();
    const out = fx.frame.output;
    if (out.kind !== 'curve') throw new Error('expected a curve');
    expect(out.mcSamples).toBe(30);
    expect(container.querySelector('[data-testid="mc-band"]')?.getAttribute('d')).toMatch(/^M/);
    expect(container.querySelector('[data-testid="prediction"]')?.getAttribute('d')).toMatch(/^M/);
    let widest = 0, at = 0;
    out.mcStd.forEach((s, i) => {
      if (2 * s > widest) [widest, at] = [2 * s, out.xs[i]];
    });
    expect(widest).toBeGreaterThan(0);
    expect(screen.getByText(new RegExp(`over 30 passes; widest spread ±${formatNumber('en', widest, 3)} at x = ${formatNumber('en', at, 3)}`))).toBeTruthy();
    expect(screen.getByText(/solid curve is one randomly thinned network/)).toBeTruthy();
  });

  it('sends the chosen number of MC samples to the worker', async () => {
    const sent: Command[] = [];
    connectPort({ send: (c) => sent.push(c) });
    render(<OutputPanel />);
    await show(fx.frame, fx.ready);
    await viewLoaded();
    const slider = screen.getByRole('slider', { name: 'MC samples (K)' }) as HTMLInputElement;
    expect(slider.value).toBe('30');
    fireEvent.change(slider, { target: { value: '75' } });
    expect(useLab.getState().options.mcSamples).toBe(75);
    expect(sent).toContainEqual({ type: 'options', options: { mcSamples: 75 } });
    expect((screen.getByRole('slider', { name: 'MC samples (K)' }) as HTMLInputElement).value).toBe('75');
  });

  it('says the band has no width without dropout', async () => {
    const plain = makeFixture(fixtureConfig('sine', { net: { dropoutHidden: [false, false] } }), { steps: 5 });
    const { container } = render(<OutputPanel />);
    await show(plain.frame, plain.ready);
    await viewLoaded();
    expect(screen.getByText(/the band has no width/)).toBeTruthy();
    const out = plain.frame.output;
    if (out.kind !== 'curve') throw new Error('expected a curve');
    expect(Math.max(...out.mcStd)).toBe(0);
    expect(container.querySelector('[data-testid="mc-band"]')).toBeTruthy();
  });
});

describe('OutputPanel, digits', () => {
  let fx: Fixture;
  beforeAll(() => {
    fx = makeFixture(fixtureConfig('digits'), { steps: 15 });
  });

  it('shows the confusion matrix as a table of counts', async () => {
    render(<OutputPanel />);
    await show(fx.frame, fx.ready);
    await viewLoaded();
    const out = fx.frame.output;
    if (out.kind !== 'digits') throw new Error('expected digits');
    const table = screen.getByRole('table', { name: /Confusion matrix/ });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(11);
    let total = 0;
    for (let r = 0; r < 10; r++) {
      const cells = within(rows[r + 1]).getAllByRole('cell').map((c) => Number(c.textContent));
      expect(cells).toEqual(Array.from(out.confusion.subarray(r * 10, r * 10 + 10)));
      total += cells.reduce((a, b) => a + b, 0);
    }
    expect(total).toBe(fx.ready.data.testSize);
    expect(within(table).getByRole('rowheader', { name: 'True 3' })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: 'Predicted 7' })).toBeTruthy();
    expect(screen.getByText(new RegExp(`Test accuracy ${pct(fx.frame.metrics!.testAcc)}`))).toBeTruthy();
  });

  it('marks wrongly predicted sample digits with ✕ and words', async () => {
    render(<OutputPanel />);
    await show(fx.frame, fx.ready);
    await viewLoaded();
    const out = fx.frame.output;
    if (out.kind !== 'digits') throw new Error('expected digits');
    const n = out.labels.length;
    let wrong = 0;
    for (let i = 0; i < n; i++) if (out.labels[i] !== out.predicted[i]) wrong++;
    expect(wrong).toBeGreaterThan(0);
    const list = screen.getByRole('heading', { name: /Sample test digits/ }).nextElementSibling as HTMLElement;
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(n);
    expect(items.filter((li) => li.textContent!.includes(', wrong'))).toHaveLength(wrong);
    expect(items.filter((li) => li.textContent!.includes('✕'))).toHaveLength(wrong);
    const i = out.labels.findIndex((l, k) => l !== out.predicted[k]);
    expect(items[i].textContent).toContain(`Digit ${out.labels[i]}: predicted ${out.predicted[i]}`);
    expect(screen.getByText(new RegExp(`${wrong} of ${n} sample digits misclassified in training mode`))).toBeTruthy();
  });

  it('predicts the samples in inference after a mode switch: each shown class is the inference network’s argmax', async () => {
    render(<OutputPanel />);
    await show(fx.frame, fx.ready);
    await viewLoaded();
    fx.session.setMode('inference');
    const inf = nextFrame(fx.session);
    await show(inf);
    fx.session.setMode('training');
    expect(screen.getByRole('heading', { name: 'Sample test digits, predicted in inference mode' })).toBeTruthy();
    const out = inf.output;
    if (out.kind !== 'digits') throw new Error('expected digits');
    // Independently: find each sample's test row by its pixels, run it through the trained network in
    // inference mode (running BN statistics, no dropout), and take the argmax.
    const run = fx.session.current, d = run.dataset, D = d.inputDim, n = out.labels.length;
    const raw = d.images!.test;
    const x = new Float32Array(n * D);
    for (let i = 0; i < n; i++) {
      let r = -1;
      for (let k = 0; k < d.test.n && r < 0; k++) {
        let same = true;
        for (let j = 0; j < D && same; j++) same = raw[k * D + j] === out.images[i * D + j];
        if (same && d.test.y[k] === out.labels[i]) r = k;
      }
      expect(r).toBeGreaterThanOrEqual(0);
      x.set(d.test.x.subarray(r * D, (r + 1) * D), i * D);
    }
    const z = run.model.twin(rngFor(1, 'view')).forward(x, n, EVAL_MODE);
    const C = d.classes;
    const list = screen.getByRole('heading', { name: /Sample test digits/ }).nextElementSibling as HTMLElement;
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(n);
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let c = 1; c < C; c++) if (z[i * C + c] > z[i * C + best]) best = c;
      expect(items[i].textContent).toContain(`Digit ${out.labels[i]}: predicted ${best}`);
    }
  });
});
