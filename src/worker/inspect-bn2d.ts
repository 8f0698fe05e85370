// BatchNorm2d at inference, for the CNN's Inference lab: the test set normalized with the running
// statistics (correct), with the whole test set's own statistics, and one image at a time. Unlike
// BatchNorm1d, a batch of one image still has H·W values per channel, so it normalizes (to that image's
// own statistics) instead of collapsing every unit to β.
import { BatchNorm2d } from '../engine/layers/batchnorm2d.ts';
import { EVAL_MODE } from '../engine/layers/types.ts';
import type { Split } from '../engine/trainer.ts';
import type { Bn2dInspection } from '../protocol/inspection.ts';
import { THIS_BATCH_INFER, type InspectNet } from './inspect-net.ts';

export function bn2dFigures(ins: InspectNet, test: Split): Bn2dInspection | null {
  const bns = ins.net.layers.filter((l): l is BatchNorm2d => l instanceof BatchNorm2d);
  if (!bns.length) return null;
  const n = test.n;
  return ins.with(false, false, () => {
    const running = ins.evaluate(test.x, test.y, n, EVAL_MODE, 256);
    const wholeBatch = ins.evaluate(test.x, test.y, n, THIS_BATCH_INFER, n);
    let maxAbsXhat = 0;
    const batchOfOne = ins.evaluate(test.x, test.y, n, THIS_BATCH_INFER, 1, () => {
      for (const l of bns) for (let j = 0; j < l.outDim; j++) maxAbsXhat = Math.max(maxAbsXhat, Math.abs(l.xhat[j]));
    });
    return {
      layers: bns.length,
      areas: bns.map((l) => l.shape.h * l.shape.w),
      running,
      wholeBatch,
      batchOfOne,
      maxAbsXhat,
      batchStatsInLab: bns.some((l) => l.cfg.batchStatsAtInference),
    };
  });
}
