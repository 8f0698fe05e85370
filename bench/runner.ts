// What the timing loop needs from each side of the comparison.
export interface Runner {
  label: string;
  /** Make this side current (tfjs: switch the global backend). Not timed. */
  activate(): Promise<void>;
  /** Run n full training steps synchronously. */
  steps(n: number): void;
  /** Something derived from the results, read after timing so no work can be skipped as dead. */
  lastLoss(): number;
  dispose(): void;
}
