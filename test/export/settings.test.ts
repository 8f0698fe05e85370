// Settings files: export → import gives the same settings with no notices; a tampered file is read
// through the table's rules, with one notice per value not taken as written.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SETTINGS_FORMAT, settingsFromJson, settingsToJson, type LabSettings } from '../../src/export/config.ts';
import { DEFAULT_CONFIG, DEFAULT_TEACH } from '../../src/protocol/config.ts';
import { invalidParams, DEFAULT_STATE } from '../../src/protocol/hyperparams.ts';
import { validState } from '../url/arbitrary.ts';

const base: LabSettings = {
  config: {
    ...DEFAULT_CONFIG,
    data: { name: 'moons', noise: 0.4, trainSize: 120, testSize: 300 },
    net: { ...DEFAULT_CONFIG.net, hidden: [16, 8, 4], norm: ['batchnorm', 'none', 'layernorm'], dropoutHidden: [true, false, true], dropoutP: 0.45, bnEps: 1e-3 },
    train: { ...DEFAULT_CONFIG.train, optimizer: 'sgd', lr: 0.05, weightDecay: 1e-4 },
    seed: 1234,
  },
  teach: { ...DEFAULT_TEACH, forgetDropoutScaling: true },
  mode: 'inference',
};

function tampered(edit: (f: Record<string, any>) => void): string {
  const f = JSON.parse(settingsToJson(base));
  edit(f);
  return JSON.stringify(f);
}

function read(text: string, custom = false) {
  const r = settingsFromJson(text, custom);
  if (!r.ok) throw new Error(`refused: ${r.error} ${r.detail}`);
  return r;
}

describe('round trip', () => {
  it('export then import gives the same settings and no notices', () => {
    const r = read(settingsToJson(base));
    expect(r.notices).toEqual([]);
    expect(r.settings).toEqual(base);
  });

  it('holds for any valid lab state', () => {
    fc.assert(
      fc.property(validState, (s) => {
        const settings: LabSettings = { config: s.config, teach: s.teach, mode: s.mode };
        const r = read(settingsToJson(settings));
        expect(r.notices).toEqual([]);
        expect(r.settings).toEqual(settings);
      }),
      { numRuns: 100 },
    );
  });

  it('the file says what it is', () => {
    const f = JSON.parse(settingsToJson(base));
    expect(f.format).toBe(SETTINGS_FORMAT);
    expect(f.version).toBe(1);
  });
});

describe('a tampered file', () => {
  it('out-of-range numbers are clamped, unknown choices and wrong types dropped, each named', () => {
    const r = read(
      tampered((f) => {
        f.config.net.dropoutP = 3;
        f.config.train.lr = -1;
        f.config.net.activation = 'swish';
        f.config.train.batchSize = '64';
        f.config.net.hidden = [16, 9999];
      }),
    );
    const by = Object.fromEntries(r.notices.map((n) => [n.path, n]));
    expect(by['config.net.dropoutP']).toMatchObject({ kind: 'clamped', given: '3', used: '0.95' });
    expect(by['config.train.lr']).toMatchObject({ kind: 'clamped', given: '-1', used: '0.00001' });
    expect(by['config.net.activation']).toMatchObject({ kind: 'dropped', given: 'swish', used: 'relu' });
    expect(by['config.train.batchSize']).toMatchObject({ kind: 'dropped', given: '64', used: '32' });
    expect(by['config.net.hidden']).toMatchObject({ kind: 'clamped', given: '[16,9999]', used: '[16,256]' });
    // Lists that follow the hidden layers are cut to their new length.
    expect(r.settings.config.net.norm).toEqual(['batchnorm', 'none']);
    expect(by['config.net.norm']).toMatchObject({ kind: 'clamped' });
    expect(r.settings.config.net.dropoutP).toBe(0.95);
    expect(r.settings.config.seed).toBe(1234);
    expect(invalidParams({ ...DEFAULT_STATE, ...r.settings })).toEqual([]);
  });

  it('a batch larger than the training set comes down to it, named once', () => {
    const r = read(tampered((f) => (f.config.train.batchSize = 200)));
    expect(r.settings.config.train.batchSize).toBe(base.config.data.trainSize);
    expect(r.notices).toEqual([{ path: 'config.train.batchSize', kind: 'clamped', given: '200', used: String(base.config.data.trainSize) }]);
    const both = read(tampered((f) => (f.config.train.batchSize = 5000)));
    expect(both.notices).toEqual([{ path: 'config.train.batchSize', kind: 'clamped', given: '5000', used: String(base.config.data.trainSize) }]);
  });

  it('missing values take the default; unknown fields are ignored; both reported', () => {
    const r = read(
      tampered((f) => {
        delete f.config.seed;
        delete f.teach;
        f.config.net.dropoutRate = 0.5;
        f.config.extra = { a: 1 };
      }),
    );
    const kinds = r.notices.map((n) => `${n.kind} ${n.path}`).sort();
    expect(kinds).toEqual([
      'ignored config.extra.a',
      'ignored config.net.dropoutRate',
      'missing config.seed',
      'missing teach.bnBatchStatsAtInference',
      'missing teach.bnNoise',
      'missing teach.forgetDropoutScaling',
    ]);
    expect(r.settings.config.seed).toBe(DEFAULT_CONFIG.seed);
    expect(r.settings.teach).toEqual(DEFAULT_TEACH);
  });

  it("'custom' data is kept only while the learner's own data is loaded", () => {
    const text = tampered((f) => (f.config.data.name = 'custom'));
    const without = read(text, false);
    expect(without.settings.config.data.name).toBe(DEFAULT_CONFIG.data.name);
    expect(without.notices).toEqual([{ path: 'config.data.name', kind: 'customData', given: 'custom', used: DEFAULT_CONFIG.data.name }]);
    const withData = read(text, true);
    expect(withData.settings.config.data.name).toBe('custom');
    expect(withData.notices).toEqual([]);
  });

  it('not JSON, not a settings file, or a newer version: refused whole', () => {
    expect(settingsFromJson('{"format": ')).toMatchObject({ ok: false, error: 'notJson' });
    expect(settingsFromJson('[1,2]')).toMatchObject({ ok: false, error: 'notSettings' });
    expect(settingsFromJson(JSON.stringify({ config: base.config }))).toMatchObject({ ok: false, error: 'notSettings' });
    expect(settingsFromJson(tampered((f) => (f.version = 2)))).toMatchObject({ ok: false, error: 'newerVersion', detail: '2' });
  });
});
