// How a result reads: the measured figure in the locale's format, and the numbers each check's
// sentence quotes, taken from the result's details by their dotted names.
import type { Lang, Vars } from '../../i18n/index.ts';
import { formatNumber, formatValue } from '../../i18n/index.ts';
import type { ExperimentId, ExperimentResult, Details } from '../../experiments/index.ts';
import { E3_TARGET } from '../../experiments/measures.ts';
import { isXpKey, xt, type XpKey } from './text.ts';

type Kind = 'num' | 'pct' | 'int' | 'times' | 'bound' | 'loss' | 'steps' | 'points';

/** How each experiment's value is read: E3's ratio may be a lower bound (see its `ratio.lr1LowerBound`). */
const VALUE: Record<ExperimentId, [Kind, string]> = {
  E1: ['num', 'gap'],
  E2: ['times', ''],
  E3: ['bound', 'ratio.lr1'],
  E4: ['num', ''],
  E5: ['times', ''],
  E6: ['times', ''],
  E7: ['pct', ''],
  E8: ['num', ''],
  E10: ['times', ''],
  E11: ['times', ''],
};

/** Each check sentence's {placeholders}: [how to format, detail name]. */
const CHECK_VARS: Record<ExperimentId, Record<string, [Kind, string]>> = {
  E1: {
    minStep: ['int', 'minTestStep'], steps: ['int', 'steps'], minTest: ['num', 'minTestLoss'], finalTest: ['num', 'finalTestLoss'],
    trainAtMin: ['num', 'trainLossAtMin'], finalTrain: ['num', 'finalTrainLoss'], gap: ['num', 'gap'],
  },
  E2: { gapDropout: ['num', 'gapDropout'], gapPlain: ['num', 'gapPlain'] },
  E3: { bnHigh: ['int', 'bn-high.steps'], ratioHigh: ['bound', 'ratio.lr1'], ratioMid: ['bound', 'ratio.lr0.1'], ratioSmall: ['bound', 'ratio.lr0.01'] },
  E4: {
    plainHe: ['loss', 'plain-sgd-1x'], plainSmall: ['loss', 'plain-sgd-0.1x'], plainLarge: ['loss', 'plain-sgd-10x'], chance: ['num', 'chanceLoss'],
    bnSmall: ['loss', 'bn-sgd-0.1x'], bnLarge: ['loss', 'bn-sgd-10x'], adamSmall: ['loss', 'plain-adam-0.1x'], adamLarge: ['loss', 'plain-adam-10x'],
  },
  E5: { theory: ['num', 'theory'], zeroMean: ['num', 'ratioZeroMean'], beforeBn: ['num', 'ratioBeforeBn'], afterLastBn: ['num', 'ratioAfterLastBn'] },
  E6: {
    theory: ['num', 'theory'], lossScaled: ['num', 'spiral.testLossScaled'], lossForgot: ['num', 'spiral.testLossForgot'],
    actSpiral: ['num', 'spiral.activationRatio'], actGaussians: ['num', 'gaussians.activationRatio'],
    accScaled: ['pct', 'spiral.testAccScaled'], accForgot: ['pct', 'spiral.testAccForgot'],
    gAccScaled: ['pct', 'gaussians.testAccScaled'], gAccForgot: ['pct', 'gaussians.testAccForgot'],
  },
  E7: {
    deviation: ['num', 'maxDeviationFromBeta'], distinct: ['int', 'distinctPredictions'], accRunning: ['pct', 'accRunning'],
    accOne: ['pct', 'accBatchOfOne'], share: ['pct', 'largestClassShare'],
  },
  E8: {
    bnSteps: ['int', 'bnStepsTaken'], lnStart: ['num', 'lnInitialLoss'], lnEnd: ['num', 'lnFinalLoss'], chance: ['num', 'chanceLoss'],
    lnAcc: ['pct', 'lnTrainAcc'], chanceAcc: ['pct', 'chanceAcc'],
  },
  E10: {
    plainSteps: ['steps', 'plain.steps'], bnSteps: ['steps', 'bn.steps'], noisySteps: ['steps', 'noisy.steps'],
    plainDrift: ['num', 'plain.drift'], bnDrift: ['num', 'bn.drift'], noisyDrift: ['num', 'noisy.drift'],
    plainAbs: ['num', 'plain.driftAbs'], bnAbs: ['num', 'bn.driftAbs'], noisyAbs: ['num', 'noisy.driftAbs'],
  },
  E11: {
    plainIntact: ['pct', 'plain.knockout.intact.acc'], dropoutIntact: ['pct', 'dropout.knockout.intact.acc'],
    plainDrop: ['points', 'plain.drop'], dropoutDrop: ['points', 'dropout.drop'],
  },
};

const DASH = '—';

function format(lang: Lang, kind: Kind, v: number | boolean | null | undefined, details: Details, name: string): string {
  if (kind === 'loss') {
    const loss = details[`${name}.loss`], at = details[`${name}.divergedAt`];
    if (typeof loss === 'number') return formatNumber(lang, loss, 3);
    return typeof at === 'number' ? xt(lang, 'xp.diverged', { step: at }) : DASH;
  }
  if (kind === 'steps') return typeof v === 'number' ? formatValue(lang, v) : xt(lang, 'xp.never', { budget: formatValue(lang, Number(details.budget)) });
  if (typeof v !== 'number') return DASH;
  switch (kind) {
    case 'num': return formatNumber(lang, v, 3);
    case 'int': return formatValue(lang, v);
    case 'points': return xt(lang, 'xp.points', { v: formatNumber(lang, v * 100, 2) });
    case 'pct': return xt(lang, 'xp.pct', { v: formatNumber(lang, v * 100, 3) });
    case 'times': return xt(lang, 'xp.times', { v: formatNumber(lang, v, 3) });
    case 'bound': {
      const times = xt(lang, 'xp.times', { v: formatNumber(lang, v, 3) });
      return details[`${name}LowerBound`] === true ? xt(lang, 'xp.atLeast', { v: times }) : times;
    }
  }
}

/** The measured figure as the panel shows it (a diverged run: said in words). */
export function formatFigure(lang: Lang, r: ExperimentResult): string {
  if (r.value === null) return xt(lang, 'xp.unmeasured');
  const [kind, name] = VALUE[r.id];
  return format(lang, kind, r.value, r.details, name);
}

/** Vars for the figure's name (E3 quotes its target loss). */
export const FIGURE_VARS: Vars = { target: E3_TARGET };

export function figureKey(id: ExperimentId): XpKey {
  return `xp.figure.${id}`;
}

/** The check's sentence key, or null for a check this panel has no sentence for (shown by its name). */
export function checkKey(id: ExperimentId, check: string): XpKey | null {
  const k = `xp.check.${id}.${check}`;
  return isXpKey(k) ? k : null;
}

export function checkVars(lang: Lang, r: ExperimentResult): Vars {
  const out: Vars = { target: formatNumber(lang, E3_TARGET, 3) };
  for (const [v, [kind, name]] of Object.entries(CHECK_VARS[r.id])) out[v] = format(lang, kind, r.details[name], r.details, name);
  return out;
}
