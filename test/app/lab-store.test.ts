// The lab store's patch: a change that would leave the batch larger than the training set brings the
// batch down in the same `set`, so the worker never refuses it and the controls show what is in force.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { connectPort, useLab } from '../../src/store/lab.ts';
import { useCustomData } from '../../src/store/custom-data.ts';
import { customTrainRows } from '../../src/protocol/custom-data.ts';
import type { Command } from '../../src/protocol/messages.ts';

const initialLab = useLab.getState();
let sent: Command[] = [];

beforeEach(() => {
  useLab.setState(initialLab, true);
  useCustomData.setState({ loaded: null });
  sent = [];
  connectPort({ send: (c) => void sent.push(c) });
});
afterEach(() => connectPort(null));

test('a smaller training set lowers the batch with it, once, and says so once', () => {
  const lab = useLab.getState();
  expect(lab.config.train.batchSize).toBe(32);
  lab.patch({ data: { trainSize: 20 } });
  lab.patch({ data: { trainSize: 10 } });
  const s = useLab.getState();
  expect(s.config.data.trainSize).toBe(10);
  expect(s.config.train.batchSize).toBe(10);
  expect(sent).toEqual([
    { type: 'set', patch: { data: { trainSize: 20 }, train: { batchSize: 20 } } },
    { type: 'set', patch: { data: { trainSize: 10 }, train: { batchSize: 10 } } },
  ]);
  expect(s.notices.filter((n) => n.key === 'data.batchLowered')).toEqual([expect.objectContaining({ kind: 'info', vars: { n: 10 } })]);
});

test('a batch above the training set is taken as the whole training set', () => {
  useLab.getState().patch({ train: { batchSize: 300 } });
  expect(useLab.getState().config.train.batchSize).toBe(200);
  expect(sent).toEqual([{ type: 'set', patch: { train: { batchSize: 200 } } }]);
});

test("the learner's own rows count what is left for training", () => {
  const rows = 60, train = customTrainRows(rows, 200);
  expect(train).toBeLessThan(32 * 2);
  useCustomData.setState({ loaded: { data: {} as never, info: { rows } as never } });
  const lab = useLab.getState();
  lab.patch({ data: { name: 'custom' } });
  lab.patch({ train: { batchSize: 64 } });
  expect(useLab.getState().config.train.batchSize).toBe(train);
});

test('a change that fits is sent as it is, with no notice', () => {
  useLab.getState().patch({ train: { batchSize: 64 }, net: { dropoutP: 0.5 } });
  expect(sent).toEqual([{ type: 'set', patch: { train: { batchSize: 64 }, net: { dropoutP: 0.5 } } }]);
  expect(useLab.getState().notices).toEqual([]);
});

test('the store keeps its port and notice count in its own state: ids differ, and dismissing one leaves the others', () => {
  expect(useLab.getState().port).not.toBeNull();
  const lab = useLab.getState();
  lab.notify({ kind: 'info', key: 'error.workerRestarted' });
  lab.notify({ kind: 'error', key: 'error.bnBatchOne' });
  const [a, b] = useLab.getState().notices;
  expect(a.id).not.toBe(b.id);
  useLab.getState().dismiss(a.id);
  expect(useLab.getState().notices.map((n) => n.key)).toEqual(['error.bnBatchOne']);
  // A fresh state (a test's reset) starts with no port: commands go nowhere.
  useLab.setState(initialLab, true);
  useLab.getState().reset();
  expect(sent.filter((c) => c.type === 'reset')).toHaveLength(0);
});
