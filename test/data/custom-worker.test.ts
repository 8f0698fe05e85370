// The learner's own data in the worker: a `data` command then a configure on 'custom' trains and
// streams frames; bad data is refused with an error event while the previous rows stay in use; the
// split follows the seed; the bridge's replay brings the rows back after a worker restart.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_TEACH, type LabConfig } from '../../src/protocol/config.ts';
import type { CustomData } from '../../src/protocol/custom-data.ts';
import { parseCsv } from '../../src/data/parse-csv.ts';
import { customDataset } from '../../src/worker/custom-dataset.ts';
import { customTestRows } from '../../src/protocol/custom-data.ts';
import { ReplayState } from '../../src/bridge/replay.ts';
import { Harness, tinyConfig } from '../worker/harness.ts';

let h: Harness;
afterEach(() => h?.dispose());

function parsed(text: string, name = 'mine.csv'): CustomData {
  const r = parseCsv(text, name);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.data;
}

/** Two blobs in 2-D, labels 0/1: separable, so training visibly helps. */
function blobs(n: number): CustomData {
  const lines = Array.from({ length: n }, (_, i) => {
    const c = i % 2, s = c ? 1 : -1;
    return `${s * 2 + Math.sin(i) * 0.5},${s + Math.cos(i * 1.3) * 0.5},${c}`;
  });
  return parsed(lines.join('\n'), 'blobs.csv');
}

const customConfig = (over: Partial<LabConfig['data']> = {}): LabConfig => {
  const c = tinyConfig();
  return { ...c, data: { ...c.data, name: 'custom', trainSize: 1000, ...over } };
};

describe('custom data in the session', () => {
  it('configure on custom data → ready with its shape, a 2-D grid, and training lowers the loss', async () => {
    h = new Harness();
    const d = blobs(100);
    h.send({ type: 'data', dataset: d, rev: 1 });
    h.configure(customConfig());
    await h.until(() => h.readies.length === 1);
    const info = h.readies[0].data;
    expect(info).toMatchObject({ name: 'custom', kind: 'classification', inputDim: 2, classes: 2, testSize: customTestRows(100), trainSize: 100 - customTestRows(100) });
    expect(info.domain).not.toBeNull();
    // Every point fits inside the plotted domain.
    for (let i = 0; i < info.trainX.length; i += 2) {
      expect(Math.abs(info.trainX[i])).toBeLessThan(info.domain!.xMax);
      expect(Math.abs(info.trainX[i + 1])).toBeLessThan(info.domain!.yMax);
    }
    h.send({ type: 'step', n: 60 });
    const f = await h.frameWhere((f) => f.step === 60 && f.metrics !== null && f.metrics.step === 60);
    expect(f.output.kind).toBe('grid');
    const first = h.frames.find((x) => x.metrics)!.metrics!;
    expect(f.metrics!.trainLoss).toBeLessThan(first.trainLoss);
    expect(h.errors).toEqual([]);
  });

  it('configure on custom with no rows loaded is refused, naming the data', async () => {
    h = new Harness();
    h.configure(customConfig());
    await h.until(() => h.errors.length > 0);
    expect(h.errors[0]).toMatchObject({ code: 'data', recoverable: false, command: 'configure' });
    expect(h.errors[0].message).toMatch(/your data.*load a CSV/i);
  });

  it('bad data → an error event; the previous rows keep training', async () => {
    h = new Harness();
    const d = blobs(60);
    h.send({ type: 'data', dataset: d });
    h.configure(customConfig());
    await h.until(() => h.readies.length === 1);
    const runId = h.readies[0].runId;
    const broken: CustomData = { ...d, x: d.x.slice(), classes: 2 };
    broken.x[7] = NaN;
    h.send({ type: 'data', dataset: broken, rev: 9 });
    const wrongY: CustomData = { ...d, y: d.y.map((v, i) => (i === 3 ? 5 : v)) };
    h.send({ type: 'data', dataset: wrongY, rev: 10 });
    await h.until(() => h.errors.length === 2);
    expect(h.errors[0]).toMatchObject({ code: 'data', recoverable: true, command: 'data', rev: 9 });
    expect(h.errors[0].message).toMatch(/row 4, feature 2 is not a finite number/);
    expect(h.errors[1].message).toMatch(/row 4: class 5 is not in \[0, 1\]/);
    expect(h.readies).toHaveLength(1);
    expect(h.runner.session.custom).toBe(d);
    h.send({ type: 'step', n: 5 });
    const f = await h.frameWhere((f) => f.step === 5);
    expect(f.runId).toBe(runId);
  });

  it('new rows restart a run on custom data; a run that cannot be built from them keeps the old rows', async () => {
    h = new Harness();
    const a = blobs(60), b = blobs(200);
    h.send({ type: 'data', dataset: a });
    h.configure(customConfig());
    await h.until(() => h.readies.length === 1);
    h.send({ type: 'data', dataset: b });
    await h.until(() => h.readies.length === 2);
    expect(h.readies[1].data.testSize).toBe(customTestRows(200));
    // Batch 16 cannot be drawn from 8 training rows: refused, the 200 rows stay.
    const tiny = blobs(10);
    h.send({ type: 'data', dataset: tiny, rev: 3 });
    await h.until(() => h.errors.length === 1);
    expect(h.errors[0]).toMatchObject({ field: 'batchSize', command: 'data', recoverable: true });
    expect(h.runner.session.custom).toBe(b);
    expect(h.readies).toHaveLength(2);
  });

  it('rows sent while another data set runs are kept for later and change nothing now', async () => {
    h = new Harness();
    h.configure(tinyConfig());
    await h.until(() => h.readies.length === 1);
    h.send({ type: 'data', dataset: blobs(40) });
    h.send({ type: 'set', patch: { data: { name: 'custom' } } });
    await h.until(() => h.readies.length === 2);
    expect(h.readies[1].data.name).toBe('custom');
    expect(h.readies[1].data.trainSize + h.readies[1].data.testSize).toBeLessThanOrEqual(40);
  });

  it('more than two features: no picture, the confusion matrix only; regression of several features runs', async () => {
    h = new Harness();
    const text = readFileSync(new URL('../../data/digits.csv', import.meta.url), 'utf8');
    h.send({ type: 'data', dataset: parsed(text, 'digits.csv') });
    h.configure(customConfig({ trainSize: 300 }));
    await h.until(() => h.readies.length === 1);
    expect(h.readies[0].data).toMatchObject({ inputDim: 64, classes: 10, domain: null, trainSize: 300 });
    h.send({ type: 'step', n: 3 });
    const f = await h.frameWhere((f) => f.step === 3);
    expect(f.output.kind).toBe('digits');
    if (f.output.kind !== 'digits') throw new Error('unreachable');
    expect(f.output.images).toHaveLength(0);
    const total = f.output.confusion.reduce((s, v) => s + v, 0);
    expect(total).toBe(h.readies[0].data.testSize);

    const reg = parsed(Array.from({ length: 50 }, (_, i) => `${i},${i % 7},${i * 0.3 + 1}`).join('\n'));
    h.send({ type: 'data', dataset: reg });
    await h.until(() => h.readies.length === 2);
    expect(h.readies[1].data).toMatchObject({ kind: 'regression', inputDim: 2, classes: 1, domain: null });
    h.send({ type: 'step', n: 3 });
    const g = await h.frameWhere((f) => f.step === 3 && f.runId === h.readies[1].runId);
    expect(g.output.kind).toBe('digits');
    expect(Number.isFinite(g.metrics!.testLoss)).toBe(true);
    expect(h.errors).toEqual([]);
  });
});

describe('one feature and a numeric target', () => {
  it('gets the curve view over a domain that holds the data', async () => {
    h = new Harness();
    const text = Array.from({ length: 80 }, (_, i) => `${i / 8},${Math.sin(i / 8) * 3 + 10}`).join('\n');
    h.send({ type: 'data', dataset: parsed(text) });
    h.configure(customConfig());
    await h.until(() => h.readies.length === 1);
    const info = h.readies[0].data;
    expect(info).toMatchObject({ kind: 'regression', inputDim: 1, classes: 1 });
    const dom = info.domain!;
    for (let i = 0; i < info.trainX.length; i++) {
      expect(info.trainX[i]).toBeGreaterThan(dom.xMin);
      expect(info.trainX[i]).toBeLessThan(dom.xMax);
      expect(info.trainY[i]).toBeGreaterThan(dom.yMin);
      expect(info.trainY[i]).toBeLessThan(dom.yMax);
    }
    // Targets stay in the file's units (around 10), not standardized.
    expect(dom.yMin).toBeGreaterThan(5);
    h.send({ type: 'step', n: 2 });
    const f = await h.frameWhere((f) => f.step === 2);
    expect(f.output.kind).toBe('curve');
  });
});

describe('the split', () => {
  it('follows the seed, keeps the test rows whatever the train size, and covers every row once', () => {
    const d = blobs(100);
    const cfg = customConfig().data;
    const a = customDataset(d, cfg, 1), b = customDataset(d, cfg, 1), c = customDataset(d, cfg, 2);
    expect(Array.from(a.test.x)).toEqual(Array.from(b.test.x));
    expect(Array.from(a.test.x)).not.toEqual(Array.from(c.test.x));
    const small = customDataset(d, { ...cfg, trainSize: 30 }, 1);
    expect(small.train.n).toBe(30);
    expect(Array.from(small.test.x)).toEqual(Array.from(a.test.x));
    // Train and test together hold each row exactly once (rows are distinct by their first feature).
    const firsts = [...Array.from({ length: a.train.n }, (_, i) => a.train.x[i * 2]), ...Array.from({ length: a.test.n }, (_, i) => a.test.x[i * 2])];
    const all = Array.from({ length: 100 }, (_, i) => d.x[i * 2]);
    expect(firsts.sort()).toEqual(all.sort());
  });
});

describe('replay after a worker restart', () => {
  it('sends the accepted rows before the configure; refused rows are never replayed', () => {
    const r = new ReplayState();
    const a = blobs(40), bad = blobs(20);
    r.record({ type: 'configure', config: tinyConfig(), teach: DEFAULT_TEACH, mode: 'training', rev: 1 });
    r.record({ type: 'data', dataset: a, rev: 2 });
    r.record({ type: 'set', patch: { data: { name: 'custom' } }, rev: 3 });
    r.accepted(3);
    r.record({ type: 'data', dataset: bad, rev: 4 });
    expect(r.data).toBe(bad);
    r.refused(4);
    r.accepted(4);
    const cmds = r.replay();
    expect(cmds.map((c) => c.type)).toEqual(['data', 'configure']);
    expect(cmds[0].type === 'data' && cmds[0].dataset).toBe(a);
    expect(cmds[1].type === 'configure' && cmds[1].config.data.name).toBe('custom');
  });

  it('a replayed worker rebuilds the same run from the replayed commands', async () => {
    const r = new ReplayState();
    const d = blobs(60);
    r.record({ type: 'data', dataset: d, rev: 1 });
    r.record({ type: 'configure', config: customConfig(), teach: DEFAULT_TEACH, mode: 'training', rev: 2 });
    r.accepted(2);
    h = new Harness();
    for (const c of r.replay()) h.send(c);
    await h.until(() => h.readies.length === 1);
    expect(h.errors).toEqual([]);
    expect(h.readies[0].data.name).toBe('custom');
    expect(h.runner.session.custom).toBe(d);
  });
});
