// The comparison's workers: one bridge (so one Worker, and the browser spreads them over the cores)
// per variant, created on Start and disposed when the panel goes away. Every variant is configured
// from the same lab settings and seed; only its regularizers differ (variants.ts).
import { createBridge, type Bridge, type BridgeEvent, type WorkerFactory } from '../../bridge/bridge.ts';
import { DEFAULT_TEACH } from '../../protocol/config.ts';
import { useLab } from '../../store/lab.ts';
import { throttleAcks } from './ack-throttle.ts';
import { clearLive, dropLive, emptyLive, getLive, nextVariant, putLive, useCompare } from '../../store/compare.ts';
import { liveFromFrame } from './live.ts';
import { defaultVariants, forCnn, variantConfig, type Variant } from '../../store/compare-variants.ts';
import { getCustomData } from '../../store/custom-data.ts';

/** Least time between two frames of one variant (10 a second; the panel redraws at 8 Hz). */
const FRAME_GAP_MS = 100;

/**
 * The comparison's workers and what drives them. The panel makes one while it is on the page and hands
 * it to the parts that change variants; nothing is kept at module level.
 */
export class CompareController {
  private factory: WorkerFactory | null = null;
  private readonly bridges = new Map<number, Bridge>();
  private unwatchLab: (() => void) | null = null;

  private onEvent(id: number, ev: BridgeEvent): void {
    switch (ev.type) {
      case 'ready':
        putLive(id, { ...emptyLive(), runId: ev.info.runId, kind: ev.info.data.kind });
        break;
      case 'frame':
        putLive(id, liveFromFrame(getLive(id), ev.frame, useCompare.getState().target));
        if (ev.frame.pendingSteps === 0 && !ev.frame.playing) this.checkStopped();
        break;
      case 'diverged':
        putLive(id, { diverged: { step: ev.step, loss: ev.loss }, playing: false });
        break;
      case 'error':
        // A refused configure is followed by "not configured" for the play after it: keep the cause.
        if (ev.code === 'not_configured' && getLive(id).error) break;
        putLive(id, { error: { code: ev.code, message: ev.message } });
        break;
      case 'inspection':
        // Variants are never inspected.
        break;
      case 'restarted':
        // The replacement worker starts the variant again from step 0; its ready event clears the row.
        break;
      case 'failed':
        putLive(id, { error: { code: 'internal', message: ev.reason }, playing: false });
        break;
      default: {
        const never: never = ev;
        void never;
      }
    }
  }

  private configure(b: Bridge, v: Variant): void {
    const s = useLab.getState();
    const base = useCompare.getState().base ?? s.config;
    // Each variant's worker needs the learner's own rows before a configure that uses them.
    const own = getCustomData();
    if (base.data.name === 'custom' && own) b.send({ type: 'data', dataset: own });
    // Correct behaviour only (no teaching mistakes), and the cheapest MC band: the comparison reads
    // losses, and the worker's time should go to training steps.
    b.configure(variantConfig(base, v), DEFAULT_TEACH, s.mode, { ...s.options, mcSamples: 1 });
  }

  private spawn(v: Variant): Bridge | null {
    if (!this.factory) return null;
    const b = createBridge({ workerFactory: this.factory, onEvent: (ev) => this.onEvent(v.id, ev) });
    this.bridges.set(v.id, b);
    putLive(v.id, emptyLive());
    this.configure(b, v);
    return b;
  }

  /** The panel is on screen: workers may be started with this factory. Returns the teardown. */
  attach(f: WorkerFactory): () => void {
    this.factory = throttleAcks(f, FRAME_GAP_MS);
    this.unwatchLab?.();
    this.followLab();
    this.unwatchLab = useLab.subscribe((s, prev) => {
      // Both cores go to one thing at a time: if the lab starts training again, the comparison pauses.
      if (s.playing && !prev.playing && useCompare.getState().status === 'running') this.pause();
      if (s.config !== prev.config) this.followLab();
    });
    return () => this.detach();
  }

  /**
   * Untouched variants, before any Start, are the standard four built from the lab's current settings;
   * so are edited ones made for the other architecture (MLP variants mean nothing to a CNN).
   */
  private followLab(): void {
    const cs = useCompare.getState(), config = useLab.getState().config;
    const otherArch = forCnn(cs.variants) !== (config.arch === 'cnn');
    if (cs.status === 'idle' && (!cs.edited || otherArch)) useCompare.setState({ variants: defaultVariants(config), edited: false });
  }

  /** Disposes every worker and forgets what they reported; the variants and target are kept. */
  detach(): void {
    this.unwatchLab?.();
    this.unwatchLab = null;
    for (const b of this.bridges.values()) b.dispose();
    this.bridges.clear();
    clearLive();
    this.factory = null;
    useCompare.setState({ status: 'idle', base: null });
  }

  /** Sets a variant going: free-running, or exactly up to the chosen step (nothing if it is there already). */
  private go(id: number, b: Bridge): boolean {
    const stopAt = useCompare.getState().stopAt;
    if (stopAt === null) {
      b.play();
      return true;
    }
    const left = stopAt - getLive(id).step;
    if (left > 0) b.step(left);
    return left > 0;
  }

  /** With a stop step: once every variant has reached it (and is idle), the comparison is paused. */
  private checkStopped(): void {
    const cs = useCompare.getState();
    if (cs.status !== 'running' || cs.stopAt === null) return;
    const done = cs.variants.every((v) => {
      const l = getLive(v.id);
      return !this.bridges.has(v.id) || l.error !== null || l.diverged !== null || l.step >= cs.stopAt!;
    });
    if (done) useCompare.setState({ status: 'paused' });
  }

  start(): void {
    if (!this.factory) return;
    const lab = useLab.getState();
    if (lab.playing) lab.pause();
    const cs = useCompare.getState();
    if (cs.status === 'idle') useCompare.setState({ base: lab.config });
    let any = false;
    for (const v of useCompare.getState().variants) {
      const b = this.bridges.get(v.id) ?? this.spawn(v);
      if (b && this.go(v.id, b)) any = true;
    }
    // Every variant already at the stop step: nothing to run.
    useCompare.setState({ status: any ? 'running' : cs.status === 'idle' ? 'paused' : cs.status });
  }

  pause(): void {
    for (const b of this.bridges.values()) b.pause();
    if (useCompare.getState().status === 'running') useCompare.setState({ status: 'paused' });
  }

  /** Every variant back to step 0, rebuilt from the lab's current settings (same seed, same initial weights). */
  reset(): void {
    if (!this.bridges.size) return;
    useCompare.setState({ base: useLab.getState().config });
    for (const v of useCompare.getState().variants) {
      const b = this.bridges.get(v.id);
      if (!b) continue;
      putLive(v.id, emptyLive());
      this.configure(b, v);
    }
  }

  /** A change to one variant restarts only that variant from step 0 (others keep their progress). */
  updateVariant(id: number, patch: Partial<Omit<Variant, 'id'>>): void {
    const variants = useCompare.getState().variants.map((v) => (v.id === id ? { ...v, ...patch } : v));
    useCompare.setState({ variants, edited: true });
    const b = this.bridges.get(id), v = variants.find((x) => x.id === id);
    if (!b || !v) return;
    putLive(id, emptyLive());
    this.configure(b, v);
  }

  addVariant(): void {
    const cs = useCompare.getState();
    const v = nextVariant(cs.variants, cs.base ?? useLab.getState().config);
    if (!v) return;
    useCompare.setState({ variants: [...cs.variants, v], edited: true });
    if (cs.status === 'idle') return;
    const b = this.spawn(v);
    if (cs.status === 'running' && b) this.go(v.id, b);
  }

  removeVariant(id: number): void {
    const cs = useCompare.getState();
    if (cs.variants.length <= 1) return;
    useCompare.setState({ variants: cs.variants.filter((v) => v.id !== id), edited: true });
    this.bridges.get(id)?.dispose();
    this.bridges.delete(id);
    dropLive(id);
  }
}
