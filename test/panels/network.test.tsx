// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { NetworkPanel } from '../../src/panels/network/NetworkPanel.tsx';
import { setFrame } from '../../src/store/frame.ts';
import { useLab } from '../../src/store/lab.ts';
import { formatNumber } from '../../src/i18n/index.ts';
import type { Frame, ReadyInfo } from '../../src/protocol/frame.ts';
import { fixtureConfig, makeFixture, nextFrame, type Fixture } from '../fixtures/frames.ts';
import { installFakeCanvas } from '../fixtures/canvas.ts';
import { showFrame } from '../fixtures/show.ts';
import { frameMatches } from '../../src/panels/network/structure.ts';

const initial = useLab.getState();
const canvasLog = installFakeCanvas();

afterEach(() => {
  cleanup();
  setFrame(null);
  useLab.setState(initial, true);
  canvasLog.reset();
});

/** The canvas paints on its own schedule (at most NET_HZ, on an animation frame): wait until it shows f. */
const show = async (f: Frame, ready?: ReadyInfo) => {
  await showFrame(f, ready);
  await waitFor(() => {
    const c = document.querySelector<HTMLCanvasElement>('canvas.network-canvas');
    if (c && frameMatches(useLab.getState().ready, f)) expect(c.dataset.step).toBe(String(f.step));
  });
};

/** Dropped units in batch row `row`, counted straight from the frame's dropout masks. */
function droppedInRow(f: Frame, row: number): { total: number; perLayer: { index: number; width: number; dropped: number }[] } {
  const perLayer = f.layers
    .filter((l) => l.type === 'dropout' && l.mask && (l.p ?? 0) > 0)
    .map((l) => {
      let dropped = 0;
      for (let j = 0; j < l.width; j++) if (l.mask![row * l.width + j] === 0) dropped++;
      return { index: l.index, width: l.width, dropped };
    });
  return { total: perLayer.reduce((s, l) => s + l.dropped, 0), perLayer };
}

let bn: Fixture;

beforeAll(() => {
  bn = makeFixture(fixtureConfig('circles', { net: { norm: ['batchnorm', 'none'], dropoutInput: true } }), { steps: 4 });
});

const canvasOf = () => screen.getByRole('img') as HTMLCanvasElement;

describe('NetworkPanel', () => {
  it('waits for the worker before drawing', () => {
    render(<NetworkPanel />);
    expect(screen.getByRole('heading', { name: 'Network' })).toBeTruthy();
    expect(screen.getByText(/appears once the training worker/)).toBeTruthy();
  });

  it('marks the units dropped this step, in the drawing, the unit buttons and the summary', async () => {
    render(<NetworkPanel />);
    await show(bn.frame, bn.ready);
    const expected = droppedInRow(bn.frame, 0);
    expect(expected.total).toBeGreaterThan(0);
    const canvas = canvasOf();
    expect(canvas.dataset.dropped).toBe(String(expected.total));
    // Every layer here is at most 24 wide, so every dropped unit is drawn with its ✕.
    expect(canvas.dataset.droppedShown).toBe(String(expected.total));
    expect(canvas.getAttribute('aria-label')).toContain(`${expected.total} units dropped`);
    expect(canvasLog.count('arc')).toBeGreaterThan(0);
    expect(screen.getAllByRole('button', { name: /dropped this step/ })).toHaveLength(expected.total);
    expect(screen.getByText(/dropped for one training example \(batch row 1\)/)).toBeTruthy();
    // One summary line per layer dropout acts on (input, hidden 1, hidden 2), with its own count.
    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      `Input: ${expected.perLayer[0].dropped} of 2 units dropped this step`,
      `Hidden 1: ${expected.perLayer[1].dropped} of 12 units dropped this step`,
      `Hidden 2: ${expected.perLayer[2].dropped} of 10 units dropped this step`,
    ]);
  });

  it('follows a new step: the marks change with the new mask', async () => {
    const fx = makeFixture(fixtureConfig('circles'), { steps: 1 });
    render(<NetworkPanel />);
    await show(fx.frame, fx.ready);
    const counts = [canvasOf().dataset.dropped];
    const masks = [droppedInRow(fx.frame, 0).total];
    for (let k = 0; k < 4; k++) {
      fx.session.current.trainStep();
      fx.session.touch(false);
      const f = nextFrame(fx.session);
      await show(f);
      counts.push(canvasOf().dataset.dropped);
      masks.push(droppedInRow(f, 0).total);
    }
    expect(counts).toEqual(masks.map(String));
    const labels = screen.getAllByRole('button', { name: /dropped this step/ }).length;
    expect(labels).toBe(masks[masks.length - 1]);
  });

  it('marks nothing in inference and says every unit is used', async () => {
    const fx = makeFixture(fixtureConfig('circles', { net: { dropoutInput: true } }), { steps: 3 });
    fx.session.setMode('inference');
    const f = nextFrame(fx.session);
    render(<NetworkPanel />);
    await show(f, fx.ready);
    const canvas = canvasOf();
    expect(canvas.dataset.dropped).toBe('0');
    expect(canvas.dataset.droppedShown).toBe('0');
    expect(canvas.getAttribute('aria-label')).toMatch(/inference mode: every unit is used/);
    expect(screen.getByText('Inference: every unit is used.')).toBeTruthy();
    expect(screen.queryAllByRole('button', { name: /dropped/ })).toHaveLength(0);
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('says nothing is dropped when dropout is off everywhere', async () => {
    const fx = makeFixture(fixtureConfig('circles', { net: { dropoutHidden: [false, false] } }), { steps: 2 });
    render(<NetworkPanel />);
    await show(fx.frame, fx.ready);
    expect(canvasOf().dataset.dropped).toBe('0');
    expect(screen.getByText(/dropout is switched off everywhere/)).toBeTruthy();
  });

  it('opens the inspector on click with the activation, the step mask and BN statistics', async () => {
    render(<NetworkPanel />);
    await show(bn.frame, bn.ready);
    const region = screen.getByRole('region', { name: 'Unit inspector' });
    expect(within(region).getByText(/Click or tap a unit/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /^Hidden 1, unit 3\b/ }));
    const f = bn.frame;
    const relu = f.layers.find((l) => l.type === 'relu')!;
    const bnl = f.layers.find((l) => l.type === 'batchnorm')!;
    const drop = f.layers[relu.index + 1];
    const dd = (term: string) => within(region).getByText(term).nextElementSibling?.textContent;
    expect(within(region).getByText('Hidden 1, unit 3')).toBeTruthy();
    expect(dd('Activation for input 1')).toBe(formatNumber('en', relu.probe[2], 4));
    expect(dd('This step')).toBe(drop.mask![2] === 0 ? 'Dropped (for batch row 1)' : 'Kept (for batch row 1)');
    expect(dd('Batch mean')).toBe(formatNumber('en', bnl.batchMean![2], 4));
    expect(dd('Batch variance')).toBe(formatNumber('en', bnl.batchVar![2], 4));
    expect(dd('Running mean')).toBe(formatNumber('en', bnl.runningMean![2], 4));
    expect(dd('Running variance')).toBe(formatNumber('en', bnl.runningVar![2], 4));
    expect(dd('γ (scale)')).toBe(formatNumber('en', bnl.gamma![2], 4));
    expect(dd('β (shift)')).toBe(formatNumber('en', bnl.beta![2], 4));
    // Running and batch statistics are different things after a few steps with momentum 0.1.
    expect(bnl.runningMean![2]).not.toBeCloseTo(bnl.batchMean![2], 6);

    // Another input changes the activation shown and which batch row's mask is read.
    fireEvent.change(screen.getByRole('combobox', { name: 'Colour by input' }), { target: { value: '4' } });
    expect(dd('Activation for input 5')).toBe(formatNumber('en', relu.probe[4 * relu.width + 2], 4));
    expect(dd('This step')).toBe(drop.mask![4 * drop.width + 2] === 0 ? 'Dropped (for batch row 5)' : 'Kept (for batch row 5)');
    expect(canvasOf().dataset.dropped).toBe(String(droppedInRow(f, 4).total));

    fireEvent.click(within(region).getByRole('button', { name: 'Next unit' }));
    expect(within(region).getByText('Hidden 1, unit 4')).toBeTruthy();
    fireEvent.click(within(region).getByRole('button', { name: 'Close inspector' }));
    expect(within(region).getByText(/Click or tap a unit/)).toBeTruthy();
  });

  it('is usable by keyboard: one tab stop, arrows move, Enter opens the inspector', async () => {
    render(<NetworkPanel />);
    await show(bn.frame, bn.ready);
    const group = screen.getByRole('group', { name: /Units of the network/ });
    const tabbable = within(group).getAllByRole('button').filter((b) => b.tabIndex === 0);
    expect(tabbable).toHaveLength(1);
    const first = tabbable[0];
    expect(first.getAttribute('aria-label')).toMatch(/^Input, unit 1/);
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^Hidden 1, unit 3/);
    expect((document.activeElement as HTMLElement).tabIndex).toBe(0);
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    const region = screen.getByRole('region', { name: 'Unit inspector' });
    expect(within(region).getByText('Hidden 1, unit 3')).toBeTruthy();
    expect(document.activeElement?.getAttribute('aria-pressed')).toBe('true');
    // Output units of a classifier are named by class (0-based, like the labels).
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^Output \(class 1\), unit 2/);
  });

  it('caps wide layers at 24 drawn units with a "+N more" marker but counts every unit', async () => {
    const fx = makeFixture(fixtureConfig('circles', { net: { hidden: [40], norm: ['none'], dropoutHidden: [true] } }), { steps: 2 });
    render(<NetworkPanel />);
    await show(fx.frame, fx.ready);
    const buttons = screen.getAllByRole('button', { name: /^Hidden 1, unit/ });
    expect(buttons).toHaveLength(24);
    const expected = droppedInRow(fx.frame, 0);
    expect(canvasOf().dataset.dropped).toBe(String(expected.total));
    expect(screen.getByText(`Hidden 1: ${expected.total} of 40 units dropped this step`)).toBeTruthy();
    expect(canvasLog.count('fillText')).toBeGreaterThan(0);
  });

  it('speaks Korean', async () => {
    render(<NetworkPanel />);
    await show(bn.frame, bn.ready);
    await act(async () => useLab.setState({ lang: 'ko' }));
    expect(screen.getByRole('heading', { name: '네트워크' })).toBeTruthy();
    expect(screen.getByRole('region', { name: '유닛 살펴보기' })).toBeTruthy();
    expect(screen.getAllByText(/이번 스텝에서 드롭됨/).length).toBeGreaterThan(0);
  });
});
