// @vitest-environment jsdom
// axe-core over the Inference lab in both languages, with every section filled (dropout, BN, LN) and
// with the "nothing to show" variants. Colour contrast needs a real renderer and is left out here.
import { act, cleanup, render } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { InferencePanel } from '../../src/panels/inference/InferencePanel.tsx';
import { DEFAULT_KNOCKOUT, setInspection, useInspection } from '../../src/store/inspection.ts';
import { connectPort, useLab } from '../../src/store/lab.ts';
import { inspect } from '../../src/worker/inspect.ts';
import type { Lang } from '../../src/i18n/index.ts';
import type { ConfigPatch } from '../../src/protocol/messages.ts';
import { fixtureConfig, makeFixture } from '../fixtures/frames.ts';

const initialLab = useLab.getState();

afterEach(() => {
  cleanup();
  connectPort(null);
  useInspection.setState({ report: null, received: 0, knockout: DEFAULT_KNOCKOUT, mcProbe: 0 });
  useLab.setState(initialLab, true);
});

async function violations(container: HTMLElement): Promise<string[]> {
  const res = await axe.run(container, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return res.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const variants: [string, ConfigPatch][] = [
  ['dropout and BN', { net: { norm: ['batchnorm', 'none'] } }],
  ['LN, no dropout', { net: { norm: ['layernorm', 'layernorm'], dropoutHidden: [false, false] } }],
];

describe.each<Lang>(['en', 'ko'])('Inference lab accessibility (%s)', (lang) => {
  it.each(variants)('passes axe: %s', async (_name, patch) => {
    connectPort({ send: () => {} });
    const fx = makeFixture(fixtureConfig('circles', patch), { steps: 30 });
    useLab.setState({ lang, ready: fx.ready, config: fx.ready.config });
    const view = render(<InferencePanel />);
    expect(await violations(view.container)).toEqual([]);
    await act(async () => setInspection(inspect(fx.session.current, 10)));
    expect(view.container.querySelectorAll('table').length).toBeGreaterThan(0);
    expect(await violations(view.container)).toEqual([]);
  });
});
