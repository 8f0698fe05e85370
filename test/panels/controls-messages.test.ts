// Every entry of the hyperparameter table has a label in both languages, and the four names the
// page's tests and screen readers rely on are exactly these.
import { describe, expect, it } from 'vitest';
import { HYPERPARAMS } from '../../src/protocol/hyperparams.ts';
import { messages } from '../../src/i18n/index.ts';

describe('control labels', () => {
  const en = messages.en as Record<string, string>;
  const ko = messages.ko as Record<string, string>;

  it('exist for every table entry in English and Korean', () => {
    const missing = HYPERPARAMS.flatMap((e) => [...(e.label in en ? [] : [`en ${e.label}`]), ...(e.label in ko ? [] : [`ko ${e.label}`])]);
    expect(missing).toEqual([]);
  });

  it('use the agreed English names', () => {
    expect(en['control.dropoutP']).toBe('Dropout p');
    expect(en['control.lr']).toBe('Learning rate');
    expect(en['controls.gamma']).toBe('γ');
    expect(en['controls.beta']).toBe('β');
  });

  it('are distinct within a language, so no two controls share a name', () => {
    for (const table of [en, ko]) {
      const labels = HYPERPARAMS.map((e) => table[e.label]);
      expect(new Set(labels).size).toBe(labels.length);
    }
  });
});
