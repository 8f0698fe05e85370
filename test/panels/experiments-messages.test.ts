// The Experiments panel's own table (claims + panel strings, loaded with the panel rather than merged
// into the app's tables): complete in both languages, and a sentence for every check the criteria make.
import { describe, expect, it } from 'vitest';
import { xpMessages, xt, type XpKey } from '../../src/panels/experiments/text.ts';
import { checkKey, checkVars, figureKey, formatFigure, FIGURE_VARS } from '../../src/panels/experiments/figures.ts';
import { judgeE1, judgeE10, judgeE11, judgeE2, judgeE3, judgeE4, judgeE5, judgeE6, judgeE7, judgeE8, type Judgement } from '../../src/experiments/criteria.ts';
import { EXPERIMENT_IDS, PRESETS, type ExperimentId, type ExperimentResult } from '../../src/experiments/index.ts';
import { messages } from '../../src/i18n/index.ts';
import { LANGS } from '../../src/i18n/define.ts';

const HANGUL = /[\uac00-\ud7a3]/;
/** Two English words or more. */
const WORDS = /[a-z]{2,}\s+[a-z]{2,}/i;

// Figures of the right shape (values do not matter): the judges then name every check they make.
const toTarget = { steps: 10, divergedAt: null, lastLoss: 0.1 };
const final = { loss: 0.1, divergedAt: null };
const scaling = { testLossScaled: 1, testLossForgot: 1, testAccScaled: 1, testAccForgot: 1, activationRatio: 2, logitRatio: 4 };
const drift = { steps: 10, finalTrainLoss: 0.1, drift: 0.1, driftAbs: 0.1, divergedAt: null };
const ev = { loss: 0.1, acc: 0.9 };
const knocked = { knockout: { units: 32, width: 64, draws: 20, intact: ev, knocked: ev, accMin: 0.9, accMax: 0.9 }, drop: 0.1 };
const JUDGED: Record<ExperimentId, Judgement> = {
  E1: judgeE1({ minTestLoss: 1, minTestStep: 1, trainLossAtMin: 1, finalTestLoss: 1, finalTrainLoss: 1, gap: 1, finalTrainAcc: 1, finalTestAcc: 1, steps: 1 }),
  E2: judgeE2({ gapPlain: 1, gapDropout: 1, testLossPlain: 1, testLossDropout: 1, testAccPlain: 1, testAccDropout: 1 }),
  E3: judgeE3({ 'plain-small': toTarget, 'bn-small': toTarget, 'plain-mid': toTarget, 'bn-mid': toTarget, 'plain-high': toTarget, 'bn-high': toTarget, budget: 100 }),
  E4: judgeE4({
    'plain-sgd-0.1x': final, 'plain-sgd-1x': final, 'plain-sgd-10x': final, 'bn-sgd-0.1x': final, 'bn-sgd-10x': final,
    'plain-adam-0.1x': final, 'plain-adam-10x': final, chanceLoss: 2.3,
  }),
  E5: judgeE5({ p: 0.5, theory: 2, ratioZeroMean: 2, ratioBeforeBn: 1.3, ratioAfterLastBn: 1 }),
  E6: judgeE6({ p: 0.5, theory: 2, spiral: scaling, gaussians: scaling }),
  E7: judgeE7({ accRunning: 1, accBatchOfOne: 0.1, distinctPredictions: 1, maxDeviationFromBeta: 0, largestClassShare: 0.1 }),
  E8: judgeE8({ chanceLoss: 1, lnInitialLoss: 1, lnFinalLoss: 0.1, lnTrainAcc: 1, lnTestAcc: 1, chanceAcc: 0.5, bnRefused: true, bnStepsTaken: 0, plainFinalLoss: 0.1 }),
  E10: judgeE10({ plain: drift, bn: drift, noisy: drift, budget: 600 }),
  E11: judgeE11({ plain: knocked, dropout: knocked, fraction: 0.5 }),
};

const result = (id: ExperimentId, value: number | null, details: ExperimentResult['details'] = {}): ExperimentResult => ({
  id, seed: 3, figure: '', value, checks: JUDGED[id].checks, holds: true, details,
});

describe('Experiments panel messages', () => {
  const en = xpMessages.en as Record<string, string>;
  const ko = xpMessages.ko as Record<string, string>;

  it('have the same keys, no empty value, the same placeholders, and Korean that is Korean', () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
    const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const k of Object.keys(en)) {
      expect(en[k].trim(), k).not.toBe('');
      expect(ph(ko[k]), k).toEqual(ph(en[k]));
      // Names (BatchNorm, LayerNorm) and symbols may stay; words in English must not.
      if (WORDS.test(en[k])) expect(ko[k], k).toMatch(HANGUL);
    }
  });

  it('stay out of the app-wide tables (they load with the panel) and clash with none of their keys', () => {
    const app = Object.keys(messages.en);
    expect(Object.keys(en).filter((k) => app.includes(k))).toEqual([]);
  });

  it('have a title, a claim, a figure name and a label for every run of every experiment', () => {
    for (const id of EXPERIMENT_IDS) {
      for (const k of [`experiment.${id}.title`, `experiment.${id}.claim`, figureKey(id)]) expect(en[k], k).toBeTruthy();
      for (const r of PRESETS[id].runs) expect(en[`experiment.run.${r.key}`], `${id} ${r.key}`).toBeTruthy();
    }
  });

  it('have a sentence for every check, with every placeholder filled even when a figure is missing', () => {
    for (const id of EXPERIMENT_IDS) {
      const checks = Object.keys(JUDGED[id].checks);
      expect(checks.length, id).toBeGreaterThan(0);
      for (const lang of LANGS) {
        const vars = checkVars(lang, result(id, null));
        for (const c of checks) {
          const key = checkKey(id, c);
          expect(key, `${id}.${c}`).not.toBeNull();
          expect(xt(lang, key as XpKey, vars), `${lang} ${id}.${c}`).not.toMatch(/\{\w+\}/);
        }
        expect(xt(lang, figureKey(id), FIGURE_VARS)).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('format figures by their kind, in the locale', () => {
    expect(formatFigure('en', result('E7', 0.09663))).toBe('9.66 %');
    expect(formatFigure('ko', result('E7', 0.09663))).toBe('9.66%');
    expect(formatFigure('en', result('E2', 0.4471))).toBe('0.447×');
    expect(formatFigure('ko', result('E2', 0.4471))).toBe('0.447배');
    expect(formatFigure('en', result('E3', 15.96, { 'ratio.lr1': 15.96, 'ratio.lr1LowerBound': true }))).toBe('at least 16×');
    expect(formatFigure('ko', result('E3', 15.96, { 'ratio.lr1': 15.96, 'ratio.lr1LowerBound': true }))).toBe('16배 이상');
    expect(formatFigure('en', result('E3', 15.96, { 'ratio.lr1LowerBound': false }))).toBe('16×');
    expect(formatFigure('en', result('E8', 1234.5))).toBe('1,230');
    expect(formatFigure('en', result('E1', null))).toBe('could not be measured (a run diverged)');
  });

  it('say where a run diverged instead of a loss', () => {
    const vars = checkVars('en', result('E4', 0.1, { 'plain-sgd-10x.loss': null, 'plain-sgd-10x.divergedAt': 3, 'bn-sgd-10x.loss': 0.25 }));
    expect(vars.plainLarge).toBe('diverged at step 3');
    expect(vars.bnLarge).toBe('0.25');
  });
});
