// URL <-> state: parsing never throws and always yields a valid state; every value it did not take as
// written is named in a notice; valid states survive a round trip through their short link.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseUrl, serializeUrl, type Notice } from '../../src/url/state.ts';
import { DEFAULT_STATE, HYPERPARAMS, invalidParams, setAt, type LabState } from '../../src/protocol/hyperparams.ts';
import { validState } from './arbitrary.ts';

const parse = (q: string) => parseUrl(q);
const notice = (n: Partial<Notice>) => expect.objectContaining(n);

describe('parseUrl examples', () => {
  it('gives the defaults, with no notices, for an empty query; the defaults give an empty query', () => {
    expect(parse('')).toEqual({ state: DEFAULT_STATE, notices: [] });
    expect(parse('?')).toEqual({ state: DEFAULT_STATE, notices: [] });
    expect(serializeUrl(DEFAULT_STATE)).toBe('');
  });

  it('clamps an out-of-range value and says so', () => {
    const { state, notices } = parse('?p=1.5&bs=0&seed=-4&lr=1e3');
    expect(state.config.net.dropoutP).toBe(0.95);
    expect(state.config.train.batchSize).toBe(1);
    expect(state.config.seed).toBe(0);
    expect(state.config.train.lr).toBe(10);
    expect(notices).toEqual([
      { param: 'p', id: 'dropoutP', kind: 'clamped', given: '1.5', used: '0.95' },
      { param: 'lr', id: 'lr', kind: 'clamped', given: '1e3', used: '10' },
      { param: 'bs', id: 'batchSize', kind: 'clamped', given: '0', used: '1' },
      { param: 'seed', id: 'seed', kind: 'clamped', given: '-4', used: '0' },
    ]);
  });

  it('rounds a fractional whole-number setting, with a notice', () => {
    const { state, notices } = parse('?bs=31.6');
    expect(state.config.train.batchSize).toBe(32);
    expect(notices).toEqual([notice({ id: 'batchSize', kind: 'clamped', used: '32' })]);
  });

  it('brings the batch down to the training set, after both are read, with one notice', () => {
    const over = parse('?bs=300');
    expect(over.state.config.train.batchSize).toBe(DEFAULT_STATE.config.data.trainSize);
    expect(over.notices).toEqual([{ param: 'bs', id: 'batchSize', kind: 'clamped', given: '300', used: String(DEFAULT_STATE.config.data.trainSize) }]);
    // The batch comes first in no particular order: the training size later in the link still counts.
    const small = parse('?bs=1000&train=50');
    expect(small.state.config.train.batchSize).toBe(50);
    expect(small.notices).toEqual([{ param: 'bs', id: 'batchSize', kind: 'clamped', given: '1000', used: '50' }]);
    // The default batch against a small training set is named too.
    const tiny = parse('?train=10');
    expect(tiny.state.config.train.batchSize).toBe(10);
    expect(tiny.notices).toEqual([notice({ param: 'bs', kind: 'clamped', given: String(DEFAULT_STATE.config.train.batchSize), used: '10' })]);
    expect(invalidParams(setAt(DEFAULT_STATE, 'config.train.batchSize', 300))).toEqual(['batchSize']);
  });

  it('drops garbage and keeps the default', () => {
    const { state, notices } = parse('?lr=abc&act=gelu&p=0x10&opt=&present=maybe&lang=fr');
    expect(state).toEqual(DEFAULT_STATE);
    expect(notices.map((n) => [n.param, n.kind, n.used])).toEqual([
      ['act', 'dropped', 'relu'],
      ['p', 'dropped', '0.3'],
      ['opt', 'dropped', 'adam'],
      ['lr', 'dropped', '0.01'],
      ['lang', 'dropped', ''],
      ['present', 'dropped', '0'],
    ]);
  });

  it('ignores unknown parameters with a notice, and keeps the first of a repeated key', () => {
    const { state, notices } = parse('?foo=1&p=0.1&p=0.2');
    expect(state.config.net.dropoutP).toBe(0.1);
    expect(notices).toEqual([
      { param: 'foo', id: null, kind: 'dropped', given: '1', used: '' },
      { param: 'p', id: 'dropoutP', kind: 'duplicate', given: '0.2', used: '0.1' },
    ]);
  });

  it('reads the query out of a whole URL and ignores the fragment', () => {
    expect(parse('https://example.org/lab/?p=0.5#lesson').state.config.net.dropoutP).toBe(0.5);
    expect(parse('p=0.5').state.config.net.dropoutP).toBe(0.5);
    expect(parse('https://example.org/lab/')).toEqual({ state: DEFAULT_STATE, notices: [] });
  });

  it('keeps per-layer lists as long as the hidden layers, silently when they were not given', () => {
    const s = parse('?h=64,32,16').state.config.net;
    expect(s.hidden).toEqual([64, 32, 16]);
    expect(s.norm).toEqual(['none', 'none', 'none']);
    expect(s.dropoutHidden).toEqual([false, false, false]);
    const one = parse('?h=8');
    expect(one.state.config.net.norm).toEqual(['none']);
    expect(one.notices).toEqual([]);
    const none = parse('?h=none');
    expect(none.state.config.net.hidden).toEqual([]);
    expect(none.state.config.net.dropoutHidden).toEqual([]);
    expect(serializeUrl(none.state)).toBe('?h=none');
  });

  it('pads or cuts a per-layer list given with the wrong length, with a notice', () => {
    const pad = parse('?h=64,64,64&norm=bn');
    expect(pad.state.config.net.norm).toEqual(['batchnorm', 'none', 'none']);
    expect(pad.notices).toEqual([{ param: 'norm', id: 'norm', kind: 'clamped', given: 'bn', used: 'bn,none,none' }]);
    const cut = parse('?h=8&norm=ln,bn,bn');
    expect(cut.state.config.net.norm).toEqual(['layernorm']);
    expect(cut.notices).toEqual([notice({ id: 'norm', kind: 'clamped', used: 'ln' })]);
  });

  it('cuts too many layers and clamps widths', () => {
    const { state, notices } = parse('?h=1,2,3,4,5,6,7,8');
    expect(state.config.net.hidden).toEqual([1, 2, 3, 4, 5, 6]);
    expect(state.config.net.norm).toHaveLength(6);
    expect(notices).toEqual([notice({ param: 'h', kind: 'clamped', used: '1,2,3,4,5,6' })]);
    expect(parse('?h=300,0').state.config.net.hidden).toEqual([256, 1]);
    const bad = parse('?h=32,abc');
    expect(bad.state.config.net.hidden).toEqual([32, 32]);
    expect(bad.notices).toEqual([notice({ param: 'h', kind: 'dropped', used: '32,32' })]);
  });

  it('reads dropout places as a readable list', () => {
    const s = parse('?drop=i,1').state.config.net;
    expect(s.dropoutInput).toBe(true);
    expect(s.dropoutHidden).toEqual([false, true]);
    const out = parse('?drop=i,5');
    expect(out.state.config.net.dropoutHidden).toEqual([false, false]);
    expect(out.notices).toEqual([{ param: 'drop', id: 'dropoutHidden', kind: 'clamped', given: 'i,5', used: 'i' }]);
    const junk = parse('?drop=i,x');
    expect(junk.state.config.net.dropoutInput).toBe(false);
    expect(junk.notices).toEqual([notice({ param: 'drop', kind: 'dropped', used: 'none' })]);
  });

  it('allows weight decay 0 and clamps tiny positive values to the smallest step', () => {
    expect(parse('?wd=0').notices).toEqual([]);
    const { state, notices } = parse('?wd=1e-9');
    expect(state.config.train.weightDecay).toBe(1e-6);
    expect(notices).toEqual([notice({ param: 'wd', kind: 'clamped' })]);
  });

  it('reads classroom options: lesson and step, language, hidden controls, presentation', () => {
    const { state, notices } = parse('?lesson=bn-intro&step=3&lang=ko&hide=lr,nope,dropoutP&present');
    expect(state.lesson).toEqual({ id: 'bn-intro', step: 3 });
    expect(state.lang).toBe('ko');
    expect(state.hide).toEqual(['dropoutP', 'lr']);
    expect(state.present).toBe(true);
    expect(notices).toEqual([{ param: 'hide', id: 'hide', kind: 'dropped', given: 'nope', used: 'dropoutP,lr' }]);
    expect(parse('?step=3').notices).toEqual([notice({ param: 'step', kind: 'dropped' })]);
    expect(parse('?lesson=Bad%20Id').state.lesson).toBe(null);
    expect(parse('?lesson=bn&step=500').state.lesson).toEqual({ id: 'bn', step: 99 });
  });

  it('writes only what differs from the defaults, in table order', () => {
    let s: LabState = setAt(DEFAULT_STATE, 'config.net.hidden', [64]);
    s = setAt(s, 'config.net.norm', ['batchnorm']);
    s = setAt(s, 'config.net.dropoutHidden', [true]);
    s = setAt(s, 'config.net.dropoutP', 0.5);
    s = setAt(s, 'config.net.bnMomentum', 0.01);
    s = { ...s, mode: 'inference', lesson: { id: 'bn-intro', step: 2 } };
    expect(serializeUrl(s)).toBe('?h=64&p=0.5&drop=0&norm=bn&bnmom=0.01&mode=inference&lesson=bn-intro&step=2');
    expect(parse(serializeUrl(s))).toEqual({ state: s, notices: [] });
  });
});

// Query-string material that is mostly wrong: real keys with junk, junk keys, odd encodings.
const junkValue = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.double().map(String),
  fc.integer().map(String),
  fc.constantFrom('NaN', 'Infinity', '-0', '1e999', '', 'none', 'i', ',', ',,', '%', '%zz', '+', '1e-400', '0x1f', ' 3 ', 'bn,ln,gn', 'true'),
  fc.array(fc.oneof(fc.integer({ min: -5, max: 400 }).map(String), fc.constantFrom('i', 'bn', 'ln', 'x', '')), { maxLength: 9 }).map((a) => a.join(',')),
);
const key = fc.oneof(fc.constantFrom(...HYPERPARAMS.map((e) => e.url)), fc.string({ maxLength: 6 }));
const junkQuery = fc
  .array(fc.tuple(key, junkValue, fc.boolean()), { maxLength: 12 })
  .map((pairs) => '?' + pairs.map(([k, v, enc]) => `${k}=${enc ? encodeURIComponent(v) : v}`).join('&'));

function checkTotal(q: string): void {
  const { state, notices } = parseUrl(q);
  expect(invalidParams(state)).toEqual([]);
  for (const n of notices) expect(['clamped', 'dropped', 'duplicate']).toContain(n.kind);
  // What it took is a fixed point: its own link parses back to it with nothing to report.
  expect(parseUrl(serializeUrl(state))).toEqual({ state, notices: [] });
}

describe('parseUrl properties', () => {
  it('never throws on any string, and always yields a valid state', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), checkTotal), { numRuns: 300 });
    fc.assert(fc.property(fc.string(), (s) => checkTotal('?' + s)), { numRuns: 300 });
  });

  it('never throws on web URLs with queries and fragments', () => {
    fc.assert(fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), checkTotal), { numRuns: 200 });
  });

  it('never throws on key=value pairs full of garbage', () => {
    fc.assert(fc.property(junkQuery, checkTotal), { numRuns: 500 });
  });

  it('round-trips every valid state through its link, with no notices', () => {
    fc.assert(
      fc.property(validState, (s) => {
        expect(parseUrl(serializeUrl(s))).toEqual({ state: s, notices: [] });
      }),
      { numRuns: 500 },
    );
  });

  it('is canonical: each key at most once, and only keys the table knows', () => {
    const keys = new Set(HYPERPARAMS.map((e) => e.url));
    fc.assert(
      fc.property(validState, (s) => {
        const q = serializeUrl(s);
        const seen = [...new URLSearchParams(q)].map(([k]) => k);
        expect(new Set(seen).size).toBe(seen.length);
        for (const k of seen) expect(keys.has(k)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
