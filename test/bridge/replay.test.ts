import { expect, test } from 'vitest';
import { ReplayState } from '../../src/bridge/replay.ts';
import { isStructural } from '../../src/protocol/patch.ts';
import { DEFAULT_TEACH } from '../../src/protocol/config.ts';
import type { Command } from '../../src/protocol/messages.ts';
import { tinyConfig } from '../worker/harness.ts';

let rev = 0;
const tag = (c: Command): Command => ({ ...c, rev: ++rev });

test('γ/β edits: later ones supersede earlier ones on the same feature; reset clears them, freezes stay', () => {
  const r = new ReplayState();
  for (const c of [
    { type: 'configure', config: tinyConfig({ norm: ['batchnorm', 'none'] }), teach: DEFAULT_TEACH, mode: 'training' },
    { type: 'setNorm', layer: 2, feature: 0, gamma: 3, beta: 1 },
    { type: 'setNorm', layer: 2, feature: 1, gamma: 4 },
    { type: 'setNorm', layer: 2, feature: 'all', gamma: 2, frozen: true },
    { type: 'setNorm', layer: 2, feature: 1, gamma: 6 },
  ] as Command[]) r.record(tag(c));
  r.accepted(rev);
  expect(r.run!.edits).toEqual([
    { layer: 2, feature: 0, beta: 1 },
    { layer: 2, feature: 'all', gamma: 2 },
    { layer: 2, feature: 1, gamma: 6 },
  ]);
  r.record(tag({ type: 'reset' }));
  expect(r.run!.edits).toEqual([]);
  expect([...r.run!.frozen]).toEqual([[2, true]]);
});

test('a structural change drops freezes and edits; a live one keeps them', () => {
  const r = new ReplayState();
  const config = tinyConfig({ norm: ['batchnorm', 'none'] });
  r.record(tag({ type: 'configure', config, teach: DEFAULT_TEACH, mode: 'training' }));
  r.record(tag({ type: 'setNorm', layer: 2, feature: 'all', gamma: 2, frozen: true }));
  r.record(tag({ type: 'set', patch: { net: { dropoutP: 0.5 }, train: { lr: 0.3 } } }));
  expect(r.run!.edits).toHaveLength(1);
  expect(r.run!.config.train.lr).toBe(0.3);
  expect(isStructural(config, { net: { hidden: [8, 8] } })).toBe(false); // same widths: not a change
  r.record(tag({ type: 'set', patch: { net: { hidden: [8, 9] } } }));
  expect(r.run!.edits).toHaveLength(0);
  expect(r.run!.frozen.size).toBe(0);
  expect(isStructural(config, { data: { noise: 0.3 } })).toBe(true);
  expect(isStructural(config, { teach: { bnBatchStatsAtInference: true } })).toBe(false);
});
