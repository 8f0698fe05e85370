// The two message unions between the page and the training worker. Each side handles them with an
// exhaustive switch whose default is `never`, so adding a message without handling it fails to compile.
import type { LabConfig, TeachFlags, ViewMode } from './config.ts';
import type { Frame, ReadyInfo } from './frame.ts';
import type { NetSpec } from '../engine/netspec.ts';


export interface ConfigPatch {
  data?: Partial<LabConfig['data']>;
  net?: Partial<NetSpec>;
  train?: Partial<LabConfig['train']>;
  teach?: Partial<TeachFlags>;
}

/** Session options the panels choose (what to compute for frames). */
export interface SessionOptions {
  /** Evaluate the full train and test sets every this many steps (≥ 1). */
  evalEvery: number;
  /** Which feature of each norm layer the histograms and batch values follow. */
  feature: number;
  /** Monte-Carlo dropout samples for the 1-D band. */
  mcSamples: number;
  /** Grid resolution for 2-D outputs (≥ 64). */
  gridSize: number;
}

export const DEFAULT_OPTIONS: SessionOptions = { evalEvery: 10, feature: 0, mcSamples: 30, gridSize: 64 };

export type Command =
  | { type: 'configure'; config: LabConfig; teach: TeachFlags; mode: ViewMode; options?: Partial<SessionOptions> }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step'; n: number }
  | { type: 'reset' }
  | { type: 'newSeed'; seed: number }
  | { type: 'set'; patch: ConfigPatch }
  | { type: 'setNorm'; layer: number; feature: number | 'all'; gamma?: number; beta?: number; frozen?: boolean }
  | { type: 'mode'; mode: ViewMode }
  | { type: 'speed'; stepsPerSecond: number | null }
  | { type: 'options'; options: Partial<SessionOptions> }
  | { type: 'ack'; seq: number };

export type WorkerEvent =
  | { type: 'ready'; info: ReadyInfo }
  | { type: 'frame'; frame: Frame }
  | { type: 'error'; message: string; recoverable: boolean; code?: string; field?: string }
  | { type: 'diverged'; step: number; loss: number };

export function assertNever(x: never): never {
  throw new Error(`unhandled message: ${JSON.stringify(x)}`);
}
