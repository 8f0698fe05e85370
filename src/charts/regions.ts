// The decision boundary's islands counted and said (loaded after the first picture with the strings
// that say it, outside the first screen's chunk).
/**
 * How many separate regions (4-connected areas of the grid) each class covers: the decision
 * boundary's "islands" in numbers, for its text alternative.
 */
export function classRegions(cls: Uint8Array, size: number, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  const seen = new Uint8Array(size * size);
  const stack: number[] = [];
  for (let start = 0; start < size * size; start++) {
    if (seen[start]) continue;
    const c = cls[start];
    if (c < classes) counts[c]++;
    seen[start] = 1;
    stack.push(start);
    while (stack.length) {
      const k = stack.pop()!, x = k % size;
      for (const n of [k - size, k + size, x > 0 ? k - 1 : -1, x < size - 1 ? k + 1 : -1]) {
        if (n >= 0 && n < size * size && !seen[n] && cls[n] === c) {
          seen[n] = 1;
          stack.push(n);
        }
      }
    }
  }
  return counts;
}

/** "Separate regions per class: class 0: 2, class 1: 1." — `t` is the page's translator. */
export function regionsText(t: (key: 'output.grid.regions' | 'output.grid.regionsClass', vars: Record<string, string | number>) => string, cls: Uint8Array, size: number, classes: number): string {
  return t('output.grid.regions', { list: classRegions(cls, size, classes).map((n, k) => t('output.grid.regionsClass', { k, n })).join(', ') });
}
