// The lesson steps that run an experiment set the lab up with that experiment's own run (written out
// in setups.ts so the presets stay out of the first screen's script): the same data, network,
// training and teaching switches.
import { describe, expect, it } from 'vitest';
import * as S from '../../src/lessons/setups.ts';
import { presetRun } from '../../src/experiments/presets.ts';

describe('experiment steps’ setups', () => {
  it.each([
    ['HIGH_LR_PLAIN', S.HIGH_LR_PLAIN, 'E3', 'plain-high'],
    ['NOISY_BN', S.NOISY_BN, 'E10', 'ics-noisy-bn'],
    ['KNOCKOUT_PLAIN', S.KNOCKOUT_PLAIN, 'E11', 'ko-plain'],
  ] as const)('%s is %s %s', (_name, s, id, key) => {
    const r = presetRun(id, key);
    expect(s.patch).toEqual({ data: r.config.data, net: r.config.net, arch: r.config.arch, train: r.config.train, teach: r.teach });
    expect(s.seed).toBe(1);
  });
});
