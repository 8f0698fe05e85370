// Errors the engine raises on purpose: each names what was wrong so the UI can say it plainly.

export type EngineErrorCode = 'invalid_spec' | 'bn_batch_one' | 'shape' | 'data';

export class EngineError extends Error {
  readonly code: EngineErrorCode;
  /** The spec field at fault, as a path such as `layers[2].p`, when there is one. */
  readonly field?: string;
  constructor(code: EngineErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
    this.field = field;
  }
}

export const BN_BATCH_ONE_MESSAGE = 'batchnorm needs batch size > 1 in training';
/** BatchNorm2d in training with one value per channel (one sample, 1×1 maps): the variance is meaningless. */
export const BN2D_ONE_VALUE_MESSAGE = 'batchnorm needs more than one value per channel in training';
