// The control bar: Play/Pause and the Training ↔ Inference switch (pinned within thumb reach on a
// phone), Step, Reset, New seed, the Speed of Play, and the status line ("Step N", test id "status-line", role status with aria-live off: not a live region, Announcer.tsx speaks changes of state).
// Compact (an embedded panel, which shows its own mode switch): Play/Pause, Step and Reset.
import { useId } from 'react';
import { useLab, SPEEDS } from '../store/lab.ts';
import { formatNumber, type MessageKey, type Vars } from '../i18n/index.ts';
import { useT } from '../i18n/useT.ts';
import { ModeSwitch } from './Header.tsx';
import { Announcer } from './Announcer.tsx';
import { useLessonTraining } from '../store/lesson-run.ts';

export function Transport({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const playing = useLab((s) => s.playing);
  const togglePlay = useLab((s) => s.togglePlay);
  const stepOnce = useLab((s) => s.stepOnce);
  const reset = useLab((s) => s.reset);
  const newSeed = useLab((s) => s.newSeed);
  const seedHidden = useLab((s) => s.hide.includes('seed'));
  return (
    <div className="transport">
      <div className="transport-pin">
        <button type="button" className="primary play-button" onClick={togglePlay} aria-pressed={playing}>
          <span aria-hidden="true">{playing ? '❚❚ ' : '▶ '}</span>
          {t(playing ? 'action.pause' : 'action.play')}
        </button>
        {compact ? null : <ModeSwitch />}
      </div>
      <div className="transport-rest">
        <button type="button" onClick={() => stepOnce(1)}>
          {t('action.step')}
        </button>
        <button type="button" onClick={reset}>
          {t('action.reset')}
        </button>
        {compact ? null : (
          <>
            {seedHidden ? null : <button type="button" onClick={newSeed}>
              {t('action.newSeed')}
            </button>}
            <SpeedControl />
          </>
        )}
      </div>
      <StatusLine />
      <Announcer />
    </div>
  );
}

type T = (key: MessageKey, vars?: Vars) => string;

export function speedText(t: T, speed: number | null): string {
  if (speed === null) return t('speed.full');
  return t(speed < 5 ? 'speed.slow' : 'speed.rate', { n: speed });
}

/** Play's pace: slow motion (one mask at a time) up to full speed. Lessons' exact runs keep their own. */
export function SpeedControl() {
  const t = useT();
  const speed = useLab((s) => s.speed);
  const setSpeed = useLab((s) => s.setSpeed);
  const id = useId();
  return (
    <div className="speed-control">
      <label htmlFor={id}>{t('speed.label')}</label>
      <select id={id} value={speed === null ? 'full' : String(speed)} onChange={(e) => setSpeed(e.target.value === 'full' ? null : Number(e.target.value))}>
        {SPEEDS.map((v) => (
          <option key={String(v)} value={v === null ? 'full' : String(v)}>
            {speedText(t, v)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function StatusLine() {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const ready = useLab((s) => s.ready);
  const step = useLab((s) => s.step);
  const epoch = useLab((s) => s.epoch);
  const rate = useLab((s) => s.stepsPerSecond);
  const playing = useLab((s) => s.playing);
  // A lesson's "Train N steps" steps the lab chunk by chunk without Play: it is training all the same.
  const lessonRun = useLessonTraining();
  const seed = useLab((s) => s.config.seed);
  const speed = useLab((s) => s.speed);
  const stopped = useLab((s) => s.stopped);
  // role="status" names the line for tools and tests (the page's first status element); aria-live="off"
  // overrides the role's implicit polite live region, so it is never read out 30 times a second.
  return (
    <p className="status" role="status" aria-live="off" data-testid="status-line">
      {ready ? (
        <>
          <strong>{t('status.step', { step })}</strong> · {t('status.epoch', { epoch })} · {t(stopped ? 'status.stopped' : playing || lessonRun ? 'status.playing' : 'status.paused')}
          {playing && !stopped && rate > 0 ? <> · {t('status.stepsPerSecond', { rate: formatNumber(lang, rate, 3) })}</> : null} · {t('status.speed', { speed: speedText(t, speed) })} ·{' '}
          {t('status.seed', { seed })}
        </>
      ) : (
        t('status.loading')
      )}
    </p>
  );
}
