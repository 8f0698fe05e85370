// Accessibility helpers that need not be in the first screen's script: the focus guard, what Step
// says, and the decision boundary's regions in words.
import { guardFocus } from './focus-guard.ts';
import { later } from './later.ts';
import { regionsText } from '../charts/regions.ts';
import { startStepSay, type StepSayDeps } from '../panels/network/step-say.ts';

/** `strings`: the rest of the page's strings (the regions' words are among them). */
export function startA11y(stepSay: StepSayDeps, strings: Promise<void>): void {
  guardFocus();
  startStepSay(stepSay);
  void strings.then(() => (later.regions = regionsText));
}
