// The experiments worker's message handling, driven in Node: progress names the preset's runs in order,
// the result is the pure code's own result, and bad requests or failures come back as one error.
import { describe, expect, it } from 'vitest';
import { handleExperimentRequest, PROGRESS_EVERY_MS } from '../../src/worker/experiments-handler.ts';
import type { ExperimentEvent, ExperimentProgress } from '../../src/protocol/experiments.ts';
import { PRESETS, runExperiment } from '../../src/experiments/index.ts';
import { Trainer } from '../../src/engine/index.ts';

function drive(req: unknown, clock: () => number = () => 0): ExperimentEvent[] {
  const out: ExperimentEvent[] = [];
  handleExperimentRequest(req, (ev) => out.push(ev), clock);
  return out;
}

const progressOf = (evs: ExperimentEvent[]) => evs.filter((e): e is ExperimentProgress => e.type === 'progress');

/** A clock that moves `dt` ms each time it is read. */
function ticking(dt: number): () => number {
  let t = 0;
  return () => (t += dt);
}

describe('experiments handler', () => {
  it('posts the same result the pure code computes, once and last, with the time it took', () => {
    const evs = drive({ type: 'run', id: 'E7', seed: 2 }, ticking(7));
    const last = evs[evs.length - 1];
    expect(evs.filter((e) => e.type === 'result')).toHaveLength(1);
    if (last.type !== 'result') throw new Error(`last event is ${last.type}`);
    const direct = runExperiment('E7', 2);
    expect(last.result).toEqual(direct);
    expect(last.result.seed).toBe(2);
    expect(last.ms).toBeGreaterThan(0);
    expect(last.ms % 7).toBe(0);
  });

  it('names each run of the preset in its order, from step 0, within the step budget', () => {
    const evs = drive({ type: 'run', id: 'E5', seed: 1 }, ticking(PROGRESS_EVERY_MS / 4));
    const prog = progressOf(evs);
    const keys = [...new Set(prog.map((p) => p.key))];
    expect(keys).toEqual(PRESETS.E5.runs.map((r) => r.key));
    for (const [i, key] of keys.entries()) {
      const mine = prog.filter((p) => p.key === key);
      expect(mine[0].step).toBe(0);
      expect(mine.every((p) => p.run === i + 1 && p.runs === PRESETS.E5.runs.length && p.steps === PRESETS.E5.steps)).toBe(true);
      const steps = mine.map((p) => p.step);
      expect(steps).toEqual([...steps].sort((a, b) => a - b));
      expect(Math.max(...steps)).toBeLessThanOrEqual(PRESETS.E5.steps);
      // The clock moved a quarter of the interval per read, so the run reported more than its start.
      expect(mine.length).toBeGreaterThan(1);
    }
  });

  it('reports no more often than the interval (a clock that stands still: only each run’s start)', () => {
    const prog = progressOf(drive({ type: 'run', id: 'E5', seed: 1 }, () => 0));
    expect(prog.map((p) => [p.run, p.step])).toEqual(PRESETS.E5.runs.map((_, i) => [i + 1, 0]));
  });

  it('counts a run that is refused at once (BN at batch size one in E8) as its own run', () => {
    const evs = drive({ type: 'run', id: 'E8', seed: 1 });
    expect([...new Set(progressOf(evs).map((p) => p.key))]).toEqual(['layernorm', 'batchnorm', 'plain']);
    const last = evs[evs.length - 1];
    expect(last.type === 'result' && last.result.details.bnRefused).toBe(true);
  });

  it('leaves Trainer.prototype.trainStep as it found it, after a result and after a failure', () => {
    const before = Trainer.prototype.trainStep;
    drive({ type: 'run', id: 'E7', seed: 1 });
    expect(Trainer.prototype.trainStep).toBe(before);
    const out: ExperimentEvent[] = [];
    handleExperimentRequest({ type: 'run', id: 'E7', seed: 1 }, (ev) => {
      if (ev.type === 'progress') throw new Error('port closed');
      out.push(ev);
    }, () => 0);
    expect(Trainer.prototype.trainStep).toBe(before);
    expect(out).toEqual([{ type: 'error', id: 'E7', seed: 1, message: 'port closed' }]);
  });

  it.each([
    [null],
    [{ type: 'run', id: 'E9', seed: 1 }],
    [{ type: 'run', id: 'E1', seed: -1 }],
    [{ type: 'run', id: 'E1', seed: 1.5 }],
    [{ type: 'run', id: 'E1', seed: '1' }],
    [{ type: 'go', id: 'E1', seed: 1 }],
  ])('answers a bad request %j with one error and runs nothing', (req) => {
    const evs = drive(req);
    expect(evs).toHaveLength(1);
    expect(evs[0].type).toBe('error');
  });
});
