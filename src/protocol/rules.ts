// Rules that more than one side enforces (the store, the URL table, the file loader, the worker): each
// lives here once, and every side asks this module instead of restating it.

/** The largest seed a link, a control or the worker accepts (the seed stays a positive 31-bit integer). */
export const MAX_SEED = 2 ** 31 - 1;

export function isValidSeed(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= MAX_SEED;
}

/**
 * The seed "New seed" picks after `seed`: the Park–Miller minimal standard generator (× 48271 mod 2³¹ − 1).
 * Every product stays below 2⁵³, so the arithmetic is exact however often it is called, and the result
 * is always in [1, MAX_SEED − 1].
 */
export function nextSeed(seed: number): number {
  const s = Number.isInteger(seed) && seed > 0 && seed < MAX_SEED ? seed : 1;
  return (s * 48271) % MAX_SEED;
}

/** A batch is drawn from the training rows: it can never be larger than them (or smaller than 1). */
export function batchFits(batchSize: number, trainRows: number): boolean {
  return Number.isInteger(batchSize) && batchSize >= 1 && batchSize <= trainRows;
}

/** The batch size to use with `trainRows` training rows: the asked one, lowered to fit when it is larger. */
export function fitBatch(batchSize: number, trainRows: number): number {
  return Math.max(1, Math.min(batchSize, trainRows));
}

/** How many Monte-Carlo dropout passes a curve, an inspection or the worker's options may ask for. */
export const MC_SAMPLES = { min: 1, max: 200 } as const;
