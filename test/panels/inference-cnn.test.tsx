// @vitest-environment jsdom
// The Inference lab on the CNN, by role, fed with a report the worker's own inspect() computed on a
// real CNN run: conv blocks in the modes table, every class of the chosen digit, channels knocked out,
// BatchNorm2d one image at a time — and the requests it sends (probe, block, channel).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { InferencePanel } from '../../src/panels/inference/InferencePanel.tsx';
import { SETTLE_MS } from '../../src/panels/inference/useAutoInspect.ts';
import { DEFAULT_KNOCKOUT, setInspection, useInspection } from '../../src/store/inspection.ts';
import { connectPort, useLab } from '../../src/store/lab.ts';
import { formatNumber } from '../../src/i18n/index.ts';
import { inspect } from '../../src/worker/inspect.ts';
import type { Command } from '../../src/protocol/messages.ts';
import { fixtureConfig, makeFixture } from '../fixtures/frames.ts';

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
  useInspection.setState({ report: null, received: 0, knockout: DEFAULT_KNOCKOUT, mcProbe: 0 });
  useLab.setState(initial, true);
});

const inspects = () => sent.filter((c): c is Extract<Command, { type: 'inspect' }> => c.type === 'inspect');
const pctText = (v: number) => `${formatNumber('en', v * 100, 3)} %`;

describe('InferencePanel on the CNN', () => {
  it('shows the CNN’s own figures and asks for the digit, block and channel chosen', async () => {
    const fx = makeFixture(fixtureConfig('digits', { arch: 'cnn', conv: { layers: 2, channels: 6, bn: true, dropout: 'channel' }, net: { dropoutP: 0.3 } }), { steps: 60 });
    const report = inspect(fx.session.current, 10, undefined, undefined, { hidden: 1, fraction: 0, unit: 2 }, 0);
    useInspection.setState({ knockout: { hidden: 1, fraction: 0.5, unit: 2 } });
    await act(async () => {
      useLab.setState({ ready: fx.ready, config: fx.ready.config, teach: fx.ready.teach });
    });
    render(<InferencePanel />);
    await act(async () => setInspection(report));

    // Training vs inference names the conv blocks' layers.
    const modes = screen.getByRole('region', { name: 'Training vs inference' });
    expect(within(modes).getByRole('rowheader', { name: 'Block 1: conv' })).toBeTruthy();
    expect(within(modes).getByRole('rowheader', { name: 'Block 2: Dropout2d (p = 0.3)' })).toBeTruthy();

    // Every class of the chosen digit, the numbers the worker measured.
    const d = report.mc!.digit!;
    const digit = screen.getByRole('table', { name: /Every class for test image 1/ });
    const rows = within(digit).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(10);
    rows.forEach((r, c) => expect(r.textContent).toContain(formatNumber('en', d.mean[c], 3)));

    // One channel knocked out.
    const ko = screen.getByRole('region', { name: 'Knock out channels' });
    expect(within(ko).getByRole('row', { name: /^Channel 3 set to 0/ }).textContent).toContain(pctText(report.knockout!.knocked.acc));
    expect(within(ko).queryByRole('slider')).toBeNull(); // no fraction for one chosen channel

    // BatchNorm2d at inference, one image at a time.
    const bn = screen.getByRole('region', { name: 'BatchNorm2d at inference' });
    expect(within(bn).getByRole('row', { name: /One image at a time/ }).textContent).toContain(pctText(report.bn2d!.batchOfOne.acc));
    expect(screen.queryByRole('region', { name: 'BatchNorm at inference' })).toBeNull();

    // The requests: another digit, then a random fraction of block 1's channels.
    vi.useFakeTimers();
    fireEvent.change(screen.getByRole('combobox', { name: 'Digit for every class' }), { target: { value: '4' } });
    await act(async () => vi.advanceTimersByTime(SETTLE_MS + 10));
    expect(inspects().at(-1)).toMatchObject({ probe: 4, knockout: { hidden: 1, unit: 2 } });
    fireEvent.change(within(ko).getByRole('combobox', { name: 'Channels' }), { target: { value: '-1' } });
    fireEvent.change(within(ko).getByRole('combobox', { name: 'Conv block' }), { target: { value: '0' } });
    await act(async () => vi.advanceTimersByTime(SETTLE_MS + 10));
    const last = inspects().at(-1)!;
    expect(last.knockout).toEqual({ hidden: 0, fraction: 0.5 });
    expect(last.probe).toBe(4);
  });
});
