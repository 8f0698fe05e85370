// What a data set is to the engine: train and test splits as flat typed arrays, plus what the views need.
import type { Split } from '../trainer.ts';

export interface Dataset {
  name: string;
  kind: 'classification' | 'regression';
  inputDim: number;
  /** Number of classes (classification) or output width (regression: 1). */
  classes: number;
  train: Split;
  test: Split;
  /** Plotting bounds for 2-D (x, y) and 1-D (x, target) data; null for digits. */
  domain: { xMin: number; xMax: number; yMin: number; yMax: number } | null;
  /** Image data sets: the raw pixels of each row (same order as the splits), for drawing. */
  images?: { width: number; height: number; maxValue: number; train: Uint8Array; test: Uint8Array };
}

export type DatasetName = 'circles' | 'xor' | 'gaussians' | 'spiral' | 'moons' | 'sine' | 'digits' | 'custom';

export interface DataConfig {
  name: DatasetName;
  /** Noise level, 0–1 (ignored for digits). */
  noise: number;
  /** Training examples (for digits: at most the training split's size). */
  trainSize: number;
  /** Test examples (for digits: the whole test split). */
  testSize: number;
}
