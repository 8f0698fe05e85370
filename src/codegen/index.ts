// Code export: the learner's network as paste-and-run PyTorch or Keras.
import type { LabConfig } from '../protocol/config.ts';
import type { ModelInfo } from './layers.ts';
import { pytorchCode } from './pytorch.ts';
import { kerasCode } from './keras.ts';

export { pytorchCode } from './pytorch.ts';
export { kerasCode, kerasMomentum } from './keras.ts';
export { exportLayers, type ExportLayer, type ModelInfo } from './layers.ts';

import { cnnSpecOf } from '../protocol/arch.ts';
import { kerasCnnCode, pytorchCnnCode } from './cnn.ts';

export type CodeTarget = 'pytorch' | 'keras';
export const CODE_TARGETS: readonly CodeTarget[] = ['pytorch', 'keras'];

export function exportCode(target: CodeTarget, config: LabConfig, info: ModelInfo): string {
  if (config.arch === 'cnn') {
    const cnn = cnnSpecOf(config);
    return target === 'pytorch' ? pytorchCnnCode(cnn, config, info.classes) : kerasCnnCode(cnn, config, info.classes);
  }
  return target === 'pytorch' ? pytorchCode(config, info) : kerasCode(config, info);
}
