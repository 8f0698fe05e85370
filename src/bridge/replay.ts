// What a restarted worker must be told so the learner loses no setting: the configuration with every
// accepted `set` folded in, γ/β freezes and edits, view mode, options, speed and play state. Commands
// stay "pending" until a frame reports their rev (accepted) or an error names it (refused and dropped),
// so a refused value is never replayed.
import { DEFAULT_TEACH, type LabConfig, type TeachFlags, type ViewMode } from '../protocol/config.ts';
import type { Command, SessionOptions, SetNormCommand } from '../protocol/messages.ts';
import type { CustomData } from '../protocol/custom-data.ts';
import { applyPatch, isStructural } from '../protocol/patch.ts';

export interface NormEdit {
  layer: number;
  feature: number | 'all';
  gamma?: number;
  beta?: number;
}

/** The run-defining part of the state (changed by configure, set, setNorm, reset, newSeed). */
export interface RunState {
  config: LabConfig;
  teach: TeachFlags;
  /** Freeze per norm layer: a setting, kept across reset and new seed. */
  frozen: Map<number, boolean>;
  /** γ/β values set by hand since the run's weights were last initialized; superseded edits are dropped. */
  edits: NormEdit[];
}

function cloneRun(s: RunState): RunState {
  return { config: s.config, teach: s.teach, frozen: new Map(s.frozen), edits: s.edits.map((e) => ({ ...e })) };
}

function addEdit(edits: NormEdit[], cmd: SetNormCommand): NormEdit[] {
  const e: NormEdit = { layer: cmd.layer, feature: cmd.feature };
  if (cmd.gamma !== undefined) e.gamma = cmd.gamma;
  if (cmd.beta !== undefined) e.beta = cmd.beta;
  if (e.gamma === undefined && e.beta === undefined) return edits;
  const out: NormEdit[] = [];
  for (const p of edits) {
    if (p.layer === e.layer && (e.feature === 'all' || p.feature === e.feature)) {
      const q = { ...p };
      if (e.gamma !== undefined) delete q.gamma;
      if (e.beta !== undefined) delete q.beta;
      if (q.gamma !== undefined || q.beta !== undefined) out.push(q);
    } else out.push(p);
  }
  out.push(e);
  return out;
}

/** Applies one run-changing command to a state (null: not configured yet). */
export function foldCommand(s: RunState | null, cmd: Command): RunState | null {
  switch (cmd.type) {
    case 'configure':
      return { config: cmd.config, teach: { ...DEFAULT_TEACH, ...cmd.teach }, frozen: new Map(), edits: [] };
    case 'set': {
      if (!s) return s;
      const next = applyPatch(s.config, s.teach, cmd.patch);
      const structural = isStructural(s.config, cmd.patch);
      return { config: next.config, teach: next.teach, frozen: structural ? new Map() : new Map(s.frozen), edits: structural ? [] : s.edits };
    }
    case 'setNorm': {
      if (!s) return s;
      const out = cloneRun(s);
      if (cmd.frozen !== undefined) out.frozen.set(cmd.layer, cmd.frozen);
      out.edits = addEdit(out.edits, cmd);
      return out;
    }
    case 'reset':
      return s && { ...cloneRun(s), edits: [] };
    case 'newSeed':
      return s && { ...cloneRun(s), config: { ...s.config, seed: cmd.seed }, edits: [] };
    case 'data':
      // New rows restart a run that uses them (fresh weights); freezes are kept, as on a new seed.
      return s && (s.config.data.name === 'custom' ? { ...cloneRun(s), edits: [] } : s);
    default:
      return s;
  }
}

const RUN_COMMANDS: ReadonlySet<Command['type']> = new Set(['configure', 'set', 'setNorm', 'reset', 'newSeed', 'data']);

export class ReplayState {
  /** Accepted run state. */
  private confirmed: RunState | null = null;
  /** The learner's rows the worker accepted (a `data` command); replayed before the configure that may use them. */
  private confirmedData: CustomData | null = null;
  /** Sent, not yet accepted or refused (each has a rev). */
  private pending: Command[] = [];
  mode: ViewMode = 'training';
  options: Partial<SessionOptions> = {};
  speed: number | null = null;
  playing = false;

  /** Records a command as it is sent. */
  record(cmd: Command): void {
    switch (cmd.type) {
      case 'configure':
        this.mode = cmd.mode;
        if (cmd.options) this.options = { ...this.options, ...cmd.options };
        break;
      case 'mode':
        this.mode = cmd.mode;
        break;
      case 'options':
        this.options = { ...this.options, ...cmd.options };
        break;
      case 'speed':
        this.speed = cmd.stepsPerSecond;
        break;
      case 'play':
        this.playing = true;
        break;
      case 'pause':
      case 'step':
        this.playing = false;
        break;
      default:
        break;
    }
    if (RUN_COMMANDS.has(cmd.type)) this.pending.push(cmd);
  }

  /** A frame reported rev: every pending command up to it was accepted. */
  accepted(rev: number): void {
    while (this.pending.length && (this.pending[0].rev ?? 0) <= rev) {
      const cmd = this.pending.shift()!;
      if (cmd.type === 'data') this.confirmedData = cmd.dataset;
      this.confirmed = foldCommand(this.confirmed, cmd);
    }
  }

  /** The worker refused the command with this rev: it must never be replayed. */
  refused(rev: number): void {
    this.pending = this.pending.filter((c) => c.rev !== rev);
  }

  /** Play was stopped by the worker itself (divergence, a failed step). */
  stopped(): void {
    this.playing = false;
  }

  /** The run state with pending commands included (what the learner has asked for so far). */
  get run(): RunState | null {
    let s = this.confirmed && cloneRun(this.confirmed);
    for (const c of this.pending) s = foldCommand(s, c);
    return s;
  }

  /** The learner's rows as asked for so far (pending included), or null. */
  get data(): CustomData | null {
    let d = this.confirmedData;
    for (const c of this.pending) if (c.type === 'data') d = c.dataset;
    return d;
  }

  /** Forgets the run state (a fresh worker is about to be given replay()'s commands, which record it again). */
  rebase(): void {
    this.confirmed = null;
    this.confirmedData = null;
    this.pending = [];
  }

  /** Commands that rebuild this state in a fresh worker, in order (no revs yet). */
  replay(): Command[] {
    const s = this.run, data = this.data;
    const out: Command[] = data ? [{ type: 'data', dataset: data }] : [];
    if (!s) return out;
    out.push({ type: 'configure', config: s.config, teach: s.teach, mode: this.mode, options: { ...this.options } });
    for (const [layer, frozen] of s.frozen) out.push({ type: 'setNorm', layer, feature: 'all', frozen });
    for (const e of s.edits) out.push({ type: 'setNorm', ...e });
    if (this.speed !== null) out.push({ type: 'speed', stepsPerSecond: this.speed });
    if (this.playing) out.push({ type: 'play' });
    return out;
  }
}
