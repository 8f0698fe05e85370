// When the Inference lab asks the worker to measure: once when it opens (and the network is ready),
// shortly after any setting changes (a new run or worker, p, scaling, a teaching switch, K), and while the step
// moves — playing or stepping — at most every TRAINING_GAP_MS, with a last measurement after training
// stops. It listens to the store outside React, so a frame does not re-render the panel.
import { useEffect } from 'react';
import { useLab, type LabState } from '../../store/lab.ts';
import { knockoutRequest, useInspection } from '../../store/inspection.ts';

export const SETTLE_MS = 250;
export const TRAINING_GAP_MS = 2000;

/**
 * Asks for the Inference lab's figures, the knock-out the learner chose included: the MLP's hidden
 * layers, or the CNN's conv blocks and their channels (with every class of the chosen digit for MC).
 */
export function measure(s: LabState): void {
  if (!s.ready) return;
  const ins = useInspection.getState();
  if (s.config.arch === 'cnn') {
    const { layers, channels } = s.config.conv;
    s.inspect(s.options.mcSamples, undefined, knockoutRequest(ins.knockout, layers, channels), ins.mcProbe);
  } else {
    s.inspect(s.options.mcSamples, undefined, knockoutRequest({ ...ins.knockout, unit: null }, s.config.net.hidden.length));
  }
}

export function useAutoInspect(): void {
  useEffect(() => {
    let last = -Infinity;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fire = () => {
      timer = undefined;
      last = performance.now();
      measure(useLab.getState());
    };
    const after = (ms: number) => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(fire, Math.max(0, ms));
    };
    if (useLab.getState().ready) fire();
    const unsub = useLab.subscribe((s, prev) => {
      const settings =
        s.ready !== prev.ready || s.config !== prev.config || s.teach !== prev.teach || s.options.mcSamples !== prev.options.mcSamples;
      if (settings) after(SETTLE_MS);
      else if (s.step !== prev.step && timer === undefined) after(last + TRAINING_GAP_MS - performance.now());
    });
    const unsubKo = useInspection.subscribe((s, prev) => {
      if (s.knockout !== prev.knockout || s.mcProbe !== prev.mcProbe) after(SETTLE_MS);
    });
    return () => {
      unsub();
      unsubKo();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
}
