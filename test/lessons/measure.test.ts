// The comparison table's measurements: run kinds, steps to target, gap, thinning, the "acts at
// inference" reading on real frames, and the recorder that turns metrics into runs.
import { DEFAULT_CONFIG } from '../../src/protocol/config.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  FRESH_STEPS, MAX_POINTS, UNCHANGED, addPoint, finalGap, inferenceEffect, runKindOf, stepsToTarget, type MeasuredRun, type RunPoint,
} from '../../src/lessons/measure.ts';
import { COMPARE, RUN_KINDS, type FullSetup } from '../../src/lessons/setups.ts';
import { INITIAL_LESSON_STATE, useLesson } from '../../src/store/lesson.ts';
import { RunRecorder } from '../../src/store/run-recorder.ts';
import { createRuns } from '../../src/store/runs.ts';
import { useLab } from '../../src/store/lab.ts';
import { frameStore, setFrame } from '../../src/store/frame.ts';
import { fixtureConfig, makeFixture } from '../fixtures/frames.ts';
import type { LabConfig } from '../../src/protocol/config.ts';
import type { Metrics } from '../../src/protocol/frame.ts';
import { inspect } from '../../src/worker/inspect.ts';
import { useInspection } from '../../src/store/inspection.ts';

const configOf = (s: FullSetup): LabConfig => ({ data: s.patch.data, net: s.patch.net, arch: 'mlp' as const, conv: DEFAULT_CONFIG.conv, train: s.patch.train, seed: s.seed });
const run = (points: RunPoint[]): MeasuredRun => ({ kind: 'none', dataset: 'spiral', seed: 1, base: '', points });

describe('measurements', () => {
  it('names each comparison variant by the regularizers it has on', () => {
    for (const k of RUN_KINDS) expect(runKindOf(configOf(COMPARE[k]))).toBe(k);
    // p = 0 is no dropout, even where dropout is placed.
    const p0 = configOf(COMPARE.dropout);
    expect(runKindOf({ ...p0, net: { ...p0.net, dropoutP: 0 } })).toBe('none');
    // LayerNorm is not BN.
    expect(runKindOf({ ...p0, net: { ...p0.net, dropoutP: 0, norm: ['layernorm', 'layernorm'] } })).toBe('none');
  });

  it('counts steps to the first evaluation at or under the target, and the gap at the last one', () => {
    const r = run([
      { step: 0, train: 0.7, test: 0.7 },
      { step: 10, train: 0.45, test: 0.5 },
      { step: 20, train: 0.29, test: 0.4 },
      { step: 30, train: 0.31, test: 0.45 },
      { step: 40, train: 0.1, test: 0.6 },
    ]);
    expect(stepsToTarget(r, 0.3)).toBe(20);
    expect(stepsToTarget(r, 0.45)).toBe(10);
    expect(stepsToTarget(r, 0.05)).toBeNull();
    expect(finalGap(r)).toBeCloseTo(0.5, 10);
    expect(finalGap(run([]))).toBeNull();
  });

  it('keeps the buffer bounded, the first point and the newest point', () => {
    let pts: RunPoint[] = [];
    for (let s = 0; s <= 5000; s += 5) pts = addPoint(pts, { step: s, train: 1 / (s + 1), test: 1 });
    expect(pts.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(pts.length).toBeGreaterThan(MAX_POINTS / 2);
    expect(pts[0].step).toBe(0);
    expect(pts[pts.length - 1].step).toBe(5000);
    for (let i = 1; i < pts.length; i++) expect(pts[i].step).toBeGreaterThan(pts[i - 1].step);
  });

  it('reads from real frames: at inference dropout is the identity and BN is not; in training dropout acts', () => {
    const config = fixtureConfig('moons', { net: { norm: ['batchnorm', 'batchnorm'], dropoutP: 0.5 } });
    const inf = makeFixture(config, { steps: 20, mode: 'inference' });
    const effInf = inferenceEffect(inf.frame, inf.ready.data.probeX);
    expect(effInf.dropout).not.toBeNull();
    expect(effInf.dropout!).toBeLessThan(UNCHANGED);
    expect(effInf.bn!).toBeGreaterThan(0.01);
    const tr = makeFixture(config, { steps: 20, mode: 'training' });
    expect(inferenceEffect(tr.frame, tr.ready.data.probeX).dropout!).toBeGreaterThan(0.01);
    // Classic dropout multiplies by 1 − p at inference: it does act.
    const classic = makeFixture({ ...config, net: { ...config.net, dropoutScaling: 'classic' } }, { steps: 5, mode: 'inference' });
    expect(inferenceEffect(classic.frame, classic.ready.data.probeX).dropout!).toBeGreaterThan(UNCHANGED);
    // No BN, no dropout: nothing to read.
    const plain = makeFixture({ ...config, net: { ...config.net, norm: ['none', 'none'], dropoutP: 0 } }, { steps: 2, mode: 'inference' });
    expect(inferenceEffect(plain.frame, plain.ready.data.probeX)).toEqual({ dropout: null, bn: null });
  });
});

describe('the run recorder', () => {
  const metrics = (step: number, trainLoss: number, testLoss = trainLoss + 0.1): Metrics => ({ step, trainLoss, testLoss, trainAcc: NaN, testAcc: NaN });
  const feed = (m: Metrics) => useLab.setState({ metrics: m });
  const ready = (runId: number) => ({ runId }) as NonNullable<ReturnType<typeof useLab.getState>['ready']>;
  let stop: () => void = () => {};
  let recorder: RunRecorder;
  let runs: ReturnType<typeof createRuns>;

  beforeEach(() => {
    useLesson.setState({ ...INITIAL_LESSON_STATE });
    useLab.setState({ config: configOf(COMPARE.dropout), metrics: null, ready: null });
    setFrame(null);
    runs = createRuns();
    recorder = new RunRecorder(runs);
    stop = recorder.start();
  });
  afterEach(() => stop());

  it('records a fresh run under its kind, point by point', () => {
    feed(metrics(0, 0.7));
    feed(metrics(10, 0.5));
    feed(metrics(20, 0.25));
    const r = useLesson.getState().runs.dropout!;
    expect(r.points.map((p) => p.step)).toEqual([0, 10, 20]);
    expect(stepsToTarget(r, 0.3)).toBe(20);
    expect(useLesson.getState().runs.none).toBeUndefined();
  });

  it('stops adding when a setting changes, and starts a new run (of the new kind) on reset', () => {
    feed(metrics(0, 0.7));
    feed(metrics(10, 0.5));
    useLab.setState({ config: configOf(COMPARE.both) });
    feed(metrics(20, 0.1));
    expect(useLesson.getState().runs.dropout!.points).toHaveLength(2);
    expect(useLesson.getState().runs.both).toBeUndefined();
    useLab.setState({ ready: ready(2) }); // reset: the worker's next run
    feed(metrics(0, 0.69));
    feed(metrics(10, 0.6));
    expect(useLesson.getState().runs.both!.points).toHaveLength(2);
    expect(useLesson.getState().runs.dropout!.points).toHaveLength(2);
  });

  it('starts a new run when the worker reports a new run id, even if the step did not go back', () => {
    useLab.setState({ ready: ready(1) });
    feed(metrics(0, 0.7));
    feed(metrics(10, 0.6));
    useLab.setState({ ready: ready(2) });
    feed(metrics(10, 0.65));
    expect(useLesson.getState().runs.dropout!.points.map((p) => p.train)).toEqual([0.65]);
  });

  it('a worker replaced mid-run: its first run, with the same id, is a new run (the runs slice decides)', () => {
    useLab.setState({ ready: ready(1) });
    feed(metrics(0, 0.7));
    feed(metrics(10, 0.6));
    runs.workerReplaced();
    feed(metrics(10, 0.65));
    expect(useLesson.getState().runs.dropout!.points.map((p) => p.train)).toEqual([0.65]);
  });

  it('ignores a run it joined late (its step counts would not start at 0)', () => {
    feed(metrics(FRESH_STEPS + 10, 0.2));
    feed(metrics(FRESH_STEPS + 20, 0.1));
    expect(useLesson.getState().runs.dropout).toBeUndefined();
  });

  it('records only the lesson’s own runs (other data, network or seed is not one of its rows)', () => {
    useLab.setState({ config: { ...configOf(COMPARE.dropout), seed: 2 } });
    feed(metrics(0, 0.7));
    expect(useLesson.getState().runs.dropout).toBeUndefined();
    useLab.setState({ config: { ...configOf(COMPARE.dropout), data: { ...configOf(COMPARE.dropout).data, name: 'moons' } } });
    feed(metrics(0, 0.7));
    expect(useLesson.getState().runs.dropout).toBeUndefined();
  });

  it('takes "acts at inference" from the worker’s inspection of the current run, in inference mode', () => {
    const config = fixtureConfig('moons', { net: { norm: ['batchnorm', 'batchnorm'], dropoutP: 0.5, dropoutHidden: [true, true] } });
    const fx = makeFixture(config, { steps: 10 });
    useLab.setState({ ready: fx.ready });
    feed(metrics(0, 0.7));
    const report = inspect(fx.session.current, 1);
    // A report of another run is not this run's.
    useInspection.setState({ report: { ...report, runId: report.runId + 1 } });
    expect(useLesson.getState().runs.dropout!.inferDropout).toBeUndefined();
    useInspection.setState({ report });
    const r = useLesson.getState().runs.dropout!;
    expect(r.inferDropout).toBeLessThan(UNCHANGED);
    expect(r.inferBn).toBeGreaterThan(0.01);
  });

  it('takes "acts at inference" from an inference frame of the current run', () => {
    feed(metrics(0, 0.7));
    const config = fixtureConfig('moons', { net: { norm: ['batchnorm', 'batchnorm'], dropoutP: 0.5 } });
    const fx = makeFixture(config, { steps: 10, mode: 'inference' });
    useLab.setState({ ready: fx.ready });
    setFrame(fx.frame);
    expect(frameStore.getState().frame).toBe(fx.frame);
    const r = useLesson.getState().runs.dropout!;
    expect(r.inferDropout).toBeLessThan(UNCHANGED);
    expect(r.inferBn).toBeGreaterThan(0);
    // A training-mode frame says nothing about inference.
    useLesson.setState({ runs: { dropout: { ...r, inferDropout: undefined, inferBn: undefined } } });
    setFrame(makeFixture(config, { steps: 10, mode: 'training' }).frame);
    recorder.recordFrame();
    expect(useLesson.getState().runs.dropout!.inferDropout).toBeUndefined();
    recorder.recordMetrics(); // same step, same settings: no new point
    expect(useLesson.getState().runs.dropout!.points).toHaveLength(1);
  });
});
