// The two message unions between the page and the training worker. Each side handles them with an
// exhaustive switch whose default is `never`, so adding a message without handling it fails to compile.
import type { Arch, ConvConfig, LabConfig, TeachFlags, ViewMode } from './config.ts';
import type { Frame, ReadyInfo } from './frame.ts';
import type { NetSpec } from '../engine/netspec.ts';
import type { InspectionReport, KnockoutRequest } from './inspection.ts';
import type { CustomData } from './custom-data.ts';

/**
 * A change to the settings; fields left out stay as they are. Live fields (dropout p, placement and
 * scaling, BN/LN ε and momentum, optimizer, lr, momentum, weight decay, batch size, teaching flags)
 * apply before the next step; structural ones (any data field, hidden widths, activation, norm kinds
 * or placement, init, init scale) rebuild the run with the same seed. See protocol/patch.ts.
 */
export interface ConfigPatch {
  data?: Partial<LabConfig['data']>;
  net?: Partial<NetSpec>;
  /** The architecture and the CNN's own settings (see protocol/arch.ts: a CNN implies the digits). */
  arch?: Arch;
  conv?: Partial<ConvConfig>;
  train?: Partial<LabConfig['train']>;
  teach?: Partial<TeachFlags>;
}

/** Session options the panels choose (what to compute for frames). */
export interface SessionOptions {
  /** Evaluate the full train and test sets every this many steps (≥ 1; while training at full speed at most about once per display frame, and at most ~10 % of the time). */
  evalEvery: number;
  /** Which feature of each norm layer batchIn / batchHat / batchOut follow (clamped to the layer's width). */
  feature: number;
  /** Monte-Carlo dropout passes for the 1-D band (1–200). */
  mcSamples: number;
  /** Grid resolution for 2-D outputs (64–256). */
  gridSize: number;
}

export const DEFAULT_OPTIONS: SessionOptions = { evalEvery: 10, feature: 0, mcSamples: 30, gridSize: 64 };

export interface SetNormCommand {
  type: 'setNorm';
  /** Index of a batchnorm or layernorm layer in the compiled ModelSpec.layers. */
  layer: number;
  feature: number | 'all';
  gamma?: number;
  beta?: number;
  /** Freeze (or unfreeze) this layer's γ and β: they keep their values while the rest trains. Survives reset. */
  frozen?: boolean;
}

type CommandBody =
  | { type: 'configure'; config: LabConfig; teach: TeachFlags; mode: ViewMode; options?: Partial<SessionOptions> }
  | { type: 'play' }
  | { type: 'pause' }
  /** Pause, then run n more steps (at full speed: the speed cap paces Play only). */
  /** With `add`, the n steps add to those still pending (Step pressed again before the last ran); without, they replace them. */
  | { type: 'step'; n: number; add?: boolean }
  /** Same seed: the same data, initial weights, masks and batches as the run's start. */
  | { type: 'reset' }
  | { type: 'newSeed'; seed: number }
  | { type: 'set'; patch: ConfigPatch }
  | SetNormCommand
  | { type: 'mode'; mode: ViewMode }
  /** Steps-per-second cap for Play, or null for as fast as possible. */
  | { type: 'speed'; stepsPerSecond: number | null }
  | { type: 'options'; options: Partial<SessionOptions> }
  /** Measure the Inference lab's figures now (K Monte-Carlo passes; `rows` test rows for the per-layer means, default 64). */
  | { type: 'inspect'; k: number; rows?: number; knockout?: KnockoutRequest; probe?: number }
  /** The learner's own rows, kept by the session for data name 'custom' (the run rebuilds if it uses them). */
  | { type: 'data'; dataset: CustomData }
  /** The page has taken frame `seq`; the worker may send the next one. */
  | { type: 'ack'; seq: number };

/**
 * A command, optionally tagged with `rev` (a number that increases per command the page sends):
 * frames report the highest rev applied, so the page can tell which frame first reflects a change.
 */
export type Command = CommandBody & { rev?: number };

export type CommandType = Command['type'];

export type ErrorCode = 'invalid_spec' | 'bn_batch_one' | 'shape' | 'data' | 'not_configured' | 'bad_command' | 'internal';

export type WorkerEvent =
  | { type: 'ready'; info: ReadyInfo }
  | { type: 'frame'; frame: Frame }
  /**
   * A command was refused or a step failed. recoverable: the session is still usable as it was (a
   * refused change left the previous value in force; a failed step paused training). Not recoverable:
   * the session has no run (never configured, or the configuration could not be built) until a valid
   * configure. `command` and `rev` name the refused command, when the error is about one; `step` is
   * the run's completed steps when it was raised (absent without a run).
   */
  | { type: 'error'; message: string; recoverable: boolean; code: ErrorCode; field?: string; command?: CommandType; rev?: number; step?: number }
  /**
   * The next step's loss (or a gradient) was not finite: that step was not applied, training paused
   * at `step` (completed steps), and `loss` is the offending value (NaN or ±Infinity).
   */
  | { type: 'diverged'; step: number; loss: number }
  /** The answer to `inspect`, computed on a twin of the network (training is not disturbed). */
  | { type: 'inspection'; report: InspectionReport };

export function assertNever(x: never): never {
  throw new Error(`unhandled message: ${JSON.stringify(x)}`);
}
