import { describe, expect, it } from 'vitest';
import { classEdges, isoLine } from '../../src/charts/contour.ts';
import { classShape, markerStyle } from '../../src/panels/output/markers.ts';
import { classColor } from '../../src/charts/colors.ts';

describe('isoLine', () => {
  it('finds a straight 0.5 line where a linear field crosses it', () => {
    const size = 24, v = new Float32Array(size * size);
    for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) v[r * size + c] = 0.5 + (c - 10.3) / size;
    const seg = isoLine(v, size, 0.5);
    expect(seg.length / 4).toBe(size - 1);
    // Cell (r, c) is centred at c + 0.5: the crossing at c = 10.3 lies at x = 10.8.
    for (let k = 0; k < seg.length; k += 2) expect(seg[k]).toBeCloseTo(10.8, 4);
  });

  it('traces a circle at its radius', () => {
    const size = 48, R = 15, cx = 24, v = new Float32Array(size * size);
    for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) v[r * size + c] = Math.hypot(c + 0.5 - cx, r + 0.5 - cx) / R;
    const seg = isoLine(v, size, 1);
    expect(seg.length).toBeGreaterThan(40);
    for (let k = 0; k < seg.length; k += 2) expect(Math.abs(Math.hypot(seg[k] - cx, seg[k + 1] - cx) - R)).toBeLessThan(0.1);
  });
});

describe('classEdges', () => {
  it('draws the borders between cells of different class', () => {
    const size = 10, cls = new Uint8Array(size * size);
    for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) cls[r * size + c] = c < 4 ? 0 : 1;
    const seg = classEdges(cls, size);
    expect(seg.length / 4).toBe(size);
    for (let k = 0; k < seg.length; k += 4) expect([seg[k], seg[k + 2]]).toEqual([4, 4]);
  });
});

describe('markers', () => {
  it('tell classes apart by shape and the split by fill', () => {
    expect(classShape(0)).not.toBe(classShape(1));
    expect(markerStyle(1, false).fill).toBe(classColor(1));
    expect(markerStyle(1, true).fill).toBe('#ffffff');
    expect(markerStyle(1, true).stroke).toBe(classColor(1));
  });
});
