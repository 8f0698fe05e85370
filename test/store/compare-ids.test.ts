// Variant ids come from the comparison store, not from a module counter: a fresh store starts at the
// standard four (1–4), and an id a removed variant's worker owned is never handed out again.
import { afterEach, describe, expect, it } from 'vitest';
import { nextVariant, useCompare } from '../../src/store/compare.ts';
import { DEFAULT_CONFIG } from '../../src/protocol/config.ts';

const initial = useCompare.getState();
afterEach(() => useCompare.setState(initial, true));

describe('variant ids', () => {
  it('starts at the standard four and never reuses a removed variant’s id', () => {
    expect(useCompare.getState().variants.map((v) => v.id)).toEqual([1, 2, 3, 4]);
    const three = useCompare.getState().variants.slice(0, 3);
    const added = nextVariant(three, DEFAULT_CONFIG)!;
    expect(added.id).toBe(5);
    // Remove the one just added and add again: a new id, not 5 again.
    const again = nextVariant(three, DEFAULT_CONFIG)!;
    expect(again.id).toBe(6);
    expect(nextVariant([...three, again], DEFAULT_CONFIG)).toBeNull();
  });

  it('a fresh store hands out its ids afresh', () => {
    nextVariant([], DEFAULT_CONFIG);
    useCompare.setState(initial, true);
    expect(nextVariant([], DEFAULT_CONFIG)!.id).toBe(5);
  });
});
