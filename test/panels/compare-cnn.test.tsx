// @vitest-environment jsdom
// Compare on the CNN (arch=cnn), by role and name, with scripted workers: the CNN's own variant forms
// and names, variants edited for the MLP replaced when the lab switches to the CNN, and Start
// configuring each worker with the CNN and that variant's BatchNorm2d and conv-block dropout.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { ComparePanel } from '../../src/panels/compare/ComparePanel.tsx';
import { useCompare } from '../../src/store/compare.ts';
import { connectPort, useLab } from '../../src/store/lab.ts';
import type { LabConfig } from '../../src/protocol/config.ts';
import { scriptedFactory, type ScriptedWorker } from '../bridge/fakes.ts';
import { fixtureConfig } from '../fixtures/frames.ts';

const initialLab = useLab.getState();
const initialCompare = useCompare.getState();
const CNN = () => fixtureConfig('digits', { arch: 'cnn', conv: { layers: 2, channels: 6, bn: true, dropout: 'channel' }, net: { dropoutP: 0.3 } });

beforeEach(() => {
  connectPort({ send: () => undefined });
  useLab.setState({ config: fixtureConfig('circles') });
});

afterEach(() => {
  cleanup();
  connectPort(null);
  useLab.setState(initialLab, true);
  useCompare.setState(initialCompare, true);
});

function configureOf(w: ScriptedWorker): LabConfig {
  const c = w.commands.find((x) => x.type === 'configure');
  if (!c || c.type !== 'configure') throw new Error('no configure');
  return c.config;
}

describe('ComparePanel on the CNN', () => {
  it('replaces variants edited for the MLP with the CNN’s, and starts CNN workers with each variant’s BN2d and dropout', async () => {
    const { factory, workers } = scriptedFactory();
    render(<ComparePanel workerFactory={factory} />);
    // Edited for the MLP first.
    fireEvent.click(screen.getByRole('checkbox', { name: 'Dropout (variant A)' }));
    expect(useCompare.getState().edited).toBe(true);
    await act(async () => useLab.setState({ config: CNN() }));

    const names = screen.getAllByRole('group', { name: /^Variant [A-D]/ }).map((g) => g.querySelector('.compare-name')!.textContent);
    expect(names).toEqual(['Plain CNN', 'BN2d', 'BN2d + Dropout2d p = 0.3', 'BN2d + element dropout p = 0.3']);
    expect(screen.queryByRole('checkbox', { name: 'Dropout (variant A)' })).toBeNull();
    const a = screen.getByRole('group', { name: /^Variant A/ });
    fireEvent.change(within(a).getByRole('combobox', { name: 'Dropout in the conv blocks (variant A)' }), { target: { value: 'element' } });
    expect(within(a).getByRole('combobox', { name: 'BatchNorm2d (variant A)' })).toHaveProperty('value', 'none');

    fireEvent.click(screen.getByRole('button', { name: 'Start all' }));
    expect(workers).toHaveLength(4);
    const configs = workers.map(configureOf);
    expect(configs.map((c) => c.arch)).toEqual(['cnn', 'cnn', 'cnn', 'cnn']);
    expect(configs.map((c) => [c.conv.bn, c.conv.dropout])).toEqual([
      [false, 'element'],
      [true, 'none'],
      [true, 'channel'],
      [true, 'element'],
    ]);
    expect(configs.every((c) => c.net.dropoutP === 0.3 && c.conv.layers === 2 && c.conv.channels === 6)).toBe(true);
    expect(screen.getByTestId('compare-base').textContent).toContain('a CNN of 2 conv blocks × 6 channels');
  });
});
