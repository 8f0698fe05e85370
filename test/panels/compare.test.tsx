// @vitest-environment jsdom
// The Compare panel by role and name. Workers are fakes: scripted ones that record commands and say
// what the test writes (frames from a real Session with crafted histories), and, last, in-process
// workers running the real session loop.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { ComparePanel } from '../../src/panels/compare/ComparePanel.tsx';
import { useCompare } from '../../src/store/compare.ts';
import { connectPort, useLab } from '../../src/store/lab.ts';
import type { Command } from '../../src/protocol/messages.ts';
import type { LabConfig } from '../../src/protocol/config.ts';
import type { Frame, History, Metrics, ReadyInfo } from '../../src/protocol/frame.ts';
import type { WorkerFactory } from '../../src/bridge/bridge.ts';
import { scriptedFactory, InProcessWorker, type ScriptedWorker } from '../bridge/fakes.ts';
import { fixtureConfig, makeFixture } from '../fixtures/frames.ts';
import { makeHistory } from '../compare/history.ts';

const initialLab = useLab.getState();
const initialCompare = useCompare.getState();
let labSent: Command[] = [];
let fixture: { ready: ReadyInfo; frame: Frame };

beforeAll(() => {
  fixture = makeFixture(fixtureConfig('circles'), { steps: 2 });
});

beforeEach(() => {
  labSent = [];
  connectPort({ send: (cmd) => labSent.push(cmd) });
  useLab.setState({ config: fixtureConfig('circles') });
});

afterEach(() => {
  cleanup();
  connectPort(null);
  useLab.setState(initialLab, true);
  useCompare.setState(initialCompare, true);
});

/** Lets the panel's throttled read of the workers' reports pass. */
async function settle(ms = 160) {
  await act(async () => {
    await new Promise((r) => setTimeout(r, ms));
  });
}

const startButton = () => screen.getByRole('button', { name: 'Start all' });

function configureOf(w: ScriptedWorker): LabConfig {
  const c = w.commands.find((x) => x.type === 'configure');
  if (!c || c.type !== 'configure') throw new Error('no configure');
  return c.config;
}

let seq = 100;
function frameWith(ready: ReadyInfo, history: History, metrics: Metrics, stepsPerSecond: number): Frame {
  const step = history.step[history.step.length - 1];
  return { ...fixture.frame, seq: ++seq, runId: ready.runId, rev: 1e6, step, history, metrics, stepsPerSecond, playing: true };
}

function resultRow(letter: string): string[] {
  const table = screen.getByRole('table');
  const row = within(table)
    .getAllByRole('row')
    .find((r) => within(r).queryByRole('rowheader')?.textContent?.includes(letter + ' '));
  if (!row) throw new Error(`no row ${letter}`);
  return within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent ?? '');
}

describe('ComparePanel', () => {
  it('offers the four standard variants and starts no worker before Start', () => {
    const { factory, workers } = scriptedFactory();
    render(<ComparePanel workerFactory={factory} />);
    expect(screen.getByRole('heading', { name: 'Compare' })).toBeTruthy();
    const groups = ['A', 'B', 'C', 'D'].map((l) => screen.getByRole('group', { name: new RegExp(`^Variant ${l}`) }));
    // Dropout p from the lab (0.4 in the fixture config); BN on every hidden layer in C and D.
    expect((within(groups[1]).getByRole('checkbox', { name: 'Dropout (variant B)' }) as HTMLInputElement).checked).toBe(true);
    expect((within(groups[1]).getByRole('combobox', { name: 'p (drop probability) (variant B)' }) as HTMLSelectElement).value).toBe('0.4');
    expect((within(groups[2]).getByRole('combobox', { name: 'Normalization (variant C)' }) as HTMLSelectElement).value).toBe('batchnorm');
    expect((within(groups[0]).getByRole('checkbox', { name: 'Dropout (variant A)' }) as HTMLInputElement).checked).toBe(false);
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(5);
    expect(screen.getByText(/same initial weights for the linear layers/)).toBeTruthy();
    expect(workers).toHaveLength(0);
    expect(screen.getByRole('button', { name: 'Reset all' }).hasAttribute('disabled')).toBe(true);
  });

  it('Start configures and plays one worker per variant from the lab’s settings, and pauses the lab', () => {
    useLab.setState({ playing: true });
    const { factory, workers } = scriptedFactory();
    render(<ComparePanel workerFactory={factory} />);
    fireEvent.click(startButton());
    expect(workers).toHaveLength(4);
    for (const w of workers) expect(w.commands.map((c) => c.type)).toEqual(['configure', 'play']);
    const lab = useLab.getState().config;
    const configs = workers.map(configureOf);
    expect(configs.map((c) => [c.net.norm, c.net.dropoutHidden])).toEqual([
      [['none', 'none'], [false, false]],
      [['none', 'none'], [true, true]],
      [['batchnorm', 'batchnorm'], [false, false]],
      [['batchnorm', 'batchnorm'], [true, true]],
    ]);
    for (const c of configs) expect([c.seed, c.data, c.train, c.net.hidden]).toEqual([lab.seed, lab.data, lab.train, lab.net.hidden]);
    expect(configs[1].net.dropoutP).toBe(lab.net.dropoutP);
    expect(useLab.getState().playing).toBe(false);
    expect(labSent).toContainEqual({ type: 'pause' });
    expect(screen.getByRole('button', { name: 'Pause all' })).toBeTruthy();
    expect(screen.getByTestId('compare-base').textContent).toContain('Circles');

    fireEvent.click(screen.getByRole('button', { name: 'Pause all' }));
    for (const w of workers) expect(w.commands.at(-1)?.type).toBe('pause');
    fireEvent.click(startButton());
    // Paused variants resume in their own workers: no new ones.
    expect(workers).toHaveLength(4);
    for (const w of workers) expect(w.commands.at(-1)?.type).toBe('play');
  });

  it('fills the table from each variant’s own history', async () => {
    const { factory, workers } = scriptedFactory();
    render(<ComparePanel workerFactory={factory} />);
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Target training loss' }), { target: { value: '0.5' } });
    fireEvent.click(startButton());
    const ready = fixture.ready;
    const hA = makeHistory([
      { step: 0, train: 2, test: 2, trainAcc: 0.5, testAcc: 0.5 },
      { step: 10, train: 1, test: 1.25, trainAcc: 0.7, testAcc: 0.625 },
      { step: 20, train: 0.5, test: 1, trainAcc: 0.8, testAcc: 0.75 },
      { step: 30, train: 0.25, test: 1.5, trainAcc: 0.9, testAcc: 0.6875 },
    ]);
    const hB = makeHistory([
      { step: 0, train: 2, test: 2, trainAcc: 0.5, testAcc: 0.5 },
      { step: 10, train: 0.875, test: 0.9375, trainAcc: 0.6, testAcc: 0.8125 },
      { step: 20, train: 0.625, test: 0.75, trainAcc: 0.7, testAcc: 0.8 },
    ]);
    await act(async () => {
      workers.forEach((w) => w.say({ type: 'ready', info: ready }));
      workers[0].say({ type: 'frame', frame: frameWith(ready, hA, { step: 30, trainLoss: 0.25, testLoss: 1.5, trainAcc: 0.9, testAcc: 0.6875 }, 250) });
      workers[1].say({ type: 'frame', frame: frameWith(ready, hB, { step: 20, trainLoss: 0.625, testLoss: 0.75, trainAcc: 0.7, testAcc: 0.8 }, 125) });
      workers[2].say({ type: 'diverged', step: 17, loss: NaN });
    });
    await settle();
    // [steps to target, best test accuracy, final gap, time per step, diverged, steps trained]
    expect(resultRow('A')).toEqual(['20', '75 %', '1.25', '4 ms', 'no', '30']);
    expect(resultRow('B')).toEqual(['not yet', '81.3 %', '0.125', '8 ms', 'no', '20']);
    expect(resultRow('C')[4]).toBe('yes, at step 17');
    expect(resultRow('D')[0]).toBe('not yet');
    expect(screen.getByRole('columnheader', { name: 'Steps to train loss ≤ 0.5' })).toBeTruthy();

    // Raising the target: B reached 0.875 at step 10; A's 1 at step 10 is still above it.
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Target training loss' }), { target: { value: '0.9' } });
    await settle();
    expect(resultRow('A')[0]).toBe('20');
    expect(resultRow('B')[0]).toBe('10');

    const summary = screen.getByTestId('compare-summary').textContent ?? '';
    expect(summary).toContain('Variant A, no regularization: step 30');
    expect(summary).toContain('First to reach train loss 0.9: variant B at step 10.');
    expect(summary).toContain('Smallest gap now: variant B.');
    expect(summary).toContain('Variant C diverged at step 17 and stopped.');

    // The chart draws every variant that has a history: a train and a test line each.
    for (const l of ['A', 'B']) {
      expect(screen.getByTestId(`compare-train-${l}`).getAttribute('d')).toMatch(/^M/);
      expect(screen.getByTestId(`compare-test-${l}`).getAttribute('d')).toMatch(/^M/);
    }
    expect(screen.queryByTestId('compare-train-C')).toBeNull();
    // Test lines differ in dash pattern, not only in colour.
    expect(screen.getByTestId('compare-test-A').getAttribute('stroke-dasharray')).not.toBe(screen.getByTestId('compare-test-B').getAttribute('stroke-dasharray'));
  });

  it('reads regression runs by their best test loss', async () => {
    const { factory, workers } = scriptedFactory();
    render(<ComparePanel workerFactory={factory} />);
    fireEvent.click(startButton());
    const ready: ReadyInfo = { ...fixture.ready, data: { ...fixture.ready.data, kind: 'regression' } };
    const h = makeHistory([
      { step: 0, train: 1, test: 1.5 },
      { step: 10, train: 0.5, test: 0.625 },
      { step: 20, train: 0.25, test: 0.75 },
    ]);
    await act(async () => {
      workers[0].say({ type: 'ready', info: ready });
      workers[0].say({ type: 'frame', frame: frameWith(ready, h, { step: 20, trainLoss: 0.25, testLoss: 0.75, trainAcc: NaN, testAcc: NaN }, 0) });
    });
    await settle();
    expect(screen.getByRole('columnheader', { name: 'Best test loss' })).toBeTruthy();
    // [steps to target 0.3, best test loss, gap, time (no rate measured yet), …]
    expect(resultRow('A').slice(0, 4)).toEqual(['20', '0.625', '0.5', '—']);
    expect(screen.queryByRole('radio', { name: 'Accuracy' })).toBeNull();
  });

  it('Reset all rebuilds every variant from the lab’s current settings', () => {
    const { factory, workers } = scriptedFactory();
    render(<ComparePanel workerFactory={factory} />);
    fireEvent.click(startButton());
    act(() => useLab.setState({ config: { ...useLab.getState().config, seed: 99 } }));
    expect(screen.getByTestId('compare-base').textContent).toContain('have changed');
    fireEvent.click(screen.getByRole('button', { name: 'Reset all' }));
    for (const w of workers) {
      const configures = w.commands.filter((c) => c.type === 'configure');
      expect(configures).toHaveLength(2);
      expect(configures[1].type === 'configure' && configures[1].config.seed).toBe(99);
    }
    expect(screen.getByTestId('compare-base').textContent).toContain('seed 99');
    expect(screen.getByTestId('compare-base').textContent).not.toContain('have changed');
  });

  it('shows why a variant could not run', async () => {
    const { factory, workers } = scriptedFactory();
    render(<ComparePanel workerFactory={factory} />);
    fireEvent.click(startButton());
    await act(async () => {
      workers[2].say({ type: 'error', code: 'bn_batch_one', message: 'batchnorm: a batch of one', recoverable: false, command: 'configure', rev: 1 });
      workers[2].say({ type: 'error', code: 'not_configured', message: 'no configuration yet', recoverable: false, command: 'play', rev: 2 });
      workers[3].say({ type: 'error', code: 'internal', message: 'out of memory', recoverable: false });
    });
    await settle();
    const header = (l: string) => within(screen.getByRole('table')).getByRole('rowheader', { name: new RegExp(`^${l} `) }).textContent;
    expect(header('C')).toContain('BatchNorm needs a batch of at least 2');
    expect(header('D')).toContain('Could not run: out of memory');
    expect(header('A')).not.toContain('Could not run');
  });

  it('disposes every worker when the panel goes away', () => {
    const { factory, workers } = scriptedFactory();
    const { unmount } = render(<ComparePanel workerFactory={factory} />);
    fireEvent.click(startButton());
    expect(workers.map((w) => w.terminated)).toEqual([false, false, false, false]);
    unmount();
    expect(workers.map((w) => w.terminated)).toEqual([true, true, true, true]);
    expect(useCompare.getState().status).toBe('idle');
  });

  it('pauses when the lab starts training again', () => {
    const { factory, workers } = scriptedFactory();
    render(<ComparePanel workerFactory={factory} />);
    fireEvent.click(startButton());
    act(() => useLab.getState().play());
    for (const w of workers) expect(w.commands.at(-1)?.type).toBe('pause');
    expect(startButton()).toBeTruthy();
  });

  it('restarts only the variant that was changed, and adds and removes workers with variants', () => {
    const { factory, workers } = scriptedFactory();
    render(<ComparePanel workerFactory={factory} />);
    fireEvent.click(startButton());
    const counts = () => workers.map((w) => w.commands.filter((c) => c.type === 'configure').length);
    fireEvent.change(screen.getByRole('combobox', { name: 'Normalization (variant A)' }), { target: { value: 'layernorm' } });
    expect(counts()).toEqual([2, 1, 1, 1]);
    expect(configureOf({ commands: workers[0].commands.slice(2) } as ScriptedWorker).net.norm).toEqual(['layernorm', 'layernorm']);
    expect(screen.getByRole('group', { name: /^Variant A/ }).textContent).toContain('LayerNorm');

    fireEvent.click(screen.getByRole('button', { name: 'Remove variant D' }));
    expect(workers[3].terminated).toBe(true);
    expect(screen.queryByRole('group', { name: /^Variant D/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Add variant' }));
    expect(workers).toHaveLength(5);
    expect(workers[4].commands.map((c) => c.type)).toEqual(['configure', 'play']);
    // The first standard variant missing comes back: "none" (A became LayerNorm, D was removed).
    expect([configureOf(workers[4]).net.norm[0], configureOf(workers[4]).net.dropoutHidden[0]]).toEqual(['none', false]);
    expect(screen.getByRole('button', { name: 'Add variant' }).hasAttribute('disabled')).toBe(true);
  });

  it('says the same in Korean', () => {
    useLab.setState({ lang: 'ko' });
    const { factory } = scriptedFactory();
    render(<ComparePanel workerFactory={factory} />);
    expect(screen.getByRole('heading', { name: '비교' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '모두 시작' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: '드롭아웃 (변형 B)' })).toBeTruthy();
  });

  it('trains four real sessions side by side (in-process workers)', async () => {
    useLab.setState({ config: fixtureConfig('circles', { train: { batchSize: 16 } }) });
    const made: InProcessWorker[] = [];
    const factory: WorkerFactory = (h) => {
      const w = new InProcessWorker(h);
      made.push(w);
      return w;
    };
    const { unmount } = render(<ComparePanel workerFactory={factory} />);
    fireEvent.click(startButton());
    const trained = () => ['A', 'B', 'C', 'D'].map((l) => Number(resultRow(l)[5].replace(/,/g, '')));
    for (let i = 0; i < 60 && !trained().every((n) => n >= 20); i++) await settle(100);
    expect(trained().every((n) => n >= 20)).toBe(true);
    for (const l of ['A', 'B', 'C', 'D']) {
      const [, best, gap, time] = resultRow(l);
      expect(best, l).toMatch(/%$/);
      expect(Number.isFinite(Number(gap)), l).toBe(true);
      expect(time, l).toMatch(/ms$/);
    }
    unmount();
    expect(made.every((w) => !w.runner.active)).toBe(true);
  });
});

describe('ComparePanel stopping at a chosen step', () => {
  it('sends each variant exactly the steps to the stop and pauses once all are there', async () => {
    const made: InProcessWorker[] = [];
    const factory: WorkerFactory = (h) => {
      const w = new InProcessWorker(h);
      made.push(w);
      return w;
    };
    const { unmount } = render(<ComparePanel workerFactory={factory} />);
    const field = screen.getByRole('spinbutton', { name: 'Stop at step' });
    fireEvent.change(field, { target: { value: '25' } });
    expect(useCompare.getState().stopAt).toBe(25);
    fireEvent.click(startButton());
    const trained = () => ['A', 'B', 'C', 'D'].map((l) => Number(resultRow(l)[5].replace(/,/g, '')));
    for (let i = 0; i < 80 && useCompare.getState().status === 'running'; i++) await settle(100);
    expect(useCompare.getState().status).toBe('paused');
    await settle(300);
    expect(trained()).toEqual([25, 25, 25, 25]);
    // Start again: already there, nothing more runs.
    fireEvent.click(screen.getByRole('button', { name: 'Start all' }));
    await settle(300);
    expect(trained()).toEqual([25, 25, 25, 25]);
    // An empty field means no stop.
    fireEvent.change(field, { target: { value: '' } });
    expect(useCompare.getState().stopAt).toBeNull();
    unmount();
  });
});
