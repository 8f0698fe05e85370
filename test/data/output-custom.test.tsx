// @vitest-environment jsdom
// The output panel on the learner's own data: 2 features get the decision boundary; other widths get
// a sentence saying there is no 2-D view for that many features.
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { OutputPanel } from '../../src/panels/output/OutputPanel.tsx';
import { useLab, type LabStore } from '../../src/store/lab.ts';
import { setFrame } from '../../src/store/frame.ts';
import { DEFAULT_TEACH } from '../../src/protocol/config.ts';
import { parseCsv } from '../../src/data/parse-csv.ts';
import { Session } from '../../src/worker/session.ts';
import { fixtureConfig, nextFrame } from '../fixtures/frames.ts';

const initial: LabStore = useLab.getState();
beforeEach(() => useLab.setState({ ...initial, lang: 'en' }, true));
afterEach(() => {
  cleanup();
  setFrame(null);
  useLab.setState(initial, true);
});

function session(width: number): Session {
  const text = Array.from({ length: 60 }, (_, i) => [...Array.from({ length: width }, (_, j) => Math.sin(i * (j + 1))), i % 3].join(',')).join('\n');
  const r = parseCsv(text, 'w.csv');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const s = new Session();
  s.setData(r.data);
  s.configure(fixtureConfig('custom'), DEFAULT_TEACH, 'inference');
  return s;
}

it('five features: no 2-D view, said in words', () => {
  const s = session(5);
  act(() => {
    useLab.setState({ ready: s.readyInfo() });
    setFrame(nextFrame(s));
  });
  render(<OutputPanel />);
  expect(screen.getByText(/^No 2-D view for 5 features/)).toBeTruthy();
});

it('two features: the decision boundary over the data', () => {
  const s = session(2);
  act(() => {
    useLab.setState({ ready: s.readyInfo() });
    setFrame(nextFrame(s));
  });
  render(<OutputPanel />);
  expect(screen.getByRole('img', { name: /Decision boundary/ })).toBeTruthy();
  expect(screen.queryByText(/No 2-D view/)).toBeNull();
});
