// The one polite live region, visually hidden, and what the lab's state says into it: training
// started, paused, restarted. The step counter itself is never spoken (see announce.ts).
import { useEffect } from 'react';
import { announce, isLessonRunning, markSpoken } from './announce.ts';
import { useLab } from '../store/lab.ts';
import { frameStore } from '../store/frame.ts';
import { translate } from '../i18n/index.ts';

export function Announcer() {
  const spoken = useLab((s) => s.spoken);
  useEffect(() => speakLabState(), []);
  // Re-keying the text node makes the same words a new message for screen readers.
  return (
    <div className="sr-only" role="status" aria-live="polite" aria-atomic="true" data-announcer="">
      <span key={spoken.n}>{spoken.text}</span>
    </div>
  );
}

/** Subscribes to the lab: a change of state (not of the step count) is announced. Returns the unsubscribe. */
export function speakLabState(): () => void {
  let run: number | null = frameStore.getState().frame?.runId ?? null;
  const say = (key: Parameters<typeof translate>[1], vars?: Record<string, number>) => announce(translate(useLab.getState().lang, key, vars));
  const offLab = useLab.subscribe((s, p) => {
    // A notice (role="alert") speaks for itself; the announcer's next message waits a second.
    if (s.notices.length > p.notices.length) markSpoken();
    if (!s.ready || s.playing === p.playing) return;
    // A lesson's exact run steps in chunks; its own messages say what happens.
    if (isLessonRunning() && !s.playing) return;
    if (s.playing) return say('say.started', { step: s.step });
    // A divergence pauses first and raises its notice just after: that notice says training stopped.
    const before = s.notices;
    const step = s.step;
    setTimeout(() => {
      const now = useLab.getState();
      if (now.playing || now.notices.some((n) => n.kind === 'error' && !before.includes(n))) return;
      say('say.paused', { step });
    }, 0);
  });
  const offFrame = frameStore.subscribe(({ frame }) => {
    if (!frame) return;
    if (run !== null && frame.runId !== run) {
      if (!isLessonRunning()) say('say.restarted', { seed: useLab.getState().config.seed });
    }
    run = frame.runId;
  });
  return () => {
    offLab();
    offFrame();
  };
}
