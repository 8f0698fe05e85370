// @vitest-environment jsdom
// The Controls panel by role and name, with the store's port replaced by a fake that records the
// commands the worker would get. γ/β read a real frame from a Session (test/fixtures/frames.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { ControlsPanel } from '../../src/panels/controls/ControlsPanel.tsx';
import { makeScale } from '../../src/panels/controls/scale.ts';
import { connectPort, useLab } from '../../src/store/lab.ts';
import { setFrame } from '../../src/store/frame.ts';
import type { Command, ConfigPatch } from '../../src/protocol/messages.ts';
import type { LabConfig } from '../../src/protocol/config.ts';
import type { Frame } from '../../src/protocol/frame.ts';
import { fixtureConfig, makeFixture } from '../fixtures/frames.ts';
import { showFrame } from '../fixtures/show.ts';

const initial = useLab.getState();
let sent: Command[] = [];

beforeEach(() => {
  sent = [];
  connectPort({ send: (cmd) => sent.push(cmd) });
});

afterEach(() => {
  cleanup();
  connectPort(null);
  setFrame(null);
  useLab.setState(initial, true);
});

const ALL_OPEN = ['data', 'network', 'dropout', 'norm', 'training'];
const patches = (): ConfigPatch[] => sent.flatMap((c) => (c.type === 'set' ? [c.patch] : []));
const slider = (name: string) => screen.getByRole('slider', { name }) as HTMLInputElement;

function useConfig(config: LabConfig) {
  useLab.setState({ config });
}

describe('ControlsPanel', () => {
  it('names every slider the table drives', () => {
    useConfig(fixtureConfig('circles', { net: { norm: ['batchnorm', 'layernorm'] } }));
    render(<ControlsPanel open={ALL_OPEN} />);
    for (const name of [
      'Noise', 'Training examples', 'Batch size', 'Hidden layers', 'Width of layer 1', 'Width of layer 2', 'Initialization scale',
      'Dropout p', 'BN momentum', 'BN ε', 'LayerNorm ε', 'γ', 'β', 'Learning rate', 'Weight decay',
    ]) {
      expect(slider(name), name).toBeTruthy();
    }
    expect(screen.getByRole('combobox', { name: 'Dataset' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Seed' })).toBeTruthy();
  });

  it('sends dropout p as net.dropoutP and shows keep = 1 − p beside it', () => {
    render(<ControlsPanel />);
    const p = slider('Dropout p');
    expect(screen.getByText('keep = 1 − p = 0.70')).toBeTruthy();
    fireEvent.change(p, { target: { value: '0.5' } });
    expect(patches()).toEqual([{ net: { dropoutP: 0.5 } }]);
    expect(screen.getByText('keep = 1 − p = 0.50')).toBeTruthy();
    expect(p.getAttribute('aria-valuetext')).toBe('p = 0.50, keep = 0.50');
    fireEvent.keyDown(p, { key: 'ArrowRight' });
    expect(patches().at(-1)).toEqual({ net: { dropoutP: 0.55 } });
    expect(useLab.getState().config.net.dropoutP).toBe(0.55);
    expect(screen.getByText('keep = 1 − p = 0.45')).toBeTruthy();
  });

  it('maps the learning-rate slider on a log scale and round-trips the value', () => {
    render(<ControlsPanel />);
    const lr = slider('Learning rate');
    const scale = makeScale({ min: 1e-5, max: 10, scale: 'log' });
    expect(lr.value).toBe(String(scale.posOf(0.01)));
    fireEvent.change(lr, { target: { value: String(scale.posOf(0.01) + 10) } });
    expect(patches()).toEqual([{ train: { lr: 0.1 } }]);
    expect(lr.getAttribute('aria-valuetext')).toBe('0.1');
    fireEvent.keyDown(lr, { key: 'PageDown' });
    fireEvent.keyDown(lr, { key: 'PageDown' });
    expect(patches().at(-1)).toEqual({ train: { lr: 0.001 } });
    expect(lr.value).toBe(String(scale.posOf(0.001)));
    const exact = screen.getByRole('textbox', { name: 'Learning rate: exact value' });
    fireEvent.change(exact, { target: { value: '0.00042' } });
    fireEvent.keyDown(exact, { key: 'Enter' });
    expect(patches().at(-1)).toEqual({ train: { lr: 0.00042 } });
  });

  it('turns BatchNorm on per hidden layer, sending the whole norm list', () => {
    useConfig(fixtureConfig('circles'));
    render(<ControlsPanel />);
    expect(screen.queryByRole('slider', { name: 'BN momentum' })).toBe(null);
    const second = screen.getByRole('combobox', { name: 'Normalization, layer 2' });
    // The learner is told before changing it that this restarts training.
    expect(second.getAttribute('aria-describedby')).toBeTruthy();
    const note = document.getElementById(second.getAttribute('aria-describedby')!.split(' ')[0]);
    expect(note?.textContent).toContain('training restarts');
    fireEvent.change(second, { target: { value: 'batchnorm' } });
    expect(patches()).toEqual([{ net: { norm: ['none', 'batchnorm'] } }]);
    fireEvent.change(screen.getByRole('combobox', { name: 'Normalization, layer 1' }), { target: { value: 'layernorm' } });
    expect(patches().at(-1)).toEqual({ net: { norm: ['layernorm', 'batchnorm'] } });
    expect(slider('BN momentum')).toBeTruthy();
    expect(screen.getByText('Keras momentum = 1 − m = 0.90')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Keras preset/ }));
    expect(patches().at(-1)).toEqual({ net: { bnEps: 0.001, bnMomentum: 0.01 } });
    expect(screen.getByText('Keras momentum = 1 − m = 0.99')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: /After the activation/ }));
    expect(patches().at(-1)).toEqual({ net: { normPlacement: 'after' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'BN uses batch statistics at inference (wrong)' }));
    expect(patches().at(-1)).toEqual({ teach: { bnBatchStatsAtInference: true } });
  });

  it('keeps norm and dropout lists as long as the hidden layers when depth changes', () => {
    useConfig(fixtureConfig('circles', { net: { norm: ['none', 'batchnorm'] } }));
    render(<ControlsPanel open={['network']} />);
    const depth = slider('Hidden layers');
    fireEvent.keyDown(depth, { key: 'ArrowRight' });
    expect(patches()).toEqual([{ net: { hidden: [12, 10, 10], norm: ['none', 'batchnorm', 'batchnorm'], dropoutHidden: [true, true, true] } }]);
    fireEvent.keyDown(depth, { key: 'Home' });
    expect(patches().at(-1)).toEqual({ net: { hidden: [], norm: [], dropoutHidden: [] } });
    // Said where depth is set and where normalization would go.
    expect(screen.getAllByText(/the network is a linear model/)).toHaveLength(2);
  });

  it('places dropout and switches its scaling, explaining the forgotten-scaling switch', () => {
    render(<ControlsPanel />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'After layer 2' }));
    expect(patches()).toEqual([{ net: { dropoutHidden: [false, true] } }]);
    fireEvent.click(screen.getByRole('checkbox', { name: 'On the input' }));
    expect(patches().at(-1)).toEqual({ net: { dropoutInput: true } });
    const forget = screen.getByRole('checkbox', { name: 'Forget the scaling at inference' });
    expect(forget.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText(/Only matters with classic scaling/)).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: /Classic/ }));
    expect(patches().at(-1)).toEqual({ net: { dropoutScaling: 'classic' } });
    expect(screen.getByText(/inference multiplies by 1 − p/)).toBeTruthy();
    expect(screen.getByText(/1 \/ \(1 − p\) times too large/)).toBeTruthy();
    fireEvent.click(forget);
    expect(patches().at(-1)).toEqual({ teach: { forgetDropoutScaling: true } });
  });

  it('sends data and optimizer changes, and a typed seed as a new run', () => {
    render(<ControlsPanel open={['data', 'training']} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Dataset' }), { target: { value: 'moons' } });
    expect(patches()).toEqual([{ data: { name: 'moons' } }]);
    expect(screen.queryByRole('slider', { name: 'Momentum' })).toBe(null); // Adam by default
    fireEvent.click(screen.getByRole('radio', { name: 'SGD' }));
    expect(patches().at(-1)).toEqual({ train: { optimizer: 'sgd' } });
    fireEvent.keyDown(slider('Momentum'), { key: 'ArrowLeft' });
    expect(patches().at(-1)).toEqual({ train: { momentum: 0.89 } });
    fireEvent.keyDown(slider('Weight decay'), { key: 'ArrowRight' });
    expect(patches().at(-1)).toEqual({ train: { weightDecay: 1e-6 } });
    const seed = screen.getByRole('textbox', { name: 'Seed' });
    fireEvent.change(seed, { target: { value: '42' } });
    fireEvent.keyDown(seed, { key: 'Enter' });
    expect(sent.at(-1)).toEqual({ type: 'newSeed', seed: 42 });
    expect(useLab.getState().config.seed).toBe(42);
  });

  it('does not render controls a teacher hid', () => {
    render(<ControlsPanel open={ALL_OPEN} hidden={new Set(['lr', 'dropoutP', 'dataset', 'noise', 'trainSize', 'testSize', 'batchSize'])} />);
    expect(screen.queryByRole('slider', { name: 'Learning rate' })).toBe(null);
    expect(screen.queryByRole('slider', { name: 'Dropout p' })).toBe(null);
    expect(screen.queryByRole('heading', { name: 'Data' })).toBe(null);
    expect(slider('Weight decay')).toBeTruthy();
  });

  it('speaks Korean when the page does', () => {
    useLab.setState({ lang: 'ko', config: fixtureConfig('circles', { net: { norm: ['batchnorm', 'none'] } }) });
    render(<ControlsPanel />);
    expect(screen.getByRole('heading', { name: '설정' })).toBeTruthy();
    expect(slider('드롭아웃 p')).toBeTruthy();
    expect(slider('학습률')).toBeTruthy();
    expect(slider('γ')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: '1번째 층의 정규화' })).toBeTruthy();
    expect(screen.getByText('유지 확률 = 1 − p = 0.60')).toBeTruthy();
    expect(screen.queryByText('Dropout p')).toBe(null);
  });
});

describe('γ and β', () => {
  let frame: Frame;
  let normIndices: number[];
  const config = fixtureConfig('circles', { net: { norm: ['batchnorm', 'batchnorm'] } });

  beforeEach(() => {
    const fx = makeFixture(config, { steps: 5 });
    frame = fx.frame;
    normIndices = fx.ready.model.layers.flatMap((l, i) => (l.type === 'batchnorm' ? [i] : []));
    useConfig(config);
  });

  const show = (f: Frame) => showFrame(f, undefined);

  it('shows a hint instead of sliders when no layer is normalized', () => {
    useConfig(fixtureConfig('circles'));
    render(<ControlsPanel />);
    expect(screen.queryByRole('slider', { name: 'γ' })).toBe(null);
    expect(screen.getByText(/choose BatchNorm or LayerNorm/)).toBeTruthy();
  });

  it('reads γ and β from the frame and sends setNorm for all features or one', async () => {
    render(<ControlsPanel />);
    await show(frame);
    const lf = frame.layers.find((l) => l.index === normIndices[0])!;
    const meanGamma = lf.gamma!.reduce((a, b) => a + b, 0) / lf.gamma!.length;
    const gamma = slider('γ');
    // γ has trained for a few steps: its mean is near 1 but not 1 (Adam moves every γ by ~lr per step).
    expect(Math.abs(meanGamma - 1)).toBeGreaterThan(1e-4);
    expect(gamma.getAttribute('aria-valuetext')).toBe(meanGamma.toFixed(2));
    expect(screen.getAllByText('mean over 12 features').length).toBe(2);

    fireEvent.change(gamma, { target: { value: '2' } });
    expect(sent.at(-1)).toEqual({ type: 'setNorm', layer: normIndices[0], feature: 'all', gamma: 2 });
    expect(gamma.getAttribute('aria-valuetext')).toBe('2.00');

    fireEvent.change(screen.getByRole('combobox', { name: 'Norm layer' }), { target: { value: String(normIndices[1]) } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Feature' }), { target: { value: '3' } });
    const lf2 = frame.layers.find((l) => l.index === normIndices[1])!;
    expect(slider('β').getAttribute('aria-valuetext')).toBe(lf2.beta![3].toFixed(2));
    fireEvent.change(slider('β'), { target: { value: '-1.5' } });
    expect(sent.at(-1)).toEqual({ type: 'setNorm', layer: normIndices[1], feature: 3, beta: -1.5 });

    fireEvent.click(screen.getByRole('checkbox', { name: 'Freeze γ and β' }));
    expect(sent.at(-1)).toEqual({ type: 'setNorm', layer: normIndices[1], feature: 3, frozen: true });
  });

  it('follows new frames without the learner touching anything', async () => {
    render(<ControlsPanel />);
    await show(frame);
    const lf = frame.layers.find((l) => l.index === normIndices[0])!;
    const moved: Frame = {
      ...frame,
      seq: frame.seq + 1,
      layers: frame.layers.map((l) => (l === lf ? { ...l, gamma: new Float32Array(l.width).fill(-2.25), frozen: true } : l)),
    };
    await show(moved);
    expect(slider('γ').getAttribute('aria-valuetext')).toBe('-2.25');
    expect((screen.getByRole('checkbox', { name: 'Freeze γ and β' }) as HTMLInputElement).checked).toBe(true);
    within(screen.getByRole('group', { name: 'γ and β' })).getByRole('slider', { name: 'β' });
  });
});
