// A γ/β edit while paused must move the norm layers' outputs in the very next frame, in training view
// too (where the values otherwise come from the last training pass).
import { afterEach, expect, test } from 'vitest';
import type { Frame, LayerFrame } from '../../src/protocol/frame.ts';
import { Harness, tinyConfig } from './harness.ts';

let h: Harness;
afterEach(() => h?.dispose());

const normOf = (f: Frame, type: 'batchnorm' | 'layernorm'): LayerFrame => f.layers.find((l) => l.type === type)!;
const counts = (l: LayerFrame) => Array.from(l.histOut!.counts).concat([l.histOut!.under, l.histOut!.over]);

for (const type of ['batchnorm', 'layernorm'] as const) {
  test(`${type}: setNorm while paused changes the next training-view frame’s batchOut and histOut`, async () => {
    h = new Harness();
    h.configure(tinyConfig({ norm: [type, 'none'], dropoutP: 0 }));
    h.send({ type: 'step', n: 6, rev: 1 });
    const before = await h.frameWhere((f) => f.step === 6 && f.pendingSteps === 0 && f.rev >= 1);
    await h.settle();
    const l0 = normOf(before, type);
    const j = l0.feature!;
    // Before the edit, batchOut is γx̂ + β of the step.
    l0.batchHat!.forEach((x, r) => expect(l0.batchOut![r]).toBeCloseTo(l0.gamma![j] * x + l0.beta![j], 5));

    const from = h.events.length;
    h.send({ type: 'setNorm', layer: l0.index, feature: 'all', gamma: 3, beta: 2.5, rev: 2 });
    const after = await h.frameWhere((f) => f.rev === 2, from);
    const l1 = normOf(after, type);
    expect(after.step).toBe(6);
    expect(after.mode).toBe('training');
    // No step ran: x̂ is the same, the outputs follow the new γ and β.
    expect(Array.from(l1.batchHat!)).toEqual(Array.from(l0.batchHat!));
    l1.batchHat!.forEach((x, r) => expect(l1.batchOut![r]).toBeCloseTo(3 * x + 2.5, 5));
    expect(Array.from(l1.batchOut!)).not.toEqual(Array.from(l0.batchOut!));
    // Same bin edges (fixed per run), different counts: the distribution moved right and widened.
    expect([l1.histOut!.lo, l1.histOut!.hi]).toEqual([l0.histOut!.lo, l0.histOut!.hi]);
    expect(counts(l1)).not.toEqual(counts(l0));
    const total = (l: LayerFrame) => counts(l).reduce((a, b) => a + b, 0);
    expect(total(l1)).toBe(total(l0));
  });
}
