// Seeded randomness: every random draw in the engine comes from an Rng passed in, never Math.random.
// One generator, sfc32 (small fast counter): 32-bit state words, fast in V8, good statistical quality.

/**
 * The lab's one generator: sfc32 (small fast counter), four 32-bit state words. Rng draws from it, and a
 * loop that needs a draw per unit (dropout's masks) makes a local one seeded from an Rng: V8 keeps a
 * generator that never leaves its function in registers, as fast as the same steps written inline.
 */
export class Sfc32 {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(a: number, b: number, c: number, d: number) {
    this.a = a | 0;
    this.b = b | 0;
    this.c = c | 0;
    this.d = d | 0;
  }

  /** Uniform 32-bit unsigned integer. */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    const c = this.c;
    this.c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }
}

/** splitmix32 expands (seed, stream) into four state words, so streams of one seed are unrelated. */
function seedWords(seed: number, stream: number): [number, number, number, number] {
  let s = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
  const next = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  return [next(), next(), next(), next()];
}

export class Rng extends Sfc32 {
  private spare = 0;
  private hasSpare = false;

  constructor(seed: number, stream = 0) {
    super(...seedWords(seed, stream));
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Standard normal (Box–Muller, one spare kept). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    this.hasSpare = true;
    return r * Math.cos(2 * Math.PI * v);
  }

  /** Fisher–Yates shuffle in place. */
  shuffle(a: Int32Array | number[]): void {
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}

/** Named, independent streams of one seed, so changing one use (say, batch size) leaves the others alone. */
export const STREAM = { data: 1, init: 2, shuffle: 3, dropout: 4, view: 5, mc: 6, noise: 7 } as const;

export function rngFor(seed: number, stream: keyof typeof STREAM): Rng {
  return new Rng(seed, STREAM[stream]);
}
