// Matrix kernels behind matmul.ts (which picks one and keeps the lists of non-zeros). Matrices are
// row-major Float32Arrays; sums run in float64 in a fixed order (the bias first, then the terms by
// ascending index) and are rounded to float32 once, so the dense and the sparse kernel give the same
// bits and a given seed always gives the same result.
//
// Speed in plain JavaScript comes from three things: (1) register blocking — several accumulators in
// locals, so each value loaded from memory feeds several multiply-adds; (2) reading the transposed
// operand in place through strides instead of copying it; (3) skipping zeros — ReLU and dropout zero
// most of a hidden layer's input, and the sparse kernels only visit the non-zero entries.
//
// Each kernel is one loop nest with nothing after it: V8 (Node 20) keeps re-entering the code it
// compiled on-stack for a long loop, and a statement after that loop which had not run yet when the
// code was compiled would deoptimize it again on every call.
// Readable float64 reference for what this file computes: src/engine/reference.ts (tests compare the two).

/** How many of x[0 … n−1] are non-zero (NaN counts), without a branch on the data. */
export function countNonZeros(x: Float32Array, n: number): number {
  let c = 0;
  for (let i = 0; i < n; i++) c += ((x[i] !== 0) as unknown as number) | 0;
  return c;
}

/**
 * Lists the non-zero entries of each row of x (R×K): row r uses slots start[r] = r·K onwards, count[r]
 * of them, each with its column k, value and k·O (the offset of row k of the right-hand matrix).
 * Returns the number of non-zeros. NaN counts as non-zero; ±0 are skipped.
 */
export function compactRows(
  x: Float32Array, R: number, K: number, O: number,
  start: Int32Array, count: Int32Array, col: Int32Array, val: Float32Array, off: Int32Array,
): number {
  let total = 0;
  for (let r = 0; r < R; r++) {
    const s = r * K;
    let n = s;
    for (let k = 0; k < K; k++) {
      // Always write, advance only past a non-zero: no branch on the data. (A boolean | 0 compiles to a
      // flag move; `v !== 0 ? 1 : 0` would be a branch, mispredicted on ReLU's coin-flip zeros.)
      const v = x[s + k];
      col[n] = k;
      val[n] = v;
      off[n] = k * O;
      n += ((v !== 0) as unknown as number) | 0;
    }
    start[r] = s;
    count[r] = n - s;
    total += n - s;
  }
  return total;
}

/**
 * The same entries listed by column (a CSC copy of compactRows' lists, rows ascending within each
 * column): column k uses slots start[k] … start[k] + count[k] − 1, each with its value and r·O.
 * `cursor` is scratch of length ≥ K.
 */
export function transposeLists(
  R: number, K: number, O: number,
  rowStart: Int32Array, rowCount: Int32Array, rowCol: Int32Array, rowVal: Float32Array,
  start: Int32Array, count: Int32Array, val: Float32Array, off: Int32Array, cursor: Int32Array,
): void {
  for (let k = 0; k < K; k++) count[k] = 0;
  for (let r = 0; r < R; r++) {
    const s = rowStart[r], e = s + rowCount[r];
    for (let j = s; j < e; j++) count[rowCol[j]]++;
  }
  let at = 0;
  for (let k = 0; k < K; k++) {
    start[k] = at;
    cursor[k] = at;
    at += count[k];
  }
  for (let r = 0; r < R; r++) {
    const s = rowStart[r], e = s + rowCount[r], ro = r * O;
    for (let j = s; j < e; j++) {
      const p = cursor[rowCol[j]]++;
      val[p] = rowVal[j];
      off[p] = ro;
    }
  }
}

/**
 * out[r·O + o] = init[o] + Σ_j val[j] · M[off[j] + o] over row r's listed entries (sparse × dense).
 * Eight columns at a time in registers, then four, two, one.
 */
export function sparseTimes(
  R: number, O: number, start: Int32Array, count: Int32Array, val: Float32Array, off: Int32Array,
  M: Float32Array, init: Float32Array, out: Float32Array,
): void {
  for (let r = 0; r < R; r++) {
    const s = start[r], e = s + count[r], ro = r * O;
    let o = 0;
    for (; o + 7 < O; o += 8) {
      let c0 = init[o], c1 = init[o + 1], c2 = init[o + 2], c3 = init[o + 3];
      let c4 = init[o + 4], c5 = init[o + 5], c6 = init[o + 6], c7 = init[o + 7];
      for (let j = s; j < e; j++) {
        const a = val[j], q = off[j] + o;
        c0 += a * M[q];
        c1 += a * M[q + 1];
        c2 += a * M[q + 2];
        c3 += a * M[q + 3];
        c4 += a * M[q + 4];
        c5 += a * M[q + 5];
        c6 += a * M[q + 6];
        c7 += a * M[q + 7];
      }
      out[ro + o] = c0;
      out[ro + o + 1] = c1;
      out[ro + o + 2] = c2;
      out[ro + o + 3] = c3;
      out[ro + o + 4] = c4;
      out[ro + o + 5] = c5;
      out[ro + o + 6] = c6;
      out[ro + o + 7] = c7;
    }
    for (; o + 3 < O; o += 4) {
      let c0 = init[o], c1 = init[o + 1], c2 = init[o + 2], c3 = init[o + 3];
      for (let j = s; j < e; j++) {
        const a = val[j], q = off[j] + o;
        c0 += a * M[q];
        c1 += a * M[q + 1];
        c2 += a * M[q + 2];
        c3 += a * M[q + 3];
      }
      out[ro + o] = c0;
      out[ro + o + 1] = c1;
      out[ro + o + 2] = c2;
      out[ro + o + 3] = c3;
    }
    for (; o + 1 < O; o += 2) {
      let c0 = init[o], c1 = init[o + 1];
      for (let j = s; j < e; j++) {
        const a = val[j], q = off[j] + o;
        c0 += a * M[q];
        c1 += a * M[q + 1];
      }
      out[ro + o] = c0;
      out[ro + o + 1] = c1;
    }
    for (; o < O; o++) {
      let c = init[o];
      for (let j = s; j < e; j++) c += val[j] * M[off[j] + o];
      out[ro + o] = c;
    }
  }
}

/**
 * out[r·O + o] = init[o] + Σ_k A[r·rs + k·ks] · M[k·O + o] for k = 0 … K−1 (dense × dense). With
 * (rs, ks) = (K, 1) A is read as stored; with (1, R) it is read transposed, in place. Two rows × four
 * columns at a time: six loads feed eight multiply-adds.
 */
export function denseTimes(
  R: number, K: number, O: number, A: Float32Array, rs: number, ks: number,
  M: Float32Array, init: Float32Array, out: Float32Array,
): void {
  for (let r = 0; r < R; r += 2) {
    const a0 = r * rs, ro = r * O;
    // An odd last row is computed twice over the same row (and stored once), keeping one loop nest.
    const two = r + 1 < R, a1 = two ? a0 + rs : a0, ro1 = two ? ro + O : ro;
    let o = 0;
    for (; o + 3 < O; o += 4) {
      let c0 = init[o], c1 = init[o + 1], c2 = init[o + 2], c3 = init[o + 3];
      let d0 = c0, d1 = c1, d2 = c2, d3 = c3;
      for (let k = 0, p = 0, q = o; k < K; k++, p += ks, q += O) {
        const x0 = A[a0 + p], x1 = A[a1 + p];
        const w0 = M[q], w1 = M[q + 1], w2 = M[q + 2], w3 = M[q + 3];
        c0 += x0 * w0;
        c1 += x0 * w1;
        c2 += x0 * w2;
        c3 += x0 * w3;
        d0 += x1 * w0;
        d1 += x1 * w1;
        d2 += x1 * w2;
        d3 += x1 * w3;
      }
      out[ro1 + o] = d0;
      out[ro1 + o + 1] = d1;
      out[ro1 + o + 2] = d2;
      out[ro1 + o + 3] = d3;
      out[ro + o] = c0;
      out[ro + o + 1] = c1;
      out[ro + o + 2] = c2;
      out[ro + o + 3] = c3;
    }
    for (; o < O; o++) {
      let c = init[o], d = c;
      for (let k = 0, p = 0, q = o; k < K; k++, p += ks, q += O) {
        const w = M[q];
        c += A[a0 + p] * w;
        d += A[a1 + p] * w;
      }
      out[ro1 + o] = d;
      out[ro + o] = c;
    }
  }
}

/**
 * out[r·I + i] = Σ_o D[r·O + o] · W[i·O + o]: D times Wᵀ with W (I×O) read in place, for every i.
 * Two rows × four i at a time.
 */
export function denseTimesT(R: number, I: number, O: number, D: Float32Array, W: Float32Array, out: Float32Array): void {
  for (let r = 0; r < R; r += 2) {
    const g0 = r * O, ro = r * I;
    const two = r + 1 < R, g1 = two ? g0 + O : g0, ro1 = two ? ro + I : ro;
    let i = 0;
    for (; i + 3 < I; i += 4) {
      const w0 = i * O, w1 = w0 + O, w2 = w1 + O, w3 = w2 + O;
      let c0 = 0, c1 = 0, c2 = 0, c3 = 0, d0 = 0, d1 = 0, d2 = 0, d3 = 0;
      for (let o = 0; o < O; o++) {
        const x0 = D[g0 + o], x1 = D[g1 + o];
        const v0 = W[w0 + o], v1 = W[w1 + o], v2 = W[w2 + o], v3 = W[w3 + o];
        c0 += x0 * v0;
        c1 += x0 * v1;
        c2 += x0 * v2;
        c3 += x0 * v3;
        d0 += x1 * v0;
        d1 += x1 * v1;
        d2 += x1 * v2;
        d3 += x1 * v3;
      }
      out[ro1 + i] = d0;
      out[ro1 + i + 1] = d1;
      out[ro1 + i + 2] = d2;
      out[ro1 + i + 3] = d3;
      out[ro + i] = c0;
      out[ro + i + 1] = c1;
      out[ro + i + 2] = c2;
      out[ro + i + 3] = c3;
    }
    for (; i < I; i++) {
      const w0 = i * O;
      let c = 0, d = 0;
      for (let o = 0; o < O; o++) {
        const v = W[w0 + o];
        c += D[g0 + o] * v;
        d += D[g1 + o] * v;
      }
      out[ro1 + i] = d;
      out[ro + i] = c;
    }
  }
}

/**
 * Like denseTimesT, but only at each row's listed (non-zero input) columns; out must be zero elsewhere
 * beforehand. Eight listed columns at a time (nine loads feed eight multiply-adds), then four, then one.
 */
export function sparseTimesT(
  R: number, I: number, O: number, start: Int32Array, count: Int32Array, col: Int32Array, off: Int32Array,
  D: Float32Array, W: Float32Array, out: Float32Array,
): void {
  for (let r = 0; r < R; r++) {
    const s = start[r], e = s + count[r], g = r * O, ro = r * I;
    let j = s;
    for (; j + 7 < e; j += 8) {
      const w0 = off[j], w1 = off[j + 1], w2 = off[j + 2], w3 = off[j + 3];
      const w4 = off[j + 4], w5 = off[j + 5], w6 = off[j + 6], w7 = off[j + 7];
      let c0 = 0, c1 = 0, c2 = 0, c3 = 0, c4 = 0, c5 = 0, c6 = 0, c7 = 0;
      for (let o = 0; o < O; o++) {
        const x = D[g + o];
        c0 += x * W[w0 + o];
        c1 += x * W[w1 + o];
        c2 += x * W[w2 + o];
        c3 += x * W[w3 + o];
        c4 += x * W[w4 + o];
        c5 += x * W[w5 + o];
        c6 += x * W[w6 + o];
        c7 += x * W[w7 + o];
      }
      out[ro + col[j]] = c0;
      out[ro + col[j + 1]] = c1;
      out[ro + col[j + 2]] = c2;
      out[ro + col[j + 3]] = c3;
      out[ro + col[j + 4]] = c4;
      out[ro + col[j + 5]] = c5;
      out[ro + col[j + 6]] = c6;
      out[ro + col[j + 7]] = c7;
    }
    for (; j + 3 < e; j += 4) {
      const w0 = off[j], w1 = off[j + 1], w2 = off[j + 2], w3 = off[j + 3];
      let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
      for (let o = 0; o < O; o++) {
        const x = D[g + o];
        c0 += x * W[w0 + o];
        c1 += x * W[w1 + o];
        c2 += x * W[w2 + o];
        c3 += x * W[w3 + o];
      }
      out[ro + col[j]] = c0;
      out[ro + col[j + 1]] = c1;
      out[ro + col[j + 2]] = c2;
      out[ro + col[j + 3]] = c3;
    }
    for (; j < e; j++) {
      const w0 = off[j];
      let c = 0;
      for (let o = 0; o < O; o++) c += D[g + o] * W[w0 + o];
      out[ro + col[j]] = c;
    }
  }
}
