// The course's shape and text: every lesson of CONTENT.md, both languages complete and really
// translated, formulas placed alike, every predict step answerable, every setup a valid lab state.
import { DEFAULT_CONFIG } from '../../src/protocol/config.ts';
import { describe, expect, it } from 'vitest';
import en from '../../src/lessons/content/en.ts';
import ko from '../../src/lessons/content/ko.ts';
import {
  LESSON_IDS, PREDICT, SETUPS, STEPS, stepKey, stepText, type Block, type LessonsText, type PredictDef, type StepKey,
} from '../../src/lessons/structure.ts';
import { FORMULA_IDS } from '../../src/math/formulas.tsx';
import { DEFAULT_STATE, invalidParams } from '../../src/protocol/hyperparams.ts';
import { compileNet } from '../../src/engine/netspec.ts';
import type { FullSetup } from '../../src/lessons/setups.ts';

const HANGUL = /[\uac00-\ud7a3]/;
const ALL_KEYS = LESSON_IDS.flatMap((id) => STEPS[id].map((_, i) => stepKey(id, i)));
const texts: [string, LessonsText][] = [['en', en], ['ko', ko]];

/** Every string of a step, with where it came from. */
function strings(text: LessonsText, key: StepKey): [string, string][] {
  const st = stepText(text, key);
  const out: [string, string][] = [['title', st.title]];
  st.body.forEach((b, i) => typeof b === 'string' && out.push([`body ${i}`, b]));
  if (st.look !== undefined) out.push(['look', st.look]);
  if (st.predict) {
    out.push(['question', st.predict.question], ['explain', st.predict.explain]);
    for (const [c, v] of Object.entries(st.predict.choices)) out.push([`choice ${c}`, v]);
  }
  return out;
}

const formulas = (blocks: readonly Block[]) => blocks.flatMap((b) => (typeof b === 'string' || !('math' in b) ? [] : [b.math]));

describe('course structure', () => {
  it('has the nine sections of CONTENT.md, in order', () => {
    expect(LESSON_IDS).toEqual(['overfitting', 'dropout', 'batchnorm', 'compare', 'both', 'where', 'code', 'faq', 'conclusion']);
    for (const id of LESSON_IDS) expect(STEPS[id].length).toBeGreaterThan(0);
    expect(new Set(ALL_KEYS).size).toBe(ALL_KEYS.length);
  });

  it('asks 2–4 choices per prediction, and the answer is one of them', () => {
    for (const [key, def] of Object.entries(PREDICT) as [StepKey, PredictDef][]) {
      expect(ALL_KEYS, key).toContain(key);
      expect(def.choices.length, key).toBeGreaterThanOrEqual(2);
      expect(def.choices.length, key).toBeLessThanOrEqual(4);
      expect(def.choices, key).toContain(def.answer);
      expect(new Set(def.choices).size, key).toBe(def.choices.length);
    }
  });

  it('sets up only valid, complete lab states that compile', () => {
    for (const [key, s] of Object.entries(SETUPS) as [StepKey, FullSetup][]) {
      expect(ALL_KEYS, key).toContain(key);
      const { data, net, train, teach } = s.patch;
      const state = { ...DEFAULT_STATE, config: { data, net, arch: 'mlp' as const, conv: DEFAULT_CONFIG.conv, train, seed: s.seed }, teach, mode: s.mode };
      expect(invalidParams(state), key).toEqual([]);
      const dims = data.name === 'digits' ? [64, 10] : data.name === 'sine' ? [1, 1] : [2, 2];
      expect(() => compileNet(net, dims[0], dims[1], data.name === 'sine' ? 'mse' : 'cross_entropy'), key).not.toThrow();
    }
  });
});

describe.each(texts)('lesson text (%s)', (lang, text) => {
  it('has a title and a summary for every lesson and a text for every step, and nothing else', () => {
    expect(Object.keys(text.lessons).sort()).toEqual([...LESSON_IDS].sort());
    expect(Object.keys(text.steps).sort()).toEqual([...ALL_KEYS].sort());
  });

  it('has no empty string, and is written in its own language', () => {
    for (const id of LESSON_IDS) {
      for (const v of [text.lessons[id].title, text.lessons[id].summary]) {
        expect(v.trim(), id).not.toBe('');
        expect(HANGUL.test(v), `${lang} ${id}: ${v}`).toBe(lang === 'ko');
      }
    }
    for (const key of ALL_KEYS) {
      for (const [where, v] of strings(text, key)) {
        expect(v.trim(), `${key} ${where}`).not.toBe('');
        // Choices may be bare numbers (momentum 0.9), the same in both languages.
        if (!/^[\d.]+$/.test(v)) expect(HANGUL.test(v), `${lang} ${key} ${where}: ${v}`).toBe(lang === 'ko');
      }
    }
  });

  it('gives a “what to look at” for every set-up step, and a prediction text exactly where the lab answers one', () => {
    for (const key of ALL_KEYS) {
      const st = stepText(text, key);
      if (key in SETUPS) expect(st.look, key).toBeTruthy();
      const def = (PREDICT as Partial<Record<StepKey, PredictDef>>)[key];
      if (def) expect(Object.keys(st.predict?.choices ?? {}).sort(), key).toEqual([...def.choices].sort());
      else expect(st.predict, key).toBeUndefined();
    }
  });

  it('uses only known formulas, balanced inline markup, and no placeholder braces', () => {
    for (const key of ALL_KEYS) {
      for (const f of formulas(stepText(text, key).body)) expect(FORMULA_IDS, key).toContain(f);
      for (const [where, v] of strings(text, key)) {
        expect((v.match(/`/g) ?? []).length % 2, `${key} ${where}`).toBe(0);
        expect((v.match(/\*\*/g) ?? []).length % 2, `${key} ${where}`).toBe(0);
        expect(v, `${key} ${where}`).not.toMatch(/\{\w+\}/);
      }
    }
  });
});

describe('the two languages side by side', () => {
  it('place the same formulas in the same order, and quote the same code', () => {
    for (const key of ALL_KEYS) {
      expect(formulas(stepText(ko, key).body), key).toEqual(formulas(stepText(en, key).body));
      const code = (t: LessonsText) => strings(t, key).flatMap(([, v]) => v.match(/`[^`]+`/g) ?? []).sort();
      expect(code(ko), key).toEqual(code(en));
    }
  });

  it('teach the precise versions of the ⚠ points', () => {
    const all = (t: LessonsText) => ALL_KEYS.flatMap((k) => strings(t, k).map(([, v]) => v)).join('\n');
    const e = all(en);
    expect(e).toMatch(/1\/p.*neither/s); // the guide's "scale by 1/p at inference" is called out
    expect(e).toMatch(/Santurkar/);
    expect(e).toMatch(/Li et al\. \(2019\)/);
    expect(e).toMatch(/momentum=0\.9/);
    expect(e).toMatch(/unbiased/);
    const k = all(ko);
    for (const term of ['과적합', '드롭아웃', '배치 정규화', '추론', '역 드롭아웃', '이동 평균', '분산 이동', '레이어 정규화']) expect(k).toContain(term);
    expect(k).toMatch(/Santurkar/);
    expect(k).toMatch(/momentum=0\.9/);
  });
});
