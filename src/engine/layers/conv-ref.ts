// The readable definitions of the convolution layers' forward and backward passes, loop by loop as
// test/parity-conv/README.md writes them (float64, NCHW). The fast Conv2d (im2col + blocked products)
// is tested against these; nothing in training calls them.

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
