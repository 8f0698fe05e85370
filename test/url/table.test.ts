// The hyperparameter table: defaults match DEFAULT_CONFIG, ranges are the ones a learner expects and
// stay inside what the engine accepts, and the accessors and clamps behave.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_STATE, HYPERPARAMS, clamp, entry, getAt, invalidParams, isValidValue, patchFor, setAt,
} from '../../src/protocol/hyperparams.ts';
import { sectionPatch } from '../../src/protocol/hyperparams.ts';
import { DEFAULT_CONFIG } from '../../src/protocol/config.ts';
import { compileNet } from '../../src/engine/netspec.ts';
import { validateModelSpec } from '../../src/engine/spec.ts';
import { validState } from './arbitrary.ts';
import { Session } from '../../src/worker/session.ts';

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

  it('every number range is well formed, holds its default, and both ends are accepted by the worker', () => {
    for (const e of HYPERPARAMS) {
      if (e.kind !== 'number' && e.kind !== 'int') continue;
      expect(e.min, e.id).toBeLessThan(e.max);
      if (!(e.zeroAllowed && e.default === 0)) expect(e.default, e.id).toBeGreaterThanOrEqual(e.min);
      expect(e.default, e.id).toBeLessThanOrEqual(e.max);
      if (e.scale === 'log') expect(e.min, `${e.id}: a log scale starts above 0`).toBeGreaterThan(0);
      if (!e.path.startsWith('config.')) continue;
      for (const end of [e.min, e.max]) {
        const state = setAt(DEFAULT_STATE, e.path as 'config.net.dropoutP', end);
        if (invalidParams(state).length > 0) continue; // an end that needs a larger training set (the batch)
        const session = new Session();
        expect(() => session.configure(state.config, DEFAULT_STATE.teach, 'training', {}), `${e.id} = ${end}`).not.toThrow();
      }
    }
  });

  it('says how each change applies, as the worker really applies it: live changes keep the run, the rest start a new one', () => {
    for (const e of HYPERPARAMS) {
      if (!e.path.startsWith('config.') || e.apply === 'seed') continue;
      const other = e.kind === 'bool' ? !e.default : e.kind === 'enum' ? e.values.find((o) => o !== e.default) : e.kind === 'number' || e.kind === 'int' ? (e.default === e.min ? e.max : e.min) : null;
      if (other === null || other === undefined) continue;
      const state = setAt(DEFAULT_STATE, e.path as 'config.net.dropoutP', other as never);
      if (invalidParams(state).length > 0) continue;
      const session = new Session();
      // The CNN's own settings act on a CNN (on the digits); on the MLP they wait, changing nothing.
      const cnn = e.path.startsWith('config.conv.');
      const data = { ...DEFAULT_CONFIG.data, trainSize: 600, ...(cnn || e.id === 'arch' ? { name: 'digits' as const } : {}) };
      session.configure({ ...DEFAULT_CONFIG, ...(cnn ? { arch: 'cnn' as const } : {}), data, train: { ...DEFAULT_CONFIG.train, batchSize: 32 } }, DEFAULT_STATE.teach, 'training', {});
      const before = session.current;
      session.set(sectionPatch(e.path, other as never)!);
      expect(session.current === before, `${e.id} (${e.apply})`).toBe(e.apply === 'live');
    }
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
