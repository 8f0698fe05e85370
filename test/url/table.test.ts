// The hyperparameter table: defaults match DEFAULT_CONFIG, ranges are the ones a learner expects and
// stay inside what the engine accepts, and the accessors and clamps behave.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_STATE, HYPERPARAMS, clamp, entry, getAt, invalidParams, isValidValue, patchFor, setAt,
  type NumberEntry, type ParamId,
} from '../../src/protocol/hyperparams.ts';
import { DEFAULT_CONFIG } from '../../src/protocol/config.ts';
import { compileNet } from '../../src/engine/netspec.ts';
import { validateModelSpec } from '../../src/engine/spec.ts';
import { validState } from './arbitrary.ts';

const num = (id: ParamId) => entry(id) as NumberEntry;

describe('hyperparameter table', () => {
  it('takes every default from the default state, and the default state is valid', () => {
    for (const e of HYPERPARAMS) {
      if (e.path.startsWith('lesson.')) continue; // no lesson by default
      expect(getAt(DEFAULT_STATE, e.path), e.id).toEqual(e.default);
      expect(isValidValue(e, e.default), e.id).toBe(true);
    }
    expect(invalidParams(DEFAULT_STATE)).toEqual([]);
    expect(DEFAULT_STATE.config).toBe(DEFAULT_CONFIG);
  });

  it('has unique ids and URL keys (only the two dropout-place entries share "drop")', () => {
    const ids = HYPERPARAMS.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = HYPERPARAMS.map((e) => e.url);
    const shared = keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(shared).toEqual(['drop']);
    expect(HYPERPARAMS.filter((e) => e.url === 'drop').map((e) => e.id)).toEqual(['dropoutInput', 'dropoutHidden']);
    for (const e of HYPERPARAMS) expect(e.label).toBe(`control.${e.id}`);
  });

  it('covers every scalar leaf of LabConfig', () => {
    const leaves: string[] = [];
    const walk = (o: object, p: string) => {
      for (const [k, v] of Object.entries(o)) {
        if (v !== null && typeof v === 'object' && !Array.isArray(v)) walk(v, `${p}${k}.`);
        else leaves.push(`${p}${k}`);
      }
    };
    walk(DEFAULT_CONFIG, 'config.');
    const paths = new Set(HYPERPARAMS.map((e) => e.path as string));
    expect(leaves.filter((l) => !paths.has(l))).toEqual([]);
  });

  it('has the ranges the brief asks for', () => {
    expect([num('dropoutP').min, num('dropoutP').max]).toEqual([0, 0.95]);
    expect(num('lr')).toMatchObject({ min: 1e-5, max: 10, scale: 'log' });
    const is = num('initScale');
    expect(is.scale).toBe('log');
    expect(is.min <= 0.1 && is.max >= 10).toBe(true);
    expect(num('batchSize')).toMatchObject({ kind: 'int', min: 1, max: 512 });
    expect(num('bnMomentum')).toMatchObject({ min: 0, max: 1 });
    expect(num('bnEps')).toMatchObject({ min: 1e-8, max: 0.1, scale: 'log' });
    expect(num('noise')).toMatchObject({ min: 0, max: 1 });
    expect(num('trainSize')).toMatchObject({ kind: 'int', min: 10, max: 1000 });
    expect(num('seed')).toMatchObject({ kind: 'int', min: 0, max: 2147483647 });
    const hidden = entry('hidden');
    expect(hidden.kind === 'list' && hidden.maxLength === 6 && hidden.item.kind === 'int' && hidden.item.min === 1 && hidden.item.max === 256).toBe(true);
  });

  it('says how each change applies', () => {
    const by = (a: string) => HYPERPARAMS.filter((e) => e.apply === a).map((e) => e.id).sort();
    expect(by('live')).toEqual(
      ['batchSize', 'bnBatchStatsAtInference', 'bnEps', 'bnMomentum', 'dropoutHidden', 'dropoutInput', 'dropoutP', 'dropoutScaling',
        'forgetDropoutScaling', 'lnEps', 'lr', 'momentum', 'optimizer', 'weightDecay'],
    );
    expect(by('rebuild')).toEqual(['activation', 'hidden', 'init', 'initScale', 'norm', 'normPlacement']);
    expect(by('data')).toEqual(['dataset', 'noise', 'testSize', 'trainSize']);
    expect(by('seed')).toEqual(['seed']);
  });

  it('clamps into range, rounds ints, keeps 0 weight decay, and cuts long lists', () => {
    expect(clamp(entry('dropoutP'), 1.5)).toBe(0.95);
    expect(clamp(entry('dropoutP'), -0.2)).toBe(0);
    expect(clamp(entry('dropoutP'), Number.NaN)).toBe(DEFAULT_CONFIG.net.dropoutP);
    expect(clamp(entry('batchSize'), 3.6)).toBe(4);
    expect(clamp(entry('batchSize'), 0)).toBe(1);
    expect(clamp(entry('lr'), 100)).toBe(10);
    expect(clamp(entry('weightDecay'), 0)).toBe(0);
    expect(clamp(entry('weightDecay'), -1)).toBe(0);
    expect(clamp(entry('weightDecay'), 1e-9)).toBe(1e-6);
    expect(Object.is(clamp(entry('momentum'), -0), 0)).toBe(true);
    expect(clamp(entry('activation'), 'gelu')).toBe('relu');
    expect(clamp(entry('hidden'), [300, 0, 5.4, 5, 5, 5, 5, 5])).toEqual([256, 1, 5, 5, 5, 5]);
    expect(clamp(entry('hide'), ['lr', 'nope', 'dropoutP', 'lr'])).toEqual(['dropoutP', 'lr']);
    expect(clamp(entry('lesson'), 'Not An Id')).toBe(null);
  });

  it('gets and sets by path without mutating', () => {
    expect(getAt(DEFAULT_STATE, 'config.net.dropoutP')).toBe(0.3);
    expect(getAt(DEFAULT_STATE, 'lesson.step')).toBe(null);
    const s = setAt(DEFAULT_STATE, 'config.net.dropoutP', 0.5);
    expect(s.config.net.dropoutP).toBe(0.5);
    expect(DEFAULT_STATE.config.net.dropoutP).toBe(0.3);
    expect(s.config.train).toBe(DEFAULT_STATE.config.train);
    expect(() => setAt(DEFAULT_STATE, 'lesson.step', 2)).toThrow(TypeError);
    const withLesson = setAt({ ...DEFAULT_STATE, lesson: { id: 'bn', step: 0 } }, 'lesson.step', 2);
    expect(withLesson.lesson).toEqual({ id: 'bn', step: 2 });
  });

  it('builds the worker patch for live settings only', () => {
    expect(patchFor(entry('dropoutP'), 0.5)).toEqual({ net: { dropoutP: 0.5 } });
    expect(patchFor(entry('lr'), 0.1)).toEqual({ train: { lr: 0.1 } });
    expect(patchFor(entry('forgetDropoutScaling'), true)).toEqual({ teach: { forgetDropoutScaling: true } });
    expect(patchFor(entry('hidden'), [8])).toBe(null);
    expect(patchFor(entry('seed'), 3)).toBe(null);
  });

  it('only allows networks the engine accepts (any valid state compiles and validates)', () => {
    fc.assert(
      fc.property(validState, (s) => {
        expect(invalidParams(s)).toEqual([]);
        const spec = compileNet(s.config.net, 2, 3, 'cross_entropy');
        expect(validateModelSpec(spec)).toBe(3);
      }),
      { numRuns: 200 },
    );
  });
});
