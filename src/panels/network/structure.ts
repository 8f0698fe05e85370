// The compiled layer list read as the picture a learner expects: columns of units (input, each hidden
// layer, output), each knowing which layers feed it, colour it, normalize it and drop it.
import type { ModelSpec } from '../../engine/spec.ts';
import type { Frame, LayerFrame, ReadyInfo } from '../../protocol/frame.ts';

export type ColumnKind = 'input' | 'hidden' | 'output';

export interface NetColumn {
  kind: ColumnKind;
  /** Hidden layer number (0-based) for hidden columns. */
  hidden: number;
  width: number;
  /** Linear layer that computes this column from the previous one (null for the input). */
  weightLayer: number | null;
  /** Layer whose probe output is the unit's activation (null for the input: the raw probe input). */
  valueLayer: number | null;
  /** Dropout layer that acts on this column's outputs (null where none sits). */
  dropoutLayer: number | null;
  norm: { kind: 'batchnorm' | 'layernorm'; layer: number } | null;
}

/** Columns of the network drawing, from the compiled spec (any order of norm/activation/dropout). */
export function netColumns(spec: ModelSpec): NetColumn[] {
  const cols: NetColumn[] = [{ kind: 'input', hidden: -1, width: spec.input, weightLayer: null, valueLayer: null, dropoutLayer: null, norm: null }];
  let hidden = 0;
  spec.layers.forEach((l, i) => {
    const cur = cols[cols.length - 1];
    switch (l.type) {
      case 'linear':
        cols.push({ kind: 'hidden', hidden: hidden++, width: l.out, weightLayer: i, valueLayer: i, dropoutLayer: null, norm: null });
        break;
      case 'dropout':
        cur.dropoutLayer = i;
        break;
      case 'batchnorm':
      case 'layernorm':
        cur.norm = { kind: l.type, layer: i };
        cur.valueLayer = i;
        break;
      default:
        // An activation: the unit's value is what leaves it (unless a norm after it follows).
        cur.valueLayer = i;
    }
  });
  const last = cols[cols.length - 1];
  if (cols.length > 1) {
    last.kind = 'output';
    last.hidden = -1;
  }
  return cols;
}

/** Whether a frame belongs to this run and network (frames of an old run can still be in flight). */
export function frameMatches(ready: ReadyInfo | null, frame: Frame | null): frame is Frame {
  return !!ready && !!frame && frame.runId === ready.runId && frame.layers.length === ready.model.layers.length;
}

/** Activation of unit j of column c for probe row `probe` (NaN if unknown). */
export function unitValue(col: NetColumn, j: number, probe: number, frame: Frame, ready: ReadyInfo): number {
  if (col.valueLayer === null) {
    const D = ready.data.inputDim;
    return probe < ready.data.probeCount ? ready.data.probeX[probe * D + j] : NaN;
  }
  const lf = frame.layers[col.valueLayer];
  const v = lf.probe[probe * col.width + j];
  return v === undefined ? NaN : v;
}

export interface DropState {
  /** 'inference': no dropout happens; 'none': dropout switched off here (p = 0) or no mask yet; 'mask': a mask row. */
  kind: 'inference' | 'none' | 'mask';
  /** Batch row the mask is read from. */
  row: number;
  /** 1 = dropped, per unit of the column (all zeros unless kind is 'mask'). */
  dropped: Uint8Array;
  count: number;
}

/** Which units of a column were dropped this step, for one training-batch row. */
export function dropState(col: NetColumn, frame: Frame, row: number): DropState {
  const dropped = new Uint8Array(col.width);
  if (frame.mode === 'inference') return { kind: 'inference', row: 0, dropped, count: 0 };
  const lf: LayerFrame | undefined = col.dropoutLayer === null ? undefined : frame.layers[col.dropoutLayer];
  if (!lf || !lf.mask || !lf.maskRows || !(lf.p && lf.p > 0)) return { kind: 'none', row: 0, dropped, count: 0 };
  const r = ((row % lf.maskRows) + lf.maskRows) % lf.maskRows;
  let count = 0;
  for (let j = 0; j < col.width; j++) {
    if (lf.mask[r * col.width + j] === 0) {
      dropped[j] = 1;
      count++;
    }
  }
  return { kind: 'mask', row: r, dropped, count };
}
