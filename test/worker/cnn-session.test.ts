// The worker trains the CNN (arch=cnn): frames carry each conv layer's feature maps for the probes,
// Dropout2d's dropped channels, BatchNorm2d's per-channel statistics over N·H·W, and the live changes
// (p, γ/β, mode) act as they do on the MLP.
import { describe, expect, it } from 'vitest';
import { fixtureConfig, makeFixture, nextFrame, trainFor } from '../fixtures/frames.ts';
import type { LabConfig } from '../../src/protocol/config.ts';

const cnn = (dropout: 'none' | 'channel' | 'element' = 'channel', more: Partial<LabConfig['conv']> = {}) =>
  fixtureConfig('digits', { arch: 'cnn', conv: { layers: 2, channels: 6, kernel: 3, pool: 'auto', bn: true, dropout, ...more }, net: { dropoutP: 0.5 } });

describe('the CNN in the worker', () => {
  it('trains, and the loss comes down', () => {
    const { session, frame } = makeFixture(cnn('none'), { steps: 1 });
    const first = frame.batchLoss;
    const later = trainFor(session, 60, 20);
    expect(later.step).toBe(61);
    expect(later.metrics!.trainLoss).toBeLessThan(first);
    expect(session.readyInfo().model.layers.map((l) => l.type)).toContain('conv2d');
  });

  it('streams feature maps per conv layer and the channels Dropout2d dropped for each probe', () => {
    const { frame, ready } = makeFixture(cnn(), { steps: 2 });
    const convs = frame.layers.filter((l) => l.type === 'conv2d');
    expect(convs.map((l) => l.shape)).toEqual([{ c: 6, h: 8, w: 8 }, { c: 6, h: 4, w: 4 }]);
    expect(convs[0].probe.length).toBe(ready.data.probeCount * 6 * 64);
    const drops = frame.layers.filter((l) => l.type === 'dropout2d');
    expect(drops).toHaveLength(2);
    const m = drops[0].probeMask!;
    expect(m.length).toBe(ready.data.probeCount * 6);
    expect([...m].some((k) => k === 0)).toBe(true); // p = 0.5 over 48 maps
    // A dropped map is zero everywhere, a kept one is scaled by 1/(1 − p).
    const HW = 64, P = drops[0].probe;
    m.forEach((keep, k) => {
      if (!keep) expect(P.subarray(k * HW, (k + 1) * HW).every((v) => v === 0)).toBe(true);
    });
  });

  it('streams BatchNorm2d statistics per channel, taken over N·H·W', () => {
    const { frame } = makeFixture(cnn(), { steps: 2 });
    const bns = frame.layers.filter((l) => l.type === 'batchnorm2d');
    expect(bns).toHaveLength(2);
    expect(bns[0].count).toBe(16 * 8 * 8);
    expect(bns[1].count).toBe(16 * 4 * 4);
    for (const k of ['batchMean', 'batchVar', 'runningMean', 'runningVar', 'gamma', 'beta'] as const) expect(bns[0][k]!.length).toBe(6);
    // Before BN the batch mean is the conv output's; after two steps the running mean has moved from 0.
    expect([...bns[0].runningMean!].some((v) => v !== 0)).toBe(true);
  });

  it('takes p, mode and γ/β live, and shows no dropped map in inference', () => {
    const { session } = makeFixture(cnn(), { steps: 1 });
    const run = session.current;
    expect(session.set({ net: { dropoutP: 0 } })).toBeNull();
    expect(session.current).toBe(run);
    const bn = session.readyInfo().model.layers.findIndex((l) => l.type === 'batchnorm2d');
    session.setNorm({ type: 'setNorm', layer: bn, feature: 2, gamma: 3 });
    const f = nextFrame(session);
    expect(f.layers[bn].gamma![2]).toBe(3);
    session.setMode('inference');
    expect(nextFrame(session).layers.find((l) => l.type === 'dropout2d')!.probeMask).toBeUndefined();
    // The CNN's own settings (here its dropout) build a new run.
    expect(session.set({ conv: { dropout: 'element' } })).not.toBeNull();
  });

  it('builds the kernel and pooling the config asks for: 5×5 with padding 2, no pool, 8×8 maps, BN over N·64', () => {
    const { session, frame } = makeFixture(cnn('none', { kernel: 5, pool: 'none', layers: 3 }), { steps: 1 });
    const layers = session.readyInfo().model.layers;
    expect(layers.filter((l) => l.type === 'conv2d').map((l) => [l.type === 'conv2d' && l.kernel, l.type === 'conv2d' && l.padding])).toEqual([[5, 2], [5, 2], [5, 2]]);
    expect(layers.map((l) => l.type)).not.toContain('maxpool2d');
    expect(frame.layers.filter((l) => l.type === 'conv2d').map((l) => l.shape)).toEqual([1, 2, 3].map(() => ({ c: 6, h: 8, w: 8 })));
    expect(frame.layers.filter((l) => l.type === 'batchnorm2d').map((l) => l.count)).toEqual([16 * 64, 16 * 64, 16 * 64]);
    // Pooling once: only after the 2nd block; a change of kernel or pooling builds a new run.
    const once = makeFixture(cnn('none', { kernel: 1, pool: 'once', layers: 3 }), { steps: 1 });
    expect(once.session.readyInfo().model.layers.map((l) => l.type).filter((t) => t === 'conv2d' || t === 'maxpool2d')).toEqual(['conv2d', 'conv2d', 'maxpool2d', 'conv2d']);
    expect(once.session.set({ conv: { kernel: 3 } })).not.toBeNull();
    expect(once.session.set({ conv: { pool: 'each' } })).not.toBeNull();
    // BN2d's placement is the MLP's control: after the activation, Conv → ReLU → BN2d.
    expect(once.session.set({ net: { normPlacement: 'after' } })).not.toBeNull();
    const types = once.session.readyInfo().model.layers.map((l) => l.type);
    expect(types.slice(0, 3)).toEqual(['conv2d', 'relu', 'batchnorm2d']);
  });

  it('streams, for element dropout, which single values of each probe were dropped; none in inference', () => {
    const { session, frame, ready } = makeFixture(cnn('element'), { steps: 2 });
    const drops = frame.layers.filter((l) => l.type === 'dropout');
    expect(drops).toHaveLength(2);
    const P = ready.data.probeCount, m = drops[0].probeMask!;
    expect(m.length).toBe(P * 6 * 8 * 8);
    const dropped = [...m].filter((k) => k === 0).length;
    expect(dropped / m.length).toBeGreaterThan(0.4); // p = 0.5
    expect(dropped / m.length).toBeLessThan(0.6);
    // The mask is the probe pass's own: a dropped value is 0 in the maps the panel draws.
    m.forEach((keep, q) => {
      if (!keep) expect(drops[0].probe[q]).toBe(0);
    });
    expect(drops[1].probeMask!.length).toBe(P * 6 * 4 * 4);
    session.setMode('inference');
    expect(nextFrame(session).layers.filter((l) => l.type === 'dropout').map((l) => l.probeMask)).toEqual([undefined, undefined]);
  });
});
