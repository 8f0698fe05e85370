// @vitest-environment jsdom
// The code panel: PyTorch / Keras tabs for the model in the store, updated on every change, with a
// copy button (Clipboard API, then the select-and-copy fallback) and a visible confirmation.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CodePanel, modelInfo } from '../../src/panels/code/CodePanel.tsx';
import { useLab, type LabStore } from '../../src/store/lab.ts';
import { DEFAULT_CONFIG, type LabConfig } from '../../src/protocol/config.ts';
import { GUIDE_MODEL, MC_DROPOUT, LAYERNORM, setup, type FullSetup } from '../../src/lessons/setups.ts';
import type { ReadyInfo } from '../../src/protocol/frame.ts';

const initialLab: LabStore = useLab.getState();
const configOf = (s: FullSetup): LabConfig => ({ data: s.patch.data, net: s.patch.net, arch: 'mlp' as const, conv: DEFAULT_CONFIG.conv, train: s.patch.train, seed: s.seed });
const code = () => screen.getByRole('tabpanel').querySelector('code')!.textContent ?? '';
const setConfig = (config: LabConfig) => act(() => useLab.setState({ config }));

function setClipboard(writeText: ((s: string) => Promise<void>) | undefined) {
  Object.defineProperty(navigator, 'clipboard', { value: writeText ? { writeText } : undefined, configurable: true });
}

beforeEach(() => useLab.setState({ ...initialLab, lang: 'en' }, true));
afterEach(() => {
  cleanup();
  setClipboard(undefined);
  useLab.setState(initialLab, true);
  vi.useRealTimers();
});

describe('code panel', () => {
  it('shows PyTorch code for the current model, and Keras code on the other tab', () => {
    render(<CodePanel />);
    const pt = screen.getByRole('tab', { name: 'PyTorch' });
    expect(pt.getAttribute('aria-selected')).toBe('true');
    expect(code()).toContain('nn.Sequential(');
    expect(code()).toContain('nn.Linear(2, 32)');
    expect(screen.getByRole('tabpanel', { name: 'PyTorch' })).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Keras' }));
    expect(screen.getByRole('tab', { name: 'Keras' }).getAttribute('aria-selected')).toBe('true');
    expect(code()).toMatch(/layers\.Dense\(32\b/);
    expect(code()).not.toContain('nn.Sequential(');
  });

  it('in Korean, says why the code\'s comments stay in English (and the English page does not)', () => {
    render(<CodePanel />);
    expect(screen.queryByText(/comments in the code stay in English/)).toBeNull();
    act(() => useLab.setState({ lang: 'ko' }));
    expect(screen.getByText(/주석은 한국어 화면에서도 영어로 둡니다/)).toBeTruthy();
    expect(code()).toMatch(/# [A-Za-z]/);
  });

  it('moves between tabs with the arrow keys', () => {
    render(<CodePanel />);
    const pt = screen.getByRole('tab', { name: 'PyTorch' });
    pt.focus();
    fireEvent.keyDown(pt, { key: 'ArrowRight' });
    const keras = screen.getByRole('tab', { name: 'Keras' });
    expect(keras.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(keras);
    fireEvent.keyDown(keras, { key: 'ArrowLeft' });
    expect(pt.getAttribute('aria-selected')).toBe('true');
  });

  it('follows every change of the model, with the momentum conversion for Keras', () => {
    render(<CodePanel />);
    setConfig(configOf(GUIDE_MODEL));
    expect(code()).toContain('nn.Linear(64, 256)');
    expect(code()).toMatch(/nn\.BatchNorm1d\(256, eps=1e-05, momentum=0\.1\)/);
    expect(code()).toContain('nn.Dropout(p=0.5)');
    expect(code()).toContain('nn.Linear(256, 10)');
    expect(screen.getByText(/PyTorch momentum 0\.1 is Keras momentum 0\.9/)).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Keras' }));
    expect(code()).toMatch(/BatchNormalization\([^)]*momentum=0\.9\b/);
    expect(code()).toMatch(/Dropout\(0\.5\)|Dropout\(rate=0\.5\)/);
    // A live change (p) shows at once.
    setConfig({ ...configOf(GUIDE_MODEL), net: { ...GUIDE_MODEL.patch.net, dropoutP: 0.2, bnMomentum: 0.05 } });
    expect(code()).toMatch(/Dropout\((rate=)?0\.2\)/);
    expect(code()).toMatch(/momentum=0\.95\b/);
  });

  it('writes regression, LayerNorm and dropout-free models too', () => {
    render(<CodePanel />);
    setConfig(configOf(MC_DROPOUT));
    expect(code()).toContain('nn.Linear(1, 64)');
    expect(code()).toContain('nn.MSELoss()');
    setConfig(configOf(LAYERNORM));
    expect(code()).toMatch(/nn\.LayerNorm\(32, eps=1e-05\)/);
    expect(code()).not.toMatch(/nn\.Dropout\(p=/);
    expect(screen.queryByText(/Keras momentum/)).toBeNull(); // no BN, no momentum note
  });

  it('takes the input and output sizes from the built data when the worker has reported it', () => {
    const config = configOf(setup({ data: { name: 'digits' } }));
    expect(modelInfo(config, null)).toEqual({ inputDim: 64, classes: 10, kind: 'classification' });
    const ready = { data: { name: 'digits', inputDim: 64, classes: 10, kind: 'classification' } } as ReadyInfo;
    expect(modelInfo(config, ready)).toEqual({ inputDim: 64, classes: 10, kind: 'classification' });
    // Data of another set (the worker has not rebuilt yet): the config decides.
    expect(modelInfo(DEFAULT_CONFIG, ready)).toEqual({ inputDim: 2, classes: 2, kind: 'classification' });
  });

  it('says so when a network cannot be written', () => {
    render(<CodePanel />);
    setConfig({ ...DEFAULT_CONFIG, net: { ...DEFAULT_CONFIG.net, norm: ['none'] } });
    expect(screen.getByText(/cannot be written as code yet/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy code' }).hasAttribute('disabled')).toBe(true);
  });
});

describe('copying', () => {
  it('copies the shown code with the Clipboard API and confirms visibly, then the confirmation fades', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    setClipboard(writeText);
    render(<CodePanel />);
    fireEvent.click(screen.getByRole('tab', { name: 'Keras' }));
    fireEvent.click(screen.getByRole('button', { name: 'Copy code' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Copied'));
    expect(writeText).toHaveBeenCalledWith(code());
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(''), { timeout: 4000 });
  });

  it('falls back to select-and-copy where the Clipboard API is missing or refused', async () => {
    const exec = vi.fn(() => true);
    Object.defineProperty(document, 'execCommand', { value: exec, configurable: true });
    setClipboard(undefined);
    render(<CodePanel />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy code' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Copied'));
    expect(exec).toHaveBeenCalledWith('copy');
    expect(document.querySelector('textarea')).toBeNull(); // the helper is removed again

    setClipboard(() => Promise.reject(new Error('denied')));
    exec.mockReturnValue(false);
    fireEvent.click(screen.getByRole('button', { name: 'Copy code' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/Could not copy/));
  });

  it('speaks Korean', async () => {
    setClipboard(vi.fn(() => Promise.resolve()));
    useLab.setState({ lang: 'ko' });
    render(<CodePanel />);
    expect(screen.getByRole('heading', { name: '내 모델을 코드로' })).toBeTruthy();
    expect(screen.getByRole('tablist', { name: '프레임워크' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '코드 복사' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('복사했습니다'));
  });
});
