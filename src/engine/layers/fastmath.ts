// e^z − 1 in plain arithmetic, for the tanh and sigmoid kernels. Math.tanh and Math.exp are calls into
// the runtime that cost 10–25 ns each; this is a few multiply-adds and one table read. Accuracy: agrees
// with Math.tanh / the Math.exp sigmoid after rounding to float32 on all but ~1 in 10⁵ inputs, and
// there by one float32 ulp (float32 is what the layers store).
//
// z = (k + f)·ln2/8 with integer k and |f| ≤ ½, so e^z = 2^(k/8)·e^r with |r| ≤ ln2/16 ≈ 0.043, where a
// degree-5 polynomial has relative error below 3e-10; and e^z − 1 = s·(e^r − 1) + (s − 1) with s = 2^(k/8) keeps
// full relative accuracy near z = 0 (s = 1 exactly there).

const LN2_HI = 6.93147180369123816490e-1; // ln 2 split so that k·LN2_HI is exact (fdlibm)
const LN2_LO = 1.90821492927058770002e-10;
const STEPS = 8;
const STEP_HI = LN2_HI / STEPS;
const STEP_LO = LN2_LO / STEPS;
const INV_STEP = STEPS / Math.LN2;
/** Largest |z| the table covers: enough for sigmoid's clamp (120) with room to spare. */
export const EXPM1_MAX_ARG = 125;
const K = Math.ceil(EXPM1_MAX_ARG * INV_STEP) + 1;
/** POW[k + K] = 2^(k/8): eight roots of 2, times exact powers of two. */
const POW = new Float64Array(2 * K + 1);
for (let k = -K; k <= K; k++) {
  const j = ((k % STEPS) + STEPS) % STEPS;
  POW[k + K] = Math.pow(2, j / STEPS) * Math.pow(2, (k - j) / STEPS);
}

/** e^z − 1 for |z| ≤ EXPM1_MAX_ARG (the callers clamp). */
export function expm1(z: number): number {
  const k = Math.floor(z * INV_STEP + 0.5);
  const r = z - k * STEP_HI - k * STEP_LO;
  const p = r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120)))));
  const s = POW[k + K];
  return s * p + (s - 1);
}
