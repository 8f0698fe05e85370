// The session's settings and its current run, and every change a command can make to them. Pure
// TypeScript: no DOM, no worker globals; the loop (loop.ts) decides when to train and when to post.
import { DEFAULT_TEACH, type LabConfig, type TeachFlags, type ViewMode } from '../protocol/config.ts';
import { MAX_DRAW_POINTS, type DataInfo, type Frame, type ReadyInfo } from '../protocol/frame.ts';
import { DEFAULT_OPTIONS, type ConfigPatch, type SessionOptions, type SetNormCommand } from '../protocol/messages.ts';
import { applyPatch, isStructural } from '../protocol/patch.ts';
import { EngineError } from '../engine/errors.ts';
import { createOutputJob, type OutputJob, type ViewContext } from './outputs.ts';
import { buildLayerFrames, probeScratch } from './probes.ts';
import { Run } from './run.ts';
import type { CustomData } from '../protocol/custom-data.ts';
import { validateCustomData } from './custom-dataset.ts';
import { MAX_SEED, MC_SAMPLES, isValidSeed } from '../protocol/rules.ts';

/** Fields of a frame the loop supplies (pacing and play state). */
export type FrameMeta = Pick<Frame, 'seq' | 'rev' | 'stepsPerSecond' | 'playing' | 'pendingSteps' | 'speed'>;

function bad(field: string, message: string): never {
  throw new EngineError('invalid_spec', `${field}: ${message}`, field);
}

export function validateOptions(o: Partial<SessionOptions>): void {
  const int = (k: keyof SessionOptions, lo: number, hi: number): void => {
    const v = o[k];
    if (v !== undefined && !(Number.isInteger(v) && v >= lo && v <= hi)) bad(k, `must be a whole number in [${lo}, ${hi}] (got ${String(v)})`);
  };
  int('evalEvery', 1, 1e9);
  int('feature', 0, 1e6);
  int('mcSamples', MC_SAMPLES.min, MC_SAMPLES.max);
  int('gridSize', 64, 256);
}

function validateMode(mode: ViewMode): void {
  if (mode !== 'training' && mode !== 'inference') bad('mode', `must be "training" or "inference" (got ${String(mode)})`);
}

function validateTeach(t: TeachFlags): void {
  for (const k of ['bnBatchStatsAtInference', 'forgetDropoutScaling', 'bnNoise'] as const) {
    if (typeof t[k] !== 'boolean') bad(k, `must be true or false (got ${String(t[k])})`);
  }
}

export class Session {
  config: LabConfig | null = null;
  teach: TeachFlags = { ...DEFAULT_TEACH };
  mode: ViewMode = 'training';
  options: SessionOptions = { ...DEFAULT_OPTIONS };
  run: Run | null = null;
  /** γ/β freeze per norm layer index: a setting, so it survives reset and new seed. */
  readonly frozen = new Map<number, boolean>();
  /** Bumped by anything that can change a picture (steps included) / by everything but steps. */
  version = 0;
  settings = 0;
  private output: OutputJob | null = null;
  private runCounter = 0;
  /** Scratch for the layer snapshots (no module holds it). */
  private readonly probeScratch = probeScratch();
  /** The learner's own rows (data name 'custom'); kept across configures, replaced only by valid data. */
  custom: CustomData | null = null;

  /** The run, or an error saying there is none yet. */
  get current(): Run {
    if (!this.run) throw new EngineError('invalid_spec', 'no configuration yet: send configure first', 'config');
    return this.run;
  }

  touch(settings = true): void {
    this.version++;
    if (settings) this.settings++;
  }

  private start(config: LabConfig, teach: TeachFlags): ReadyInfo {
    const run = new Run(this.runCounter + 1, config, teach, this.frozen, this.custom);
    this.runCounter++;
    this.run = run;
    this.config = config;
    this.teach = teach;
    this.output = createOutputJob(run, this.options.gridSize, () => this.options.mcSamples);
    this.touch();
    return this.readyInfo();
  }

  configure(config: LabConfig, teach: TeachFlags, mode: ViewMode, options?: Partial<SessionOptions>): ReadyInfo {
    validateMode(mode);
    validateTeach(teach);
    if (options) validateOptions(options);
    const prevOptions = this.options, prevFrozen = new Map(this.frozen);
    this.options = { ...this.options, ...options };
    this.frozen.clear();
    try {
      const info = this.start(config, { ...teach });
      this.mode = mode;
      return info;
    } catch (e) {
      this.options = prevOptions;
      for (const [k, v] of prevFrozen) this.frozen.set(k, v);
      throw e;
    }
  }

  /** Same config and seed: the same data, initial weights, masks and batches. */
  reset(): ReadyInfo {
    void this.current;
    return this.start(this.config!, this.teach);
  }

  newSeed(seed: number): ReadyInfo {
    void this.current;
    if (!isValidSeed(seed)) bad('seed', `must be a whole number in [0, ${MAX_SEED}] (got ${seed})`);
    return this.start({ ...this.config!, seed }, this.teach);
  }

  /** Applies a patch: live changes in place (returns null), structural ones as a new run (returns its info). */
  set(patch: ConfigPatch): ReadyInfo | null {
    const run = this.current, config = this.config!;
    const next = applyPatch(config, this.teach, patch);
    validateTeach(next.teach);
    if (isStructural(config, patch)) {
      const prevFrozen = new Map(this.frozen);
      this.frozen.clear();
      try {
        return this.start(next.config, next.teach);
      } catch (e) {
        for (const [k, v] of prevFrozen) this.frozen.set(k, v);
        throw e;
      }
    }
    run.applyLive(next.config, next.teach);
    this.config = next.config;
    this.teach = next.teach;
    this.touch();
    return null;
  }

  setNorm(cmd: SetNormCommand): void {
    const run = this.current;
    const l = run.normLayer(cmd.layer);
    // Features (BatchNorm1d, LayerNorm) or channels (BatchNorm2d): one γ and β each.
    const F = l.gamma.value.length;
    if (cmd.feature !== 'all' && !(Number.isInteger(cmd.feature) && cmd.feature >= 0 && cmd.feature < F)) {
      bad('feature', `must be "all" or a whole number in [0, ${F - 1}] (got ${String(cmd.feature)})`);
    }
    for (const k of ['gamma', 'beta'] as const) {
      const v = cmd[k];
      if (v !== undefined && !(Number.isFinite(v) && Math.abs(v) <= 1e3)) bad(k, `must be a number in [-1000, 1000] (got ${v})`);
    }
    if (cmd.frozen !== undefined && typeof cmd.frozen !== 'boolean') bad('frozen', 'must be true or false');
    const lo = cmd.feature === 'all' ? 0 : cmd.feature, hi = cmd.feature === 'all' ? F : cmd.feature + 1;
    if (cmd.gamma !== undefined) l.gamma.value.fill(cmd.gamma, lo, hi);
    if (cmd.beta !== undefined) l.beta.value.fill(cmd.beta, lo, hi);
    if (cmd.frozen !== undefined) {
      this.frozen.set(cmd.layer, cmd.frozen);
      run.freeze(cmd.layer, cmd.frozen);
    }
    run.metricsStale = true;
    this.touch();
  }

  /**
   * Keeps the learner's rows. A run on 'custom' data restarts with them; if they are invalid, or the
   * run cannot be built from them, the previous rows (and run) stay in force and the error says why.
   */
  setData(d: CustomData): ReadyInfo | null {
    validateCustomData(d);
    const prev = this.custom;
    this.custom = d;
    if (this.config?.data.name !== 'custom' || !this.run) return null;
    // Like a new seed, new rows keep the network's structure, so γ/β freezes stay.
    try {
      return this.start(this.config, this.teach);
    } catch (e) {
      this.custom = prev;
      throw e;
    }
  }

  setMode(mode: ViewMode): void {
    validateMode(mode);
    this.mode = mode;
    this.touch();
  }

  setOptions(o: Partial<SessionOptions>): void {
    validateOptions(o);
    const gridChanged = o.gridSize !== undefined && o.gridSize !== this.options.gridSize;
    this.options = { ...this.options, ...o };
    if (gridChanged && this.run) this.output = createOutputJob(this.run, this.options.gridSize, () => this.options.mcSamples);
    this.touch();
  }

  /** Whether the output picture needs more frames to catch up. */
  outputBehind(): boolean {
    return !!this.output && this.output.needsWork(this.viewContext(Infinity, () => 0));
  }

  private viewContext(deadline: number, now: () => number): ViewContext {
    return { mode: this.mode, version: this.version, settings: this.settings, deadline, now };
  }

  /** Builds a frame; the output picture gets `budgetMs` of work (Infinity: finish it). */
  buildFrame(meta: FrameMeta, budgetMs: number, now: () => number): Frame {
    const run = this.current, t0 = now();
    const layers = buildLayerFrames(run, this.mode, this.options.feature, this.probeScratch);
    const ctx = this.viewContext(t0 + budgetMs, now);
    this.output!.advance(ctx);
    const output = this.output!.snapshot(ctx);
    const { history, activations } = run.history.snapshot();
    const frame: Frame = {
      ...meta,
      runId: run.id,
      step: run.step,
      epoch: run.trainer.epoch,
      batchLoss: run.lastLoss,
      mode: this.mode,
      buildMs: 0,
      metrics: run.metrics ? { ...run.metrics } : null,
      history,
      activations,
      layers,
      output,
    };
    frame.buildMs = now() - t0;
    return frame;
  }

  readyInfo(): ReadyInfo {
    const run = this.current, d = run.dataset;
    const C0 = d.kind === 'classification' ? 1 : d.classes;
    const draw = (s: typeof d.train): [Float32Array, Float32Array] => {
      if (!d.domain) return [new Float32Array(0), new Float32Array(0)];
      const n = Math.min(s.n, MAX_DRAW_POINTS);
      return [s.x.slice(0, n * d.inputDim), Float32Array.from(s.y.subarray(0, n * C0))];
    };
    const [trainX, trainY] = draw(d.train), [testX, testY] = draw(d.test);
    const data: DataInfo = {
      name: this.config!.data.name,
      kind: d.kind,
      inputDim: d.inputDim,
      classes: d.classes,
      domain: d.domain ? { ...d.domain } : null,
      trainX,
      trainY,
      testX,
      testY,
      trainSize: d.train.n,
      testSize: d.test.n,
      probeX: run.probeX.slice(),
      probeY: run.probeY.slice(),
      probeCount: run.probeRows.length,
    };
    return { runId: run.id, data, model: structuredClone(run.spec), config: structuredClone(this.config!), teach: { ...this.teach } };
  }
}
