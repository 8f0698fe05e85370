// The metrics history as files: CSV (one row per history point, spreadsheet-ready) and JSON (the same
// points plus what run they came from). Each point is the mean over the evaluations it merges
// (History.stride); _min / _max columns keep their extremes. A missing value (accuracy in regression,
// batch loss before the first step) is an empty cell in CSV and null in JSON.
import { HISTORY_KEYS, type History, type HistoryKey } from '../protocol/frame.ts';
import type { LabConfig } from '../protocol/config.ts';

export const HISTORY_FORMAT = 'regularization-lab/history';
export const HISTORY_VERSION = 1;

const SNAKE: Record<HistoryKey, string> = {
  batchLoss: 'batch_loss', trainLoss: 'train_loss', testLoss: 'test_loss', trainAcc: 'train_acc', testAcc: 'test_acc',
};

/** Column names of the CSV, in order. */
export const HISTORY_COLUMNS: readonly string[] = [
  'step_first', 'step',
  ...HISTORY_KEYS.flatMap((k) => [SNAKE[k], `${SNAKE[k]}_min`, `${SNAKE[k]}_max`]),
];

/** A float32 value in its shortest faithful decimal (7 significant digits), or null when not finite. */
function value(v: number): number | null {
  return Number.isFinite(v) ? Number(v.toPrecision(7)) : null;
}

function rowValues(h: History, i: number): (number | null)[] {
  return [
    h.stepFirst[i], h.step[i],
    ...HISTORY_KEYS.flatMap((k) => [value(h[k][i]), value(h.min[k][i]), value(h.max[k][i])]),
  ];
}

export function historyToCsv(h: History): string {
  const lines = [HISTORY_COLUMNS.join(',')];
  for (let i = 0; i < h.step.length; i++) lines.push(rowValues(h, i).map((v) => (v === null ? '' : String(v))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export interface HistoryMeta {
  runId?: number;
  config?: LabConfig;
  /** ISO time of the export. */
  exportedAt?: string;
}

export function historyToJson(h: History, meta: HistoryMeta = {}): string {
  const points = Array.from({ length: h.step.length }, (_, i) => {
    const vals = rowValues(h, i);
    return Object.fromEntries(HISTORY_COLUMNS.map((c, j) => [c, vals[j]]));
  });
  return `${JSON.stringify({ format: HISTORY_FORMAT, version: HISTORY_VERSION, ...meta, stride: h.stride, columns: HISTORY_COLUMNS, points }, null, 2)}\n`;
}
