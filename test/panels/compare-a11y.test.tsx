// @vitest-environment jsdom
// axe-core over the Compare panel in both languages, idle and with results in the table and chart.
// Colour contrast needs a real renderer and is left out here.
import { act, cleanup, render, screen } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { ComparePanel } from '../../src/panels/compare/ComparePanel.tsx';
import { useCompare } from '../../src/store/compare.ts';
import { useLab } from '../../src/store/lab.ts';
import type { Lang } from '../../src/i18n/index.ts';
import { scriptedFactory } from '../bridge/fakes.ts';
import { fixtureConfig, makeFixture, trainFor } from '../fixtures/frames.ts';

const initialLab = useLab.getState();
const initialCompare = useCompare.getState();

afterEach(() => {
  cleanup();
  useLab.setState(initialLab, true);
  useCompare.setState(initialCompare, true);
});

async function violations(container: HTMLElement): Promise<string[]> {
  const res = await axe.run(container, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return res.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.each<Lang>(['en', 'ko'])('Compare panel accessibility (%s)', (lang) => {
  it('passes axe idle and with results', async () => {
    useLab.setState({ lang, config: fixtureConfig('circles') });
    const { factory, workers } = scriptedFactory();
    const view = render(<ComparePanel workerFactory={factory} />);
    expect(await violations(view.container)).toEqual([]);

    act(() => screen.getAllByRole('button')[0].click());
    expect(workers).toHaveLength(4);
    const fx = makeFixture(fixtureConfig('circles'), { steps: 0 });
    const frame = trainFor(fx.session, 40, 5);
    await act(async () => {
      for (const w of workers) {
        w.say({ type: 'ready', info: fx.ready });
        w.say({ type: 'frame', frame: { ...frame, rev: 1e6 } });
      }
      await new Promise((r) => setTimeout(r, 160));
    });
    expect(screen.getAllByRole('row')).toHaveLength(5);
    expect(view.container.querySelector('.compare-chart')).not.toBeNull();
    expect(await violations(view.container)).toEqual([]);
  });
});
