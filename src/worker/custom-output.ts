// Output for the learner's own data when there is no picture to draw (not 2-D classification, not
// 1-D regression): no grid or curve, only the test-set confusion matrix (classification), carried in
// the digits frame shape with no sample images.
import type { DigitsOutput } from '../protocol/frame.ts';
import type { OutputJob } from './outputs.ts';
import type { Run } from './run.ts';

export class NoPictureJob implements OutputJob {
  private readonly run: Run;

  constructor(run: Run) {
    this.run = run;
  }

  advance(): void {}

  needsWork(): boolean {
    return false;
  }

  snapshot(): DigitsOutput {
    const d = this.run.dataset, C = d.kind === 'classification' ? d.classes : 0;
    return {
      kind: 'digits',
      confusion: this.run.confusion ? this.run.confusion.slice() : new Uint32Array(C * C),
      images: new Float32Array(0),
      labels: new Uint8Array(0),
      predicted: new Uint8Array(0),
      confidence: new Float32Array(0),
    };
  }
}
