// Earlier runs are labelled from the settings in force when the run ended: p dragged mid-run (a live
// change, no new ReadyInfo) must show in the archived run's label, not the p the run started with.
import { afterEach, expect, test } from 'vitest';
import { clearRuns, dataKey, observeFrame, observeReady, runStore } from '../../src/panels/loss/runs.ts';
import { fixtureConfig, makeFixture, trainFor } from '../fixtures/frames.ts';

afterEach(() => clearRuns());

test('a run whose p was dragged mid-run is archived with the p in force, and its norm from the run', () => {
  const { ready, frame, session } = makeFixture(fixtureConfig('spiral', { net: { dropoutP: 0.1, norm: ['batchnorm', 'none'] } }), { steps: 2 });
  observeFrame(frame, ready);
  const before = trainFor(session, 10);
  observeFrame(before, ready);
  expect(session.set({ net: { dropoutP: 0.6 } })).toBeNull(); // live: no new run, no new ReadyInfo
  observeFrame(trainFor(session, 10), ready);
  const next = session.reset();
  observeReady(next);
  const [run] = runStore.getState().runs;
  expect(run.summary).toEqual({ norm: ['batchnorm', 'none'], normPlacement: ready.config.net.normPlacement, dropoutP: expect.closeTo(0.6, 6), data: dataKey(ready) });
});

test('dropout switched off mid-run labels the run without dropout', () => {
  const { ready, frame, session } = makeFixture(fixtureConfig('spiral', { net: { dropoutP: 0.3 } }), { steps: 2 });
  observeFrame(frame, ready);
  session.set({ net: { dropoutHidden: [false, false] } });
  observeFrame(trainFor(session, 12), ready);
  observeReady(session.reset());
  expect(runStore.getState().runs[0].summary?.dropoutP).toBe(0);
});
