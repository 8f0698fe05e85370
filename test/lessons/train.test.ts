// "Train N steps" drives the worker a chunk at a time: the next chunk goes out only after a frame of
// the new run shows the last one done and evaluated; Play, the learner's Reset or a stall end it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLab, type LabStore } from '../../src/store/lab.ts';
import { frameStore, setFrame } from '../../src/store/frame.ts';
import type { Frame } from '../../src/protocol/frame.ts';
import { chunkFor, stopTraining, trainExactly } from '../../src/panels/lessons/train.ts';

const initialLab: LabStore = useLab.getState();
let stepOnce: ReturnType<typeof vi.fn<LabStore['stepOnce']>>;

function frame(runId: number, step: number, o: { metricsAt?: number | null; pending?: number; playing?: boolean } = {}): Frame {
  const at = o.metricsAt === undefined ? step : o.metricsAt;
  return {
    runId, step, playing: o.playing ?? false, pendingSteps: o.pending ?? 0,
    metrics: at === null ? null : { step: at, trainLoss: 0.5, testLoss: 0.6, trainAcc: 0.7, testAcc: 0.6 },
  } as unknown as Frame;
}

beforeEach(() => {
  stepOnce = vi.fn<LabStore['stepOnce']>();
  useLab.setState({ ...initialLab, stepOnce }, true);
  setFrame(frame(1, 5000));
});
afterEach(() => {
  stopTraining();
  useLab.setState(initialLab, true);
  frameStore.setState({ frame: null });
  vi.useRealTimers();
});

describe('chunkFor', () => {
  it('splits a run into about a hundred chunks of at least 5 steps', () => {
    expect(chunkFor(3000)).toBe(30);
    expect(chunkFor(1500)).toBe(15);
    expect(chunkFor(500)).toBe(5);
    expect(chunkFor(40)).toBe(5);
    for (const n of [300, 1000, 2000, 3000]) expect(Math.ceil(n / chunkFor(n))).toBeLessThanOrEqual(100);
  });
});

describe('trainExactly', () => {
  it('restarts first, then sends a chunk per finished, evaluated chunk of the new run, and stops at the total', () => {
    const restart = vi.fn(() => expect(stepOnce).not.toHaveBeenCalled());
    trainExactly(12, 'k', restart);
    expect(restart).toHaveBeenCalledOnce();
    expect(stepOnce.mock.calls).toEqual([[5]]);

    setFrame(frame(1, 5005)); // the old run, drawn before the restart arrived
    setFrame(frame(2, 0)); // the new run, before the chunk
    setFrame(frame(2, 5, { pending: 0, metricsAt: 0 })); // done, but not evaluated at step 5
    setFrame(frame(2, 3, { pending: 2 }));
    expect(stepOnce).toHaveBeenCalledTimes(1);

    setFrame(frame(2, 5));
    expect(stepOnce.mock.calls).toEqual([[5], [5]]);
    expect(useLab.getState().lessonRun).toMatchObject({ total: 12, done: 5, owner: 'k', finished: false });
    setFrame(frame(2, 5)); // the same frame again sends nothing
    expect(stepOnce).toHaveBeenCalledTimes(2);

    setFrame(frame(2, 10));
    expect(stepOnce.mock.calls).toEqual([[5], [5], [2]]); // the last chunk is what is left
    setFrame(frame(2, 12));
    expect(stepOnce).toHaveBeenCalledTimes(3);
    expect(useLab.getState().lessonRun).toMatchObject({ total: 12, done: 12, finished: true });
    setFrame(frame(2, 12));
    expect(stepOnce).toHaveBeenCalledTimes(3);
  });

  it('follows a restart that passes through a rebuild before the reset', () => {
    trainExactly(20, 'k', () => {});
    setFrame(frame(2, 0)); // the rebuild's run
    setFrame(frame(3, 5)); // the reset's run, where the chunk ran
    expect(stepOnce).toHaveBeenCalledTimes(2);
  });

  it('ends when the learner presses Play or resets, and leaves the lab alone after', () => {
    trainExactly(100, 'k', () => {});
    setFrame(frame(2, 5));
    useLab.setState({ playing: true });
    expect(useLab.getState().lessonRun).toBeNull();
    setFrame(frame(2, 10));
    expect(stepOnce).toHaveBeenCalledTimes(2);

    useLab.setState({ playing: false });
    stepOnce.mockClear();
    trainExactly(100, 'k', () => {});
    setFrame(frame(3, 5));
    setFrame(frame(3, 10));
    expect(stepOnce).toHaveBeenCalledTimes(3);
    setFrame(frame(4, 0)); // Reset by the learner
    expect(useLab.getState().lessonRun).toBeNull();
    setFrame(frame(4, 15));
    expect(stepOnce).toHaveBeenCalledTimes(3);
  });

  it('gives up when no chunk comes back', () => {
    vi.useFakeTimers();
    trainExactly(100, 'k', () => {});
    vi.advanceTimersByTime(3000);
    expect(useLab.getState().lessonRun).not.toBeNull();
    vi.advanceTimersByTime(2000);
    expect(useLab.getState().lessonRun).toBeNull();
  });

  it('a new run replaces the one in progress', () => {
    trainExactly(100, 'a', () => {});
    trainExactly(50, 'b', () => {});
    expect(useLab.getState().lessonRun).toMatchObject({ owner: 'b', total: 50 });
    setFrame(frame(2, 5));
    expect(stepOnce).toHaveBeenCalledTimes(3);
  });
});
