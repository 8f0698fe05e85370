// The metrics history as CSV and JSON, from a real run's frame: the columns, one row per history
// point, values matching the frame's arrays, empty cells where the value does not exist.
import { describe, expect, it } from 'vitest';
import { HISTORY_COLUMNS, HISTORY_FORMAT, historyToCsv, historyToJson } from '../../src/export/csv.ts';
import { fixtureConfig, makeFixture, trainFor } from '../fixtures/frames.ts';

const cls = makeFixture(fixtureConfig('circles'), { steps: 0 });
const clsFrame = trainFor(cls.session, 40, 5);
const reg = makeFixture(fixtureConfig('sine'), { steps: 0 });
const regFrame = trainFor(reg.session, 20, 5);

function parse(csv: string): string[][] {
  return csv.trimEnd().split('\r\n').map((l) => l.split(','));
}

describe('history CSV', () => {
  it('has the step columns then value, min and max for each series', () => {
    const [head] = parse(historyToCsv(clsFrame.history));
    expect(head).toEqual([
      'step_first', 'step',
      'batch_loss', 'batch_loss_min', 'batch_loss_max',
      'train_loss', 'train_loss_min', 'train_loss_max',
      'test_loss', 'test_loss_min', 'test_loss_max',
      'train_acc', 'train_acc_min', 'train_acc_max',
      'test_acc', 'test_acc_min', 'test_acc_max',
    ]);
    expect(head).toEqual(HISTORY_COLUMNS);
  });

  it('one row per history point, values as the frame holds them', () => {
    const h = clsFrame.history;
    const [head, ...rows] = parse(historyToCsv(h));
    expect(rows).toHaveLength(h.step.length);
    const col = (name: string) => head.indexOf(name);
    rows.forEach((r, i) => {
      expect(Number(r[col('step')])).toBe(h.step[i]);
      expect(Number(r[col('train_loss')])).toBeCloseTo(h.trainLoss[i], 5);
      expect(Number(r[col('test_acc')])).toBeCloseTo(h.testAcc[i], 5);
      expect(Number(r[col('test_loss_max')])).toBeCloseTo(h.max.testLoss[i], 5);
    });
    // 40 steps evaluated every 5, after the evaluation(s) at step 0.
    expect(rows.map((r) => Number(r[col('step')])).filter((s) => s > 0)).toEqual([5, 10, 15, 20, 25, 30, 35, 40]);
    // No batch loss before the first step: an empty cell, not "NaN".
    expect(rows[0][col('batch_loss')]).toBe('');
    const at5 = rows.find((r) => r[col('step')] === '5')!;
    expect(Number(at5[col('batch_loss')])).toBeGreaterThan(0);
    expect(historyToCsv(h)).not.toMatch(/NaN/);
  });

  it('regression has no accuracy: those cells are empty', () => {
    const [head, ...rows] = parse(historyToCsv(regFrame.history));
    const acc = head.indexOf('train_acc');
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows) {
      expect(r[acc]).toBe('');
      expect(Number.isFinite(Number(r[head.indexOf('train_loss')]))).toBe(true);
    }
  });
});

describe('history JSON', () => {
  it('the same points with the run they came from; null for missing values', () => {
    const h = regFrame.history;
    const j = JSON.parse(historyToJson(h, { runId: regFrame.runId, config: reg.ready.config, exportedAt: '2025-01-01T00:00:00.000Z' }));
    expect(j).toMatchObject({ format: HISTORY_FORMAT, version: 1, runId: regFrame.runId, stride: h.stride });
    expect(j.config.data.name).toBe('sine');
    expect(j.points).toHaveLength(h.step.length);
    expect(j.points[2].step).toBe(h.step[2]);
    expect(j.points[2].train_loss).toBeCloseTo(h.trainLoss[2], 5);
    expect(j.points[2].train_acc).toBeNull();
    expect(j.points[0].batch_loss).toBeNull();
  });
});
