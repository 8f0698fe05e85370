// "Look at …" links in the lesson text: every target is a place the page marks, both languages link
// the same places, and each step that sets up the lab and points at a panel links to it.
import { describe, expect, it } from 'vitest';
import en from '../../src/lessons/content/en.ts';
import ko from '../../src/lessons/content/ko.ts';
import { LESSON_IDS, STEPS, setupOf, stepKey, stepText, type LessonsText, type StepKey } from '../../src/lessons/structure.ts';
import { isLookTarget, linkTargets, panelOf } from '../../src/lessons/look.ts';
import { STEP_CONTROLS, controlsOf } from '../../src/lessons/step-controls.ts';

const ALL_KEYS = LESSON_IDS.flatMap((id) => STEPS[id].map((_, i) => stepKey(id, i)));

function allText(text: LessonsText, key: StepKey): string {
  const st = stepText(text, key);
  return [...st.body.filter((b): b is string => typeof b === 'string'), st.look ?? ''].join('\n');
}

/** Steps whose "look" is the lesson's own table or the Code tab, not a panel of the lab. */
const NO_PANEL = (key: StepKey) => key.startsWith('compare/') || key.startsWith('code/');

describe('look-at links', () => {
  it('point only at places the page marks', () => {
    for (const [lang, text] of [['en', en], ['ko', ko]] as const) {
      for (const key of ALL_KEYS) {
        for (const target of linkTargets(allText(text, key))) expect(isLookTarget(target), `${lang} ${key} → ${target}`).toBe(true);
      }
    }
  });

  it('link the same places in English and Korean', () => {
    for (const key of ALL_KEYS) expect(linkTargets(allText(ko, key)).sort(), key).toEqual(linkTargets(allText(en, key)).sort());
  });

  it('exist in every step that sets the lab up and tells where to look', () => {
    for (const key of ALL_KEYS) {
      if (!setupOf(key) || NO_PANEL(key)) continue;
      expect(linkTargets(stepText(en, key).look ?? '').length, key).toBeGreaterThan(0);
    }
  });

  it('parts fall back to a panel', () => {
    expect(panelOf('bn-steps')).toBe('batchnorm');
    expect(panelOf('inference-modes')).toBe('inference');
    expect(panelOf('loss')).toBe('loss');
    expect(panelOf('notices')).toBeNull();
  });
});

describe('controls inside steps', () => {
  it('are given only for steps that exist, without repeats', () => {
    for (const [key, list] of Object.entries(STEP_CONTROLS)) {
      expect(ALL_KEYS, key).toContain(key);
      expect(new Set(list).size, key).toBe(list!.length);
    }
  });

  it('include γ/β where the step asks to drag γ to 0, and the mode switch where it compares modes', () => {
    expect(controlsOf('batchnorm/gamma-beta')).toContain('gammaBeta');
    expect(controlsOf('dropout/train-only')).toContain('mode');
    expect(controlsOf('dropout/masks')).toContain('dropoutP');
    expect(controlsOf('overfitting/small-data')).toEqual([]);
  });
});
