// `npm run experiments` prints its table and then, last, one JSON line of {id, figure, value, holds}.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../scripts/experiments.ts';

afterEach(() => vi.restoreAllMocks());

function capture(args: string[]): { code: number; lines: string[] } {
  const lines: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  const code = main(args);
  return { code, lines };
}

describe('experiments script', () => {
  it('ends with one JSON line whose holds and value come from the runs', () => {
    const { code, lines } = capture(['--only', 'E7', '--seeds', '1,2']);
    expect(code).toBe(0);
    const last = JSON.parse(lines[lines.length - 1]) as { experiments: { id: string; figure: string; value: number; holds: boolean; values: number[] }[] };
    expect(last.experiments).toHaveLength(1);
    const [e] = last.experiments;
    expect(e.id).toBe('E7');
    expect(e.figure).toMatch(/accuracy/);
    expect(e.holds).toBe(true);
    expect(e.values).toHaveLength(2);
    expect(e.value).toBeCloseTo((e.values[0] + e.values[1]) / 2, 12);
    expect(e.value).toBeLessThan(0.2);
    expect(lines.some((l) => /check oneClassPredicted\s+ok\s+ok/.test(l))).toBe(true);
  });

  it('rejects a bad seed list with a usage line and exit code 2', () => {
    const { code, lines } = capture(['--seeds', 'one']);
    expect(code).toBe(2);
    expect(lines.join('\n')).toMatch(/usage/);
  });
});
