// The engine's public surface: pure TypeScript, no DOM, React or d3; runs in Node, a worker or a page.
export * from './spec.ts';
export * from './errors.ts';
export * from './rng.ts';
export * from './model.ts';
export * from './loss.ts';
export * from './optim.ts';
export * from './layers/types.ts';
export { Linear } from './layers/linear.ts';
export { Activation } from './layers/activation.ts';
export { Dropout, type DropoutConfig } from './layers/dropout.ts';
export { BatchNorm, type BatchNormConfig } from './layers/batchnorm.ts';
export { LayerNorm, type LayerNormConfig } from './layers/layernorm.ts';
export * from './trainer.ts';
export * from './netspec.ts';
export * from './datasets/index.ts';
