// The decision boundary's islands in numbers (issue 16, point 7): separate 4-connected regions per class.
import { describe, expect, it } from 'vitest';
import { classRegions, regionsText } from '../../src/charts/regions.ts';

const grid = (rows: string[]) => Uint8Array.from(rows.join('').split('').map(Number));

describe('classRegions', () => {
  it('counts each class’s separate areas, joined only through edges (not corners)', () => {
    const cls = grid([
      '0000', //
      '0110',
      '0000',
      '1001',
    ]);
    // Class 1: the middle pair, the lower-left cell and the lower-right cell; class 0 is one area.
    expect(classRegions(cls, 4, 2)).toEqual([1, 3]);
    // Diagonal neighbours are separate regions.
    expect(classRegions(grid(['10', '01']), 2, 2)).toEqual([2, 2]);
  });

  it('counts a class missing from the grid as 0 regions, and three classes apart', () => {
    expect(classRegions(grid(['00', '00']), 2, 2)).toEqual([1, 0]);
    expect(classRegions(grid(['012', '012', '212']), 3, 3)).toEqual([1, 1, 2]);
  });

  it('says it in words', () => {
    const t = (key: string, v: Record<string, string | number>) =>
      key === 'output.grid.regions' ? `Separate regions per class: ${v.list}.` : `class ${v.k}: ${v.n}`;
    expect(regionsText(t, grid(['0110', '0000', '1001', '0000']), 4, 2)).toBe('Separate regions per class: class 0: 1, class 1: 3.');
  });
});
