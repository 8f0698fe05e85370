// What the first screen shares with code that loads after it (a11y-later.ts): the network drawing's
// example, and the decision boundary's words once their code is there.
export const later: {
  /** The example (probe row) the network drawing shows. */
  probe: number;
  /** "Separate regions per class: …" for a drawn grid (charts/regions.ts), once loaded with its strings. */
  regions?: (t: (key: 'output.grid.regions' | 'output.grid.regionsClass', vars: Record<string, string | number>) => string, cls: Uint8Array, size: number, classes: number) => string;
} = { probe: 0 };
