// Lines both exporters write the same way.
import type { LabConfig } from '../protocol/config.ts';
import type { ModelInfo } from './layers.ts';

export function dataLine(config: LabConfig, info: ModelInfo): string {
  const target = info.kind === 'classification' ? `${info.classes} classes` : `${info.classes} output${info.classes === 1 ? '' : 's'} (regression)`;
  return `Data: ${config.data.name}, ${info.inputDim} input feature${info.inputDim === 1 ? '' : 's'}, ${target}.`;
}

/** Rows of stand-in data: the lab's training-set size. */
export function trainingCount(config: LabConfig): number {
  return config.data.trainSize;
}

/** Said wherever the lab runs classic dropout, since neither framework offers it. */
export function classicDropoutNote(layer: string): string[] {
  return [
    '# The lab is set to classic dropout: kept units pass unscaled while training, and inference multiplies by (1 - p).',
    `# ${layer} is inverted dropout: kept units are scaled by 1 / (1 - p) while training, and inference is the identity.`,
    '# The two differ only in where the (1 - p) factor sits; the code below uses the framework\'s inverted dropout.',
  ];
}
