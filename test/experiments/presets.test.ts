// The presets are loadable lab states, each side-by-side pair differs only where the claim says, the
// labels exist in both languages, and `holds` follows the measured figures (a broken claim is judged
// as broken, so nothing is hard-coded).
import { describe, expect, it } from 'vitest';
import { EXPERIMENT_IDS, PRESETS, presetRun, withSeed, type ExperimentId } from '../../src/experiments/presets.ts';
import messages from '../../src/experiments/messages.ts';
import { buildRun } from '../../src/experiments/run.ts';
import { judgeE1, judgeE2, judgeE3, judgeE4, judgeE5, judgeE6, judgeE7, judgeE8 } from '../../src/experiments/criteria.ts';
import type { E3Figures, E4Figures, OverfitFigures } from '../../src/experiments/measures.ts';
import type { ScalingFigures } from '../../src/experiments/measures-modes.ts';
import { invalidParams } from '../../src/protocol/hyperparams.ts';
import { DEFAULT_STATE } from '../../src/protocol/lab-state.ts';

/** Dotted paths of the leaves where two plain objects differ. */
function diff(a: unknown, b: unknown, path = ''): string[] {
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b as object)]);
    return [...keys].flatMap((k) => diff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [path];
}

const pair = (id: ExperimentId, a: string, b: string): string[] => {
  const x = presetRun(id, a), y = presetRun(id, b);
  return diff({ config: x.config, teach: x.teach }, { config: y.config, teach: y.teach }).sort();
};

describe('presets', () => {
  const all = EXPERIMENT_IDS.flatMap((id) => PRESETS[id].runs.map((r) => [id, r.key, r] as const));

  it.each(all)('%s %s is a valid lab state that builds', (_id, _key, r) => {
    expect(invalidParams({ ...DEFAULT_STATE, config: r.config, teach: r.teach })).toEqual([]);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r); // plain data
    const run = buildRun(withSeed(r, 7).config, r.teach);
    expect(run.config.seed).toBe(7);
    expect(run.trainer.batch).toBe(r.config.train.batchSize);
  });

  it('no two presets share an array (loading one and editing it cannot change another)', () => {
    const arrays = all.flatMap(([, , r]) => [r.config.net.hidden, r.config.net.norm, r.config.net.dropoutHidden]);
    expect(new Set(arrays).size).toBe(arrays.length);
  });

  it('side-by-side runs differ only in what the claim is about', () => {
    expect(pair('E2', 'plain', 'dropout')).toEqual(['config.net.dropoutHidden', 'config.net.dropoutP']);
    expect(presetRun('E2', 'plain').config).toEqual(presetRun('E1', 'plain').config);
    for (const r of ['small', 'mid', 'high']) expect(pair('E3', `plain-${r}`, `bn-${r}`)).toEqual(['config.net.norm']);
    expect(pair('E3', 'plain-small', 'plain-high')).toEqual(['config.train.lr']);
    expect(pair('E4', 'plain-sgd-0.1x', 'bn-sgd-0.1x')).toEqual(['config.net.norm']);
    expect(pair('E4', 'plain-sgd-10x', 'bn-sgd-10x')).toEqual(['config.net.norm']);
    expect(pair('E4', 'plain-sgd-0.1x', 'plain-sgd-1x')).toEqual(['config.net.initScale']);
    expect(pair('E4', 'plain-sgd-10x', 'plain-adam-10x')).toEqual(['config.train.optimizer', 'config.train.lr'].sort());
    expect(pair('E5', 'before-bn', 'after-last-bn')).toEqual(['config.net.dropoutHidden']);
    expect(pair('E5', 'input', 'before-bn')).toEqual(['config.net.dropoutHidden', 'config.net.dropoutInput']);
    expect(pair('E6', 'spiral', 'gaussians')).toEqual(['config.data.name']);
    expect(pair('E8', 'layernorm', 'batchnorm')).toEqual(['config.net.norm']);
  });

  it('the teaching presets switch on the mistake they show, and train the same way either way', () => {
    for (const r of PRESETS.E6.runs) expect(r.teach.forgetDropoutScaling).toBe(true);
    expect(presetRun('E7', 'batchnorm').teach.bnBatchStatsAtInference).toBe(true);
    expect(presetRun('E6', 'spiral').config.net.dropoutScaling).toBe('classic');
    expect(presetRun('E8', 'batchnorm').config.train.batchSize).toBe(1);
  });

  it('every experiment and run has a title, a claim and a label in both languages', () => {
    for (const lang of ['en', 'ko'] as const) {
      const t = messages[lang] as Record<string, string>;
      for (const id of EXPERIMENT_IDS) {
        expect(t[`experiment.${id}.title`], `${lang} ${id}`).toBeTruthy();
        expect(t[`experiment.${id}.claim`], `${lang} ${id}`).toBeTruthy();
        for (const r of PRESETS[id].runs) expect(t[`experiment.run.${r.key}`], `${lang} ${r.key}`).toBeTruthy();
      }
    }
  });
});

describe('criteria follow the figures', () => {
  const held = (c: Record<string, boolean>): boolean => Object.values(c).every(Boolean);
  const overfit: OverfitFigures = {
    minTestLoss: 0.35, minTestStep: 300, trainLossAtMin: 0.1, finalTestLoss: 0.8, finalTrainLoss: 0.01, gap: 0.79, finalTrainAcc: 1, finalTestAcc: 0.88, steps: 3000,
  };

  it('E1: holds on an overfitting curve, not when the test loss keeps falling', () => {
    expect(held(judgeE1(overfit).checks)).toBe(true);
    expect(held(judgeE1({ ...overfit, minTestStep: 3000, minTestLoss: 0.3, finalTestLoss: 0.3, gap: 0.29 }).checks)).toBe(false);
    expect(held(judgeE1({ ...overfit, finalTrainLoss: 0.09 }).checks)).toBe(false);
  });

  it('E2: holds only when the dropout gap is the smaller one', () => {
    const f = { gapPlain: 0.8, gapDropout: 0.3, testLossPlain: 0.8, testLossDropout: 0.4, testAccPlain: 0.88, testAccDropout: 0.88 };
    expect(judgeE2(f)).toEqual({ value: 0.3 / 0.8, checks: { dropoutNarrowsGap: true } });
    expect(judgeE2({ ...f, gapDropout: 0.9 }).checks.dropoutNarrowsGap).toBe(false);
  });

  it('E3: the high-rate ratio counts a plain run that never arrived as the whole budget; a slow plain run at lr 0.01 fails', () => {
    const t = (steps: number | null) => ({ steps, divergedAt: null, lastLoss: 0.2 });
    const f: E3Figures = {
      budget: 1500, 'plain-small': t(400), 'bn-small': t(900), 'plain-mid': t(80), 'bn-mid': t(120), 'plain-high': t(null), 'bn-high': t(100),
    };
    expect(judgeE3(f).value).toBe(15);
    expect(held(judgeE3(f).checks)).toBe(true);
    expect(judgeE3({ ...f, 'plain-small': t(1000) }).checks.plainAsFastAtSmallLr).toBe(false);
    expect(judgeE3({ ...f, 'plain-mid': t(null) }).checks.plainAsFastAtMidLr).toBe(false);
    expect(judgeE3({ ...f, 'plain-high': t(150) }).checks.plainCrawlsOrDivergesAtHighLr).toBe(false);
    expect(judgeE3({ ...f, 'bn-high': t(null) }).value).toBeNull();
  });

  it('E4: a plain network that trains at 0.1× breaks the claim; a BN network that diverges too', () => {
    const l = (loss: number | null, divergedAt: number | null = null) => ({ loss, divergedAt });
    const f: E4Figures = {
      chanceLoss: Math.log(10), 'plain-sgd-0.1x': l(2.3026), 'plain-sgd-1x': l(0.003), 'plain-sgd-10x': l(null, 3),
      'bn-sgd-0.1x': l(0.01), 'bn-sgd-10x': l(0.25), 'plain-adam-0.1x': l(0.01), 'plain-adam-10x': l(20),
    };
    expect(judgeE4(f).value).toBe(0.25);
    expect(held(judgeE4(f).checks)).toBe(true);
    expect(held(judgeE4({ ...f, 'plain-sgd-0.1x': l(0.05) }).checks)).toBe(false);
    expect(held(judgeE4({ ...f, 'bn-sgd-10x': l(null, 4) }).checks)).toBe(false);
    expect(judgeE4({ ...f, 'bn-sgd-10x': l(null, 4) }).value).toBeNull();
  });

  it('E5: no shift before BN, or a shift after the last BN, breaks the claim', () => {
    const f = { p: 0.5, theory: 2, ratioZeroMean: 1.98, ratioBeforeBn: 1.33, ratioAfterLastBn: 1.01 };
    expect(held(judgeE5(f).checks)).toBe(true);
    expect(held(judgeE5({ ...f, ratioBeforeBn: 1.02 }).checks)).toBe(false);
    expect(held(judgeE5({ ...f, ratioAfterLastBn: 1.3 }).checks)).toBe(false);
    expect(held(judgeE5({ ...f, ratioZeroMean: 1.4 }).checks)).toBe(false);
  });

  it('E6: needs the accuracy to drop on one set and stay on the other', () => {
    const s: ScalingFigures = { testLossScaled: 0.25, testLossForgot: 1.3, testAccScaled: 0.93, testAccForgot: 0.8, activationRatio: 2, logitRatio: 4.5 };
    const g: ScalingFigures = { testLossScaled: 0.03, testLossForgot: 0.01, testAccScaled: 0.998, testAccForgot: 0.998, activationRatio: 2, logitRatio: 3.9 };
    const f = { p: 0.5, theory: 2, spiral: s, gaussians: g };
    expect(held(judgeE6(f).checks)).toBe(true); // the gaussians' loss may fall: not part of the claim
    expect(held(judgeE6({ ...f, spiral: { ...s, testAccForgot: 0.93 } }).checks)).toBe(false);
    expect(held(judgeE6({ ...f, gaussians: { ...g, testAccForgot: 0.9 } }).checks)).toBe(false);
    expect(held(judgeE6({ ...f, spiral: { ...s, activationRatio: 1 } }).checks)).toBe(false);
  });

  it('E7 and E8: a network that still tells inputs apart, or a BN that trains at batch size one, breaks the claim', () => {
    const e7 = { accRunning: 0.97, accBatchOfOne: 0.1, distinctPredictions: 1, maxDeviationFromBeta: 0, largestClassShare: 0.101 };
    expect(held(judgeE7(e7).checks)).toBe(true);
    expect(held(judgeE7({ ...e7, distinctPredictions: 3, accBatchOfOne: 0.3, maxDeviationFromBeta: 0.5 }).checks)).toBe(false);
    const e8 = { chanceLoss: Math.log(2), lnInitialLoss: 0.8, lnFinalLoss: 0.15, lnTrainAcc: 0.95, lnTestAcc: 0.9, chanceAcc: 0.5, bnRefused: true, bnStepsTaken: 0, plainFinalLoss: 0.1 };
    expect(held(judgeE8(e8).checks)).toBe(true);
    expect(held(judgeE8({ ...e8, bnRefused: false, bnStepsTaken: 6000 }).checks)).toBe(false);
    expect(held(judgeE8({ ...e8, lnFinalLoss: 0.69, lnTrainAcc: 0.55 }).checks)).toBe(false);
  });
});
