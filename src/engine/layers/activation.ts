// Elementwise activations. Backward uses the saved output: relu' = [y > 0] (0 at exactly 0, as PyTorch),
// tanh' = 1 − y², sigmoid' = y(1 − y).
import { grow, type ForwardMode, type Layer } from './types.ts';
import type { ActivationKind } from '../spec.ts';

export class Activation implements Layer {
  readonly params = [];
  readonly inDim: number;
  readonly outDim: number;
  out: Float32Array = new Float32Array(0);
  private dIn: Float32Array = new Float32Array(0);

  readonly type: ActivationKind;

  constructor(type: ActivationKind, width: number) {
    this.type = type;
    this.inDim = width;
    this.outDim = width;
  }

  ensureCapacity(B: number): void {
    this.out = grow(this.out, B * this.outDim);
    this.dIn = grow(this.dIn, B * this.inDim);
  }

  forward(x: Float32Array, B: number, _mode: ForwardMode): Float32Array {
    this.ensureCapacity(B);
    const n = B * this.inDim, y = this.out;
    switch (this.type) {
      case 'relu':
        for (let i = 0; i < n; i++) {
          const v = x[i];
          y[i] = v > 0 ? v : 0;
        }
        break;
      case 'tanh':
        for (let i = 0; i < n; i++) y[i] = Math.tanh(x[i]);
        break;
      case 'sigmoid':
        for (let i = 0; i < n; i++) {
          const v = x[i];
          // Two forms so that neither exp overflows for large |v|.
          if (v >= 0) y[i] = 1 / (1 + Math.exp(-v));
          else {
            const e = Math.exp(v);
            y[i] = e / (1 + e);
          }
        }
        break;
    }
    return y;
  }

  backward(dOut: Float32Array, B: number, _needDIn: boolean): Float32Array {
    const n = B * this.inDim, y = this.out, d = this.dIn;
    switch (this.type) {
      case 'relu':
        for (let i = 0; i < n; i++) d[i] = y[i] > 0 ? dOut[i] : 0;
        break;
      case 'tanh':
        for (let i = 0; i < n; i++) d[i] = dOut[i] * (1 - y[i] * y[i]);
        break;
      case 'sigmoid':
        for (let i = 0; i < n; i++) d[i] = dOut[i] * y[i] * (1 - y[i]);
        break;
    }
    return d;
  }

  twin(): Activation {
    return new Activation(this.type, this.inDim);
  }
}
