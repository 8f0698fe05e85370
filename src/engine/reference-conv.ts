// The readable reference for the image layers: their forward (and Conv2d's backward) passes loop by
// loop as test/parity-conv/README.md writes them (float64, NCHW). The fast layers (layers/conv2d.ts,
// batchnorm2d.ts, dropout2d.ts, pool.ts) are tested against these; nothing in training calls them.

/** Y[b][o][i][j] = bias[o] + Σ_c Σ_u Σ_v W[o][c][u][v] · Xp[b][c][i·s+u][j·s+v], Xp = X padded with p zeros. */
export function conv2dRef(
  x: ArrayLike<number>, B: number, C: number, H: number, W: number,
  weight: ArrayLike<number>, bias: ArrayLike<number> | null, O: number, k: number, s: number, p: number,
): { y: Float64Array; Ho: number; Wo: number } {
  const Ho = Math.floor((H + 2 * p - k) / s) + 1, Wo = Math.floor((W + 2 * p - k) / s) + 1;
  const y = new Float64Array(B * O * Ho * Wo);
  for (let b = 0; b < B; b++) {
    for (let o = 0; o < O; o++) {
      for (let i = 0; i < Ho; i++) {
        for (let j = 0; j < Wo; j++) {
          let acc = bias ? bias[o] : 0;
          for (let c = 0; c < C; c++) {
            for (let u = 0; u < k; u++) {
              for (let v = 0; v < k; v++) {
                const r = i * s + u - p, q = j * s + v - p;
                if (r < 0 || r >= H || q < 0 || q >= W) continue; // a padding zero
                acc += weight[((o * C + c) * k + u) * k + v] * x[((b * C + c) * H + r) * W + q];
              }
            }
          }
          y[((b * O + o) * Ho + i) * Wo + j] = acc;
        }
      }
    }
  }
  return { y, Ho, Wo };
}

/** Given ∂L/∂Y: ∂L/∂W, ∂L/∂bias and ∂L/∂X, each term of the forward sum sending its share back. */
export function conv2dRefBackward(
  x: ArrayLike<number>, B: number, C: number, H: number, W: number,
  weight: ArrayLike<number>, O: number, k: number, s: number, p: number, dY: ArrayLike<number>,
): { dW: Float64Array; dBias: Float64Array; dX: Float64Array } {
  const Ho = Math.floor((H + 2 * p - k) / s) + 1, Wo = Math.floor((W + 2 * p - k) / s) + 1;
  const dW = new Float64Array(O * C * k * k), dBias = new Float64Array(O), dX = new Float64Array(B * C * H * W);
  for (let b = 0; b < B; b++) {
    for (let o = 0; o < O; o++) {
      for (let i = 0; i < Ho; i++) {
        for (let j = 0; j < Wo; j++) {
          const g = dY[((b * O + o) * Ho + i) * Wo + j];
          dBias[o] += g;
          for (let c = 0; c < C; c++) {
            for (let u = 0; u < k; u++) {
              for (let v = 0; v < k; v++) {
                const r = i * s + u - p, q = j * s + v - p;
                if (r < 0 || r >= H || q < 0 || q >= W) continue;
                const wi = ((o * C + c) * k + u) * k + v, xi = ((b * C + c) * H + r) * W + q;
                dW[wi] += g * x[xi];
                dX[xi] += g * weight[wi];
              }
            }
          }
        }
      }
    }
  }
  return { dW, dBias, dX };
}

/** BatchNorm2d in training: channel c normalized by the mean and biased variance of its B·H·W values. */
export function batchNorm2dRef(x: ArrayLike<number>, B: number, C: number, HW: number, gamma: ArrayLike<number>, beta: ArrayLike<number>, eps: number): Float64Array {
  const y = new Float64Array(B * C * HW);
  for (let c = 0; c < C; c++) {
    const vals: number[] = [];
    for (let b = 0; b < B; b++) for (let q = 0; q < HW; q++) vals.push(x[(b * C + c) * HW + q]);
    const mean = vals.reduce((s, v) => s + v, 0) / vals.length;
    const variance = vals.reduce((s, v) => s + (v - mean) ** 2, 0) / vals.length;
    for (let b = 0; b < B; b++) {
      for (let q = 0; q < HW; q++) {
        const i = (b * C + c) * HW + q;
        y[i] = (gamma[c] * (x[i] - mean)) / Math.sqrt(variance + eps) + beta[c];
      }
    }
  }
  return y;
}

/** Dropout2d in training: map (b, c) times mask[b][c] / (1 − p). */
export function dropout2dRef(x: ArrayLike<number>, B: number, C: number, HW: number, mask: ArrayLike<number>, p: number): Float64Array {
  const y = new Float64Array(B * C * HW);
  for (let b = 0; b < B; b++) for (let c = 0; c < C; c++) for (let q = 0; q < HW; q++) y[(b * C + c) * HW + q] = (x[(b * C + c) * HW + q] * mask[b * C + c]) / (1 - p);
  return y;
}

/** MaxPool2d: the largest value of each k×k window (stride s, no padding), and where the first such value sits. */
export function maxPool2dRef(x: ArrayLike<number>, maps: number, H: number, W: number, k: number, s: number): { y: number[]; arg: number[] } {
  const Ho = Math.floor((H - k) / s) + 1, Wo = Math.floor((W - k) / s) + 1;
  const y: number[] = [], arg: number[] = [];
  for (let m = 0; m < maps; m++) {
    for (let i = 0; i < Ho; i++) {
      for (let j = 0; j < Wo; j++) {
        let best = -Infinity, at = -1;
        for (let u = 0; u < k; u++) {
          for (let v = 0; v < k; v++) {
            const idx = (m * H + i * s + u) * W + j * s + v;
            if (x[idx] > best) {
              best = x[idx];
              at = idx;
            }
          }
        }
        y.push(best);
        arg.push(at);
      }
    }
  }
  return { y, arg };
}
