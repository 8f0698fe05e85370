// Play/Pause, Step, Reset, New seed, and the status line ("Step N", test id "status-line"). Compact (an
// embedded panel): Play/Pause, Step and Reset. The line is not a live region: it changes with every
// frame. Changes of state are announced by Announcer.tsx.
import { useLab } from '../store/lab.ts';
import { formatNumber } from '../i18n/index.ts';
import { useT } from '../i18n/useT.ts';
import { Announcer } from './Announcer.tsx';

export function Transport({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const playing = useLab((s) => s.playing);
  const togglePlay = useLab((s) => s.togglePlay);
  const stepOnce = useLab((s) => s.stepOnce);
  const reset = useLab((s) => s.reset);
  const newSeed = useLab((s) => s.newSeed);
  return (
    <div className="transport">
      <button type="button" className="primary" onClick={togglePlay} aria-pressed={playing}>
        <span aria-hidden="true">{playing ? '❚❚ ' : '▶ '}</span>
        {t(playing ? 'action.pause' : 'action.play')}
      </button>
      <button type="button" onClick={() => stepOnce(1)}>
        {t('action.step')}
      </button>
      <button type="button" onClick={reset}>
        {t('action.reset')}
      </button>
      {compact ? null : (
        <button type="button" onClick={newSeed}>
          {t('action.newSeed')}
        </button>
      )}
      <StatusLine />
      <Announcer />
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
  const seed = useLab((s) => s.config.seed);
  return (
    <p className="status" data-testid="status-line">
      {ready ? (
        <>
          <strong>{t('status.step', { step })}</strong> · {t('status.epoch', { epoch })} · {t(playing ? 'status.playing' : 'status.paused')}
          {playing && rate > 0 ? <> · {t('status.stepsPerSecond', { rate: formatNumber(lang, rate, 3) })}</> : null} · {t('status.seed', { seed })}
        </>
      ) : (
        t('status.loading')
      )}
    </p>
  );
}
