// Earlier runs are labelled from the settings in force when the run ended: p dragged mid-run (a live
// change, no new ReadyInfo) must show in the archived run's label, not the p the run started with.
import { beforeEach, expect, test } from 'vitest';
import { RunArchive, dataKey } from '../../src/store/run-archive.ts';
import { createRuns } from '../../src/store/runs.ts';
import { fixtureConfig, makeFixture, trainFor } from '../fixtures/frames.ts';

let archive: RunArchive;
const observeFrame: RunArchive['observeFrame'] = (f, r) => archive.observeFrame(f, r);
const observeReady: RunArchive['observeReady'] = (r) => archive.observeReady(r);
const archived = () => archive.store.getState().runs;
beforeEach(() => {
  archive = new RunArchive(createRuns());
});

test('a run whose p was dragged mid-run is archived with the p in force, and its norm from the run', () => {
  const { ready, frame, session } = makeFixture(fixtureConfig('spiral', { net: { dropoutP: 0.1, norm: ['batchnorm', 'none'] } }), { steps: 2 });
  observeFrame(frame, ready);
  const before = trainFor(session, 10);
  observeFrame(before, ready);
  expect(session.set({ net: { dropoutP: 0.6 } })).toBeNull(); // live: no new run, no new ReadyInfo
  observeFrame(trainFor(session, 10), ready);
  const next = session.reset();
  observeReady(next);
  const [run] = archived();
  expect(run.summary).toEqual({ norm: ['batchnorm', 'none'], normPlacement: ready.config.net.normPlacement, dropoutP: expect.closeTo(0.6, 6), data: dataKey(ready) });
});

test('dropout switched off mid-run labels the run without dropout', () => {
  const { ready, frame, session } = makeFixture(fixtureConfig('spiral', { net: { dropoutP: 0.3 } }), { steps: 2 });
  observeFrame(frame, ready);
  session.set({ net: { dropoutHidden: [false, false] } });
  observeFrame(trainFor(session, 12), ready);
  observeReady(session.reset());
  expect(archived()[0].summary?.dropoutP).toBe(0);
});

test('a run is archived when a new run id arrives, and not for frames of the same run', () => {
  const { ready, frame, session } = makeFixture(fixtureConfig('spiral'), { steps: 2 });
  observeFrame(frame, ready);
  observeFrame(trainFor(session, 12), ready);
  observeFrame(trainFor(session, 12), ready);
  expect(archived()).toEqual([]);
  const next = session.reset();
  observeFrame(trainFor(session, 1), next); // the new run's first frame, before its ReadyInfo reached the page
  expect(archived().map((r) => r.runId)).toEqual([ready.runId]);
  observeReady(next); // the same new run: nothing more to archive
  expect(archived()).toHaveLength(1);
});

test('after the worker was replaced, a repeated run id is a new run', () => {
  const runs = createRuns();
  archive = new RunArchive(runs);
  const { ready, frame, session } = makeFixture(fixtureConfig('spiral'), { steps: 2 });
  observeFrame(frame, ready);
  const last = trainFor(session, 12);
  observeFrame(last, ready);
  runs.workerReplaced();
  // The new worker's first run has the id the old worker's run had.
  const { frame: again } = makeFixture(fixtureConfig('spiral'), { steps: 1 });
  expect(again.runId).toBe(last.runId);
  observeFrame(again, ready);
  expect(archived().map((r) => r.lastStep)).toEqual([last.step]);
});
