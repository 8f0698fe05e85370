// A run that goes nowhere: a classifier still at chance level after a long stretch of training (SGD
// bouncing at a learning rate of 10, BN at batch size 2 sitting near a loss of ln 2). No NaN, no error,
// nothing moves — so the page says what usually causes it. Pure logic, fed each frame's metrics.
import type { Metrics } from '../protocol/frame.ts';

export interface StallOptions {
  /** Steps the accuracy must have stayed at chance level, counted back from the latest evaluation. */
  window: number;
  /** How far above chance the stretch's mean accuracy may be and still count as chance (0–1). */
  margin: number;
  /** Training loss at or above this share of ln(classes) — the loss of a uniform guess — counts as chance. */
  lossShare: number;
}

export const DEFAULT_STALL: StallOptions = { window: 3000, margin: 0.1, lossShare: 0.9 };

/** Watches one run's evaluations; `reset` at a new run. */
export class StallWatch {
  private readonly opts: StallOptions;
  /** First step of the current unbroken stretch at chance level (null: the latest evaluation was above it). */
  private since: number | null = null;
  /** Sum and count of the stretch's accuracies (one evaluation may sit well above chance by luck). */
  private accSum = 0;
  private accN = 0;
  private lastStep = -1;
  private reported = false;

  constructor(opts: Partial<StallOptions> = {}) {
    this.opts = { ...DEFAULT_STALL, ...opts };
  }

  reset(): void {
    this.since = null;
    this.accSum = this.accN = 0;
    this.lastStep = -1;
    this.reported = false;
  }

  /**
   * One evaluation of the run. `classes`: the task's classes (null for regression, which has no
   * chance level). Returns 'stalled' once per stretch when the run has sat at chance level for the
   * whole window, 'moving' when it has left it (a shown hint can go), null otherwise.
   */
  observe(m: Metrics, classes: number | null): 'stalled' | 'moving' | null {
    if (classes === null || classes < 2 || !Number.isFinite(m.trainAcc)) return null;
    if (m.step < this.lastStep) this.reset(); // a new run
    if (m.step === this.lastStep) return null;
    this.lastStep = m.step;
    // At chance: a loss no lower than a uniform guess's, ln K (a slow run that learns brings its loss
    // down; a stalled one sits at 0.69 with two classes, or above), with an accuracy no better than
    // guessing on average over the stretch.
    if (m.trainLoss < this.opts.lossShare * Math.log(classes)) {
      const was = this.reported;
      this.since = null;
      this.accSum = this.accN = 0;
      this.reported = false;
      return was ? 'moving' : null;
    }
    this.since ??= m.step;
    this.accSum += m.trainAcc;
    this.accN++;
    if (!this.reported && m.step - this.since >= this.opts.window && this.accSum / this.accN <= 1 / classes + this.opts.margin) {
      this.reported = true;
      return 'stalled';
    }
    return null;
  }
}
