// Wires the training bridge to the stores: commands from store actions go to the worker; events from
// the worker become the latest frame, the status fields and the learner-facing notices.
import { createBridge, type Bridge, type BridgeEvent, type WorkerFactory } from '../bridge/bridge.ts';
import { connectPort, useLab, type Notice } from '../store/lab.ts';
import { setFrame } from '../store/frame.ts';
import { setInspection } from '../store/inspection.ts';
import type { Runs } from '../store/runs.ts';
import { assertNever, type CommandType } from '../protocol/messages.ts';
import type { Metrics } from '../protocol/frame.ts';
import type { StallWatch } from './stall.ts';

const STALL_KEYS: readonly string[] = ['hint.stall', 'hint.stallBn'];

/** One connection's state: its bridge, the page's runs slice, and the stall watch. */
interface Connection {
  bridge: Bridge | null;
  /** The page's runs slice (main.tsx makes it): told every run id before anything else sees it. */
  runs: Runs | null;
  // The stall watch loads after the first frames (it needs 3,000 steps of history anyway), keeping it
  // out of the first load.
  stall: StallWatch | null;
  stallLoading: boolean;
}

/** A run at chance level for a long stretch gets a hint naming the likely causes; it goes once the run learns. */
function watchStall(c: Connection, f: { metrics?: Metrics | null; step: number }): void {
  const lab = useLab.getState(), data = lab.ready?.data;
  if (!f.metrics || !data) return;
  if (!c.stall) {
    if (!c.stallLoading) {
      c.stallLoading = true;
      void import('./stall.ts').then((m) => (c.stall = new m.StallWatch()));
    }
    return;
  }
  const verdict = c.stall.observe(f.metrics, data.kind === 'classification' ? data.classes : null);
  if (verdict === 'moving') useLab.setState({ notices: lab.notices.filter((n) => !STALL_KEYS.includes(n.key)) });
  if (verdict !== 'stalled') return;
  const { net, train } = lab.config;
  const bn = net.norm.includes('batchnorm');
  lab.notify({ kind: 'info', key: bn ? 'hint.stallBn' : 'hint.stall', vars: { steps: f.metrics.step, lr: train.lr, batch: train.batchSize } }, bn ? 'hint.stall' : 'hint.stallBn');
}


/** Commands that change the settings the store shows; the worker may refuse each of them. */
const SETTINGS_COMMANDS: ReadonlySet<CommandType> = new Set(['configure', 'set', 'newSeed']);

/**
 * A refused change was already in the store (and the URL): the store goes back to what the worker
 * holds, with the changes sent or held since still applied, so every panel describes what trains; the
 * learner's values stay beside it as `asked` (the controls show both).
 */
function showWhatWorkerHolds(b: Bridge): void {
  const inForce = b.inForce;
  if (inForce) useLab.getState().refused({ config: inForce.config, teach: inForce.teach });
}

function handleBridgeEvent(c: Connection, ev: BridgeEvent): void {
  const lab = useLab.getState(), { bridge, runs } = c;
  switch (ev.type) {
    case 'ready':
      runs?.observe(ev.info.runId);
      c.stall?.reset();
      useLab.setState({ ready: ev.info, notices: lab.notices.filter((n) => !STALL_KEYS.includes(n.key)) });
      break;
    case 'frame': {
      const f = ev.frame;
      runs?.observe(f.runId);
      setFrame(f);
      // Training moved on after a later command (a bigger batch, a lower rate, a reset): a refused
      // batch of one or an earlier divergence is no longer the news.
      const stale = (n: Notice) => !!n.since && f.rev > n.since.rev && f.step > 0 && f.step !== n.since.step;
      if (lab.notices.some(stale)) useLab.setState({ notices: lab.notices.filter((n) => !stale(n)) });
      // Only a frame that reflects every command sent so far may overrule the buttons' state.
      const current = !bridge || f.rev >= bridge.rev;
      useLab.setState({
        step: f.step,
        epoch: f.epoch,
        stepsPerSecond: f.stepsPerSecond,
        batchLoss: f.batchLoss,
        metrics: f.metrics ?? lab.metrics,
        ...(current ? { playing: f.playing } : {}),
      });
      watchStall(c, f);
      break;
    }
    case 'error':
      // The worker's step, not the store's: the store may not have caught up with the last steps, and
      // a later command (an inspection, say) would then make the next frame look like progress.
      if (ev.code === 'bn_batch_one') lab.notify({ kind: 'error', key: 'error.bnBatchOne', since: { rev: bridge?.rev ?? 0, step: ev.step ?? lab.step } });
      else lab.notify({ kind: 'error', key: 'error.generic', vars: { message: ev.message } });
      if (!ev.recoverable) useLab.setState({ playing: false });
      if (bridge && ev.command && SETTINGS_COMMANDS.has(ev.command)) showWhatWorkerHolds(bridge);
      break;
    case 'diverged':
      useLab.setState({ playing: false });
      lab.notify({ kind: 'error', key: 'error.diverged', vars: { step: ev.step, loss: String(ev.loss) }, since: { rev: bridge?.rev ?? 0, step: ev.step } });
      break;
    case 'inspection':
      setInspection(ev.report);
      break;
    case 'restarted':
      runs?.workerReplaced();
      lab.notify({ kind: 'warning', key: 'error.workerRestarted' });
      break;
    case 'failed':
      // No worker is left: say so plainly, show the stopped state (no rate, no "training"), and offer
      // a reload that keeps the settings; the "restarted" notice is no longer true.
      useLab.setState({ playing: false, stopped: true, stepsPerSecond: 0, notices: lab.notices.filter((n) => n.key !== 'error.workerRestarted') });
      useLab.getState().notify({ kind: 'error', key: 'error.workerGaveUp', vars: { message: ev.reason }, action: 'reload' });
      break;
    default:
      assertNever(ev);
  }
}

/** Starts the worker with the store's current settings and routes every store command through it. */
export function startSession(workerFactory: WorkerFactory, runs: Runs | null = null): Bridge {
  const c: Connection = { bridge: null, runs, stall: null, stallLoading: false };
  const b = createBridge({ workerFactory, onEvent: (ev) => handleBridgeEvent(c, ev) });
  c.bridge = b;
  const s = useLab.getState();
  b.configure(s.config, s.teach, s.mode, s.options);
  b.speed(s.speed);
  connectPort({ send: (cmd) => b.send(cmd) });
  return b;
}
