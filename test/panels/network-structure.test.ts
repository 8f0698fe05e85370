import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/protocol/config.ts';
import { compileNet, dropoutLayerIndices, type NetSpec } from '../../src/engine/netspec.ts';
import { Rng } from '../../src/engine/rng.ts';
import { netColumns, dropState } from '../../src/panels/network/structure.ts';
import { strongestEdges } from '../../src/panels/network/draw.ts';
import { MAX_HIT_WIDTH, MAX_SHOWN, UNIT_STEP, hitUnit, layoutNet } from '../../src/panels/network/layout.ts';
import { fixtureConfig, makeFixture, nextFrame } from '../fixtures/frames.ts';

function net(over: Partial<NetSpec>): NetSpec {
  return { ...DEFAULT_CONFIG.net, ...over };
}

describe('netColumns', () => {
  for (const placement of ['before', 'after'] as const) {
    it(`finds each column's linear, dropout, norm and value layer (norm ${placement})`, () => {
      const n = net({ hidden: [5, 7, 3], norm: ['batchnorm', 'none', 'layernorm'], normPlacement: placement, dropoutHidden: [true, false, true] });
      const spec = compileNet(n, 2, 4, 'cross_entropy');
      const cols = netColumns(spec);
      expect(cols.map((c) => c.kind)).toEqual(['input', 'hidden', 'hidden', 'hidden', 'output']);
      expect(cols.map((c) => c.width)).toEqual([2, 5, 7, 3, 4]);
      // Every place dropout can sit belongs to the column it acts on.
      expect(cols.slice(0, 4).map((c) => c.dropoutLayer)).toEqual(dropoutLayerIndices(n));
      expect(cols[4].dropoutLayer).toBeNull();
      for (const c of cols.slice(1)) {
        const l = spec.layers[c.weightLayer!];
        expect(l.type).toBe('linear');
        expect(l.type === 'linear' && l.out).toBe(c.width);
      }
      expect(spec.layers[cols[1].norm!.layer].type).toBe('batchnorm');
      expect(cols[2].norm).toBeNull();
      expect(spec.layers[cols[3].norm!.layer].type).toBe('layernorm');
      // The unit's value is what leaves the block before dropout: the activation, or a norm after it.
      expect(spec.layers[cols[1].valueLayer!].type).toBe(placement === 'before' ? 'relu' : 'batchnorm');
      expect(spec.layers[cols[2].valueLayer!].type).toBe('relu');
      expect(cols[4].valueLayer).toBe(spec.layers.length - 1);
    });
  }

  it('handles a network with no hidden layer', () => {
    const cols = netColumns(compileNet(net({ hidden: [], norm: [], dropoutHidden: [] }), 3, 2, 'cross_entropy'));
    expect(cols.map((c) => [c.kind, c.width])).toEqual([
      ['input', 3],
      ['output', 2],
    ]);
  });
});

describe('strongestEdges', () => {
  it('keeps only the strongest shown connections, in PyTorch out × in layout', () => {
    const out = 30, inn = 28, rng = new Rng(5);
    const w = new Float32Array(out * inn);
    for (let i = 0; i < w.length; i++) w[i] = rng.next() * 2 - 1;
    const { edges } = strongestEdges(w, out, inn, 24, 24, 50);
    expect(edges.length).toBe(150);
    const kept = new Set<string>();
    let weakestKept = Infinity;
    for (let k = 0; k < edges.length; k += 3) {
      const [o, i, v] = [edges[k], edges[k + 1], edges[k + 2]];
      expect(o).toBeLessThan(24);
      expect(i).toBeLessThan(24);
      expect(v).toBe(w[o * inn + i]);
      kept.add(`${o}:${i}`);
      weakestKept = Math.min(weakestKept, Math.abs(v));
    }
    for (let o = 0; o < 24; o++) for (let i = 0; i < 24; i++) if (!kept.has(`${o}:${i}`)) expect(Math.abs(w[o * inn + i])).toBeLessThanOrEqual(weakestKept);
  });
});

describe('layout', () => {
  it('shows at most MAX_SHOWN units per column and finds units under a point', () => {
    const cols = netColumns(compileNet(net({ hidden: [40, 6], norm: ['none', 'none'], dropoutHidden: [true, true] }), 2, 2, 'cross_entropy'));
    const L = layoutNet(cols, 600);
    expect(L.columns[1].ys.length).toBe(MAX_SHOWN);
    expect(L.columns[1].more).toBe(40 - MAX_SHOWN);
    expect(L.columns[2].ys.length).toBe(6);
    expect(hitUnit(L, L.columns[2].x + 2, L.columns[2].ys[3] - 3)).toEqual({ col: 2, unit: 3 });
    expect(hitUnit(L, (L.columns[1].x + L.columns[2].x) / 2, L.columns[2].ys[3])).toBeNull();
  });

  it('widens tap targets sideways where columns leave room, never into a neighbour, and keeps them one step high', () => {
    const phone = layoutNet(netColumns(compileNet(net({ hidden: [32, 32], norm: ['none', 'none'], dropoutHidden: [false, false] }), 2, 2, 'cross_entropy')), 348);
    expect(phone.hitWidth).toBe(MAX_HIT_WIDTH);
    // A finger landing beside a unit still hits it; the unit above or below is still its own.
    expect(hitUnit(phone, phone.columns[1].x + 18, phone.columns[1].ys[5])).toEqual({ col: 1, unit: 5 });
    expect(hitUnit(phone, phone.columns[1].x - 18, phone.columns[1].ys[5] + UNIT_STEP)).toEqual({ col: 1, unit: 6 });
    for (const hidden of [[8], [8, 8, 8], [8, 8, 8, 8, 8, 8]]) {
      const cols = netColumns(compileNet(net({ hidden, norm: hidden.map(() => 'none'), dropoutHidden: hidden.map(() => false) }), 2, 2, 'cross_entropy'));
      for (const width of [300, 348, 640]) {
        const L = layoutNet(cols, width);
        const spacing = L.columns[1].x - L.columns[0].x;
        expect(L.hitWidth).toBeGreaterThanOrEqual(UNIT_STEP);
        expect(L.hitWidth).toBeLessThan(spacing);
        expect(hitUnit(L, (L.columns[0].x + L.columns[1].x) / 2, L.columns[0].ys[0])).toBeNull();
      }
    }
  });
});

describe('dropState', () => {
  it('reads one batch row of the step mask in training and nothing in inference', () => {
    const fx = makeFixture(fixtureConfig('circles'), { steps: 2 });
    const cols = netColumns(fx.ready.model);
    const h1 = cols[1], lf = fx.frame.layers[h1.dropoutLayer!];
    expect(lf.mask).toBeDefined();
    for (const row of [0, 3]) {
      const d = dropState(h1, fx.frame, row);
      let zeros = 0;
      for (let j = 0; j < h1.width; j++) zeros += lf.mask![row * h1.width + j] === 0 ? 1 : 0;
      expect(d.kind).toBe('mask');
      expect(d.count).toBe(zeros);
    }
    // The input has dropout switched off (p = 0): nothing counts as dropped there.
    expect(dropState(cols[0], fx.frame, 0).count).toBe(0);
    fx.session.setMode('inference');
    const inf = nextFrame(fx.session);
    expect(cols.map((c) => dropState(c, inf, 0).count)).toEqual(cols.map(() => 0));
    expect(dropState(h1, inf, 0).kind).toBe('inference');
  });
});
