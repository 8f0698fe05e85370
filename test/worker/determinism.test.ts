// Looking never changes what is trained: frames in either view (probes, batch panels, the output
// grid or curve with its Monte-Carlo band) and full evaluations between steps leave the training run
// bit-identical to one trained with no looking at all.
import { expect, test } from 'vitest';
import { DEFAULT_CONFIG, DEFAULT_TEACH, type LabConfig } from '../../src/protocol/config.ts';
import { Session, type FrameMeta } from '../../src/worker/session.ts';
import { sameSnapshot, snapshot } from '../engine/helpers.ts';

const META: FrameMeta = { seq: 0, rev: 0, stepsPerSecond: 0, playing: true, pendingSteps: 0, speed: null };

function config(data: LabConfig['data']): LabConfig {
  return {
    ...DEFAULT_CONFIG,
    data,
    net: { ...DEFAULT_CONFIG.net, hidden: [16, 16], norm: ['batchnorm', 'none'], dropoutInput: true, dropoutHidden: [true, true], dropoutP: 0.3 },
    train: { ...DEFAULT_CONFIG.train, batchSize: 16 },
    seed: 5,
  };
}

function session(c: LabConfig): Session {
  const s = new Session();
  s.configure(c, DEFAULT_TEACH, 'training', { mcSamples: 5 });
  return s;
}

test.each([
  ['2-D grid', config({ name: 'spiral', noise: 0.2, trainSize: 64, testSize: 64 })],
  ['1-D curve with MC dropout', config({ name: 'sine', noise: 0.2, trainSize: 64, testSize: 64 })],
])('%s: frames in both views and evaluations between steps do not change the run', (_, c) => {
  const plain = session(c), watched = session(c);
  const lossesPlain: number[] = [], lossesWatched: number[] = [];
  for (let i = 0; i < 24; i++) {
    lossesPlain.push(plain.current.trainStep().loss);
    lossesWatched.push(watched.current.trainStep().loss);
    watched.touch(false);
    watched.setMode(i % 2 === 0 ? 'training' : 'inference');
    watched.buildFrame(META, Infinity, () => performance.now());
    if (i % 5 === 0) watched.current.evaluate();
  }
  expect(lossesWatched).toEqual(lossesPlain);
  expect(new Set(lossesPlain).size).toBeGreaterThan(20);
  expect(sameSnapshot(snapshot(watched.current.model), snapshot(plain.current.model))).toBe(true);
  // The last training masks too: the training stream was not drawn from by any view.
  const masks = (s: Session) => s.current.model.layers.flatMap((l) => ('mask' in l ? [Array.from(l.mask as Uint8Array)] : []));
  expect(masks(watched)).toEqual(masks(plain));
});
