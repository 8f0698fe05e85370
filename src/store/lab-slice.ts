// The lab's own slice of the lab store (store/lab.ts): what the learner set (config, teaching
// switches, mode, language), the session's status, and messages. Actions change the state and tell
// the training worker through one port.
import type { EmbedPanel } from '../protocol/lab-state.ts';
import type { StateCreator } from 'zustand';
import { DEFAULT_CONFIG, DEFAULT_TEACH, type LabConfig, type TeachFlags, type ViewMode } from '../protocol/config.ts';
import { DEFAULT_OPTIONS, type Command, type ConfigPatch, type SessionOptions } from '../protocol/messages.ts';
import type { Metrics, ReadyInfo } from '../protocol/frame.ts';
import type { KnockoutRequest } from '../protocol/inspection.ts';
import { trainRowsOf, type CustomData } from '../protocol/custom-data.ts';
import { applyPatch, mergePatches } from '../protocol/patch.ts';
import type { CustomDataState } from './page-slices.ts';
import type { Lang, MessageKey, Vars } from '../i18n/index.ts';
import { batchFits, fitBatch, nextSeed } from '../protocol/rules.ts';

/** Where commands go: the bridge in the page, a fake in tests. */
export interface SessionPort {
  send(cmd: Command): void;
}

/** One line of a grouped notice (a link's corrections, say). */
export interface NoticeItem {
  key: MessageKey;
  vars?: Vars;
}

export interface Notice {
  id: number;
  kind: 'error' | 'warning' | 'info';
  key: MessageKey;
  vars?: Vars;
  /** Lines under the message (shown capped, with a count of the rest). */
  items?: NoticeItem[];
  /** A button the notice offers besides Dismiss. */
  action?: 'reload';
  /** For messages about training: the command rev and step when it was raised (it clears once training moves on after a later command). */
  since?: { rev: number; step: number };
}

/** Settings as one pair: the lab's config and the teaching switches. */
export interface Settings {
  config: LabConfig;
  teach: TeachFlags;
}

export interface LabState {
  /**
   * The settings in force: what the worker holds, with the changes on their way to it. A change the
   * worker refuses is taken back out of these (every panel, the link and the exported code describe
   * what trains), and kept in `asked`.
   */
  config: LabConfig;
  teach: TeachFlags;
  /**
   * What the learner asked for, when the worker refused part of it (null when everything asked is in
   * force): the controls keep showing the asked value, with a note saying what is in force. Later
   * changes apply to both; it goes once they agree again or new settings are applied whole.
   */
  asked: Settings | null;
  mode: ViewMode;
  lang: Lang;
  options: SessionOptions;
  playing: boolean;
  ready: ReadyInfo | null;
  step: number;
  epoch: number;
  stepsPerSecond: number;
  batchLoss: number;
  metrics: Metrics | null;
  notices: Notice[];
  /** Control ids a teacher's link hides. */
  hide: string[];
  /** Presentation mode (large type, fewer panels). */
  present: boolean;
  /** One panel alone for a course page's iframe (embed=…); null: the whole lab. */
  embed: EmbedPanel | null;
  /** The page opened on a link with no settings, on the arrival network (ARRIVAL_CONFIG). */
  arrival: boolean;
  /** Play's pace in steps per second, or null for full speed (see SPEEDS). */
  speed: number | null;
  /** Counts Step presses (button, S, a lesson's exact run): a lesson reveals its answer on one, as on Play. */
  stepRequests: number;
  /** The training worker failed for good (the bridge gave up): nothing trains until a reload. */
  stopped: boolean;
  /** Where commands go (the training bridge, connected by app/connect.ts; a recorder in tests). */
  port: SessionPort | null;
  /** The last notice's id. */
  noticeSeq: number;

  setLang(lang: Lang): void;
  setMode(mode: ViewMode): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: number | null): void;
  stepOnce(n?: number): void;
  reset(): void;
  newSeed(): void;
  /** A seed the learner typed: a new run from it, like New seed. */
  setSeed(seed: number): void;
  /** Change settings: the store updates at once; the worker gets a `set` (it rebuilds when structural). */
  patch(patch: ConfigPatch): void;
  setNorm(layer: number, feature: number | 'all', v: { gamma?: number; beta?: number; frozen?: boolean }): void;
  setOptions(o: Partial<SessionOptions>): void;
  /** Ask the worker for the Inference lab's measurements (answered by an `inspection` event). */
  inspect(k: number, rows?: number, knockout?: KnockoutRequest, probe?: number): void;
  /** Replaces config, teaching switches and mode at once (an imported settings file): one configure, one restart. */
  applySettings(s: { config: LabConfig; teach: TeachFlags; mode: ViewMode }): void;
  /** Sends the learner's own rows to the worker, which uses them while config.data.name is 'custom'. */
  sendData(d: CustomData): void;
  /** Shows a notice; one with the same key and values, or with the key `replaces`, goes away. */
  notify(n: Omit<Notice, 'id'>, replaces?: MessageKey): void;
  dismiss(id: number): void;
  dismissAll(): void;
  /** The worker refused a settings change: `inForce` becomes config/teach, and what was asked stays in `asked`. */
  refused(inForce: Settings): void;
}

/**
 * The choices of the Speed control. Play starts at a pace a person can follow (each drawn frame one
 * step, each step its own dropout mask); slow motion shows one mask at a time; full speed is the cap lifted.
 */
export const SPEEDS: readonly (number | null)[] = [2, 10, 30, 100, 500, null];
export const DEFAULT_SPEED = 30;

const sameSettings = (a: Settings, b: Settings): boolean =>
  JSON.stringify(a.config) === JSON.stringify(b.config) && JSON.stringify(a.teach) === JSON.stringify(b.teach);

/** The asked settings after a change the learner made to the settings in force, now `next` (null once they agree). */
function askedAfter(asked: Settings | null, next: Settings, change: (s: Settings) => Settings): Settings | null {
  if (!asked) return null;
  const a = change(asked);
  return sameSettings(a, next) ? null : a;
}

export const createLabSlice: StateCreator<LabState & CustomDataState, [], [], LabState> = (set, get) => {
  const send = (cmd: Command): void => get().port?.send(cmd);
  return {
    config: DEFAULT_CONFIG,
    teach: DEFAULT_TEACH,
    asked: null,
    mode: 'training',
    lang: 'en',
    options: DEFAULT_OPTIONS,
    playing: false,
    ready: null,
    step: 0,
    epoch: 0,
    stepsPerSecond: 0,
    batchLoss: NaN,
    metrics: null,
    notices: [],
    hide: [],
    present: false,
    embed: null,
    // Less motion asked for: Play starts in slow motion (the Speed control's slowest pace). The speed is
    // neither in links nor kept, so nothing else has chosen one at start.
    speed: typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches ? SPEEDS[0] : DEFAULT_SPEED,
    arrival: false,
    stepRequests: 0,
    stopped: false,
    port: null,
    noticeSeq: 0,

    setLang: (lang) => set({ lang }),
    setMode: (mode) => {
      set({ mode });
      send({ type: 'mode', mode });
    },
    play: () => {
      // With no worker left, Play would only make the status claim training that isn't happening.
      if (get().stopped) return;
      set({ playing: true });
      send({ type: 'play' });
    },
    pause: () => {
      set({ playing: false });
      send({ type: 'pause' });
    },
    togglePlay: () => (get().playing ? get().pause() : get().play()),
    setSpeed: (speed) => {
      set({ speed });
      send({ type: 'speed', stepsPerSecond: speed });
    },
    stepOnce: (n = 1) => {
      set({ playing: false, stepRequests: get().stepRequests + 1 });
      // Added to steps still pending: a quick second press of Step is one more step, never lost.
      send({ type: 'step', n, add: true });
    },
    reset: () => send({ type: 'reset' }),
    newSeed: () => {
      // A new seed is a setting like any other (it lives in the URL), so the store picks it.
      get().setSeed(nextSeed(get().config.seed));
    },
    setSeed: (seed) => {
      const { config, teach, asked } = get(), next = { config: { ...config, seed }, teach };
      set({ config: next.config, asked: askedAfter(asked, next, (a) => ({ ...a, config: { ...a.config, seed } })) });
      send({ type: 'newSeed', seed });
    },
    patch: (p) => {
      const next = applyPatch(get().config, get().teach, p);
      // A batch larger than the training set would have the worker refuse the whole change (a smaller
      // training set, say): the batch comes down with it, and the learner is told.
      const rows = trainRowsOf(next.config.data, get().loaded?.info.rows ?? null);
      const fits = batchFits(next.config.train.batchSize, rows);
      const sent = fits ? p : mergePatches(p, { train: { batchSize: fitBatch(next.config.train.batchSize, rows) } });
      const after = fits ? next : applyPatch(get().config, get().teach, sent);
      set({ ...after, asked: askedAfter(get().asked, after, (a) => applyPatch(a.config, a.teach, sent)) });
      if (!fits) get().notify({ kind: 'info', key: 'data.batchLowered', vars: { n: rows } }, 'data.batchLowered');
      send({ type: 'set', patch: sent });
    },
    setNorm: (layer, feature, v) => send({ type: 'setNorm', layer, feature, ...v }),
    setOptions: (o) => {
      set({ options: { ...get().options, ...o } });
      send({ type: 'options', options: o });
    },
    inspect: (k, rows, knockout, probe) =>
      send({ type: 'inspect', k, ...(rows === undefined ? {} : { rows }), ...(knockout ? { knockout } : {}), ...(probe === undefined ? {} : { probe }) }),
    applySettings: ({ config, teach, mode }) => {
      set({ config, teach, mode, asked: null });
      send(configureCommand(get()));
    },
    sendData: (dataset) => send({ type: 'data', dataset }),
    notify: (n, replaces) => {
      // The same message repeated replaces the old one; the same kind of message about another
      // parameter (each clamped URL value, say) is a notice of its own.
      const same = (x: Notice) => x.key === replaces || (x.key === n.key && JSON.stringify(x.vars ?? {}) === JSON.stringify(n.vars ?? {}));
      const notices = get().notices.filter((x) => !same(x));
      const id = get().noticeSeq + 1;
      set({ notices: [...notices, { ...n, id }], noticeSeq: id });
    },
    dismiss: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
    dismissAll: () => set({ notices: [] }),
    refused: (inForce) => {
      const { config, teach, asked } = get();
      if (sameSettings({ config, teach }, inForce)) return;
      set({ config: inForce.config, teach: inForce.teach, asked: asked ?? { config, teach } });
    },
  };
};

/** The configure command that (re)starts a worker from the current state. */
export function configureCommand(s: LabState): Command {
  return { type: 'configure', config: s.config, teach: s.teach, mode: s.mode, options: s.options };
}
