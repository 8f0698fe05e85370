// Lines through a row-major grid of cell-centre values: the `level` iso-line by marching squares
// (linear interpolation along cell edges), or the borders between cells of different class. Segments
// come out as flat [x0, y0, x1, y1, …] in cell units, cell (r, c) centred at (c + 0.5, r + 0.5).

export function isoLine(v: ArrayLike<number>, size: number, level: number): number[] {
  const out: number[] = [];
  const at = (r: number, c: number) => v[r * size + c] - level;
  for (let r = 0; r + 1 < size; r++) {
    for (let c = 0; c + 1 < size; c++) {
      // Corners clockwise from top-left: a (r, c), b (r, c+1), d (r+1, c+1), e (r+1, c).
      const a = at(r, c), b = at(r, c + 1), d = at(r + 1, c + 1), e = at(r + 1, c);
      const pts: number[] = [];
      const edge = (p: number, q: number, x0: number, y0: number, x1: number, y1: number) => {
        if ((p < 0) !== (q < 0)) {
          const t = p / (p - q);
          pts.push(x0 + (x1 - x0) * t + 0.5, y0 + (y1 - y0) * t + 0.5);
        }
      };
      edge(a, b, c, r, c + 1, r);
      edge(b, d, c + 1, r, c + 1, r + 1);
      edge(d, e, c + 1, r + 1, c, r + 1);
      edge(e, a, c, r + 1, c, r);
      // Two crossings: one segment. Four (a saddle): pair them in edge order, which is consistent.
      for (let k = 0; k + 3 < pts.length; k += 4) out.push(pts[k], pts[k + 1], pts[k + 2], pts[k + 3]);
    }
  }
  return out;
}

export function classEdges(cls: ArrayLike<number>, size: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const k = cls[r * size + c];
      if (c + 1 < size && cls[r * size + c + 1] !== k) out.push(c + 1, r, c + 1, r + 1);
      if (r + 1 < size && cls[(r + 1) * size + c] !== k) out.push(c, r + 1, c + 1, r + 1);
    }
  }
  return out;
}

