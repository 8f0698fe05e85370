// One experiment: its claim with the conditions it needs, Run/Cancel, what it measured on this machine
// (in a status region, so a screen reader hears the result arrive) and its runs to load into the lab.
import { memo, useId } from 'react';
import { formatNumber, type Lang } from '../../i18n/index.ts';
import { PRESETS, type ExperimentId, type ExperimentResult } from '../../experiments/index.ts';
import { checkKey, checkVars, figureKey, formatFigure, FIGURE_VARS } from './figures.ts';
import { isXpKey, type Xt } from './text.ts';
import type { Entry } from './useRunner.ts';

export interface Loaded {
  id: ExperimentId;
  key: string;
  seed: number;
}

interface Props {
  id: ExperimentId;
  entry: Entry | undefined;
  lang: Lang;
  t: Xt;
  /** Run is possible: a valid seed and no other experiment running. */
  canRun: boolean;
  /** The run last loaded into the lab, if it is one of this experiment's. */
  loaded: Loaded | null;
  onRun(id: ExperimentId): void;
  onCancel(): void;
  onLoad(id: ExperimentId, key: string): void;
}

export function runLabel(t: Xt, key: string): string {
  const k = `experiment.run.${key}`;
  return isXpKey(k) ? t(k) : key;
}

export const ExperimentCard = memo(function ExperimentCard({ id, entry, lang, t, canRun, loaded, onRun, onCancel, onLoad }: Props) {
  const uid = useId();
  const preset = PRESETS[id];
  const running = entry?.state === 'running';
  return (
    <article className="xp-card" aria-labelledby={`${uid}-h`}>
      <h3 id={`${uid}-h`}>
        {id} · {t(`experiment.${id}.title`)}
      </h3>
      <p className="xp-claim">{t(`experiment.${id}.claim`)}</p>
      <p className="xp-figure-name">
        {t('xp.figure')}: {t(figureKey(id), FIGURE_VARS)}
      </p>
      <div className="xp-actions">
        {/* One button that turns into Cancel and back, so keyboard focus stays on it throughout; a busy
            Run is aria-disabled rather than disabled, so focus is not thrown out of the list either. */}
        <button
          type="button"
          className={running ? 'xp-cancel' : 'xp-run'}
          aria-disabled={!running && !canRun}
          onClick={() => (running ? onCancel() : canRun && onRun(id))}
        >
          {running ? t('xp.cancel') : t('xp.run', { id })}
        </button>
      </div>
      {entry?.state === 'running' && entry.progress && (
        <p className="xp-progress">
          <progress max={entry.progress.steps} value={entry.progress.step} aria-label={t('xp.progressLabel', { id })} />
          <span>
            {t('xp.progress', {
              run: entry.progress.run, runs: entry.progress.runs, label: runLabel(t, entry.progress.key),
              step: entry.progress.step, steps: entry.progress.steps,
            })}
          </span>
        </p>
      )}
      <div className="xp-result" role="status" aria-live="polite">
        {entry && <EntryView id={id} entry={entry} lang={lang} t={t} />}
      </div>
      <h4 id={`${uid}-runs`}>{t('xp.runs', { steps: preset.steps })}</h4>
      <ul className="xp-runs" aria-labelledby={`${uid}-runs`}>
        {preset.runs.map((r, i) => (
          <li key={r.key}>
            <span id={`${uid}-r${i}`}>{runLabel(t, r.key)}</span>
            <button type="button" id={`${uid}-b${i}`} aria-labelledby={`${uid}-b${i} ${uid}-r${i} ${uid}-h`} onClick={() => onLoad(id, r.key)}>
              {t('xp.load')}
            </button>
          </li>
        ))}
      </ul>
      <p className="xp-loaded" role="status">
        {loaded && t('xp.loaded', { label: runLabel(t, loaded.key), seed: loaded.seed })}
      </p>
    </article>
  );
});

function EntryView({ id, entry, lang, t }: { id: ExperimentId; entry: Entry; lang: Lang; t: Xt }) {
  switch (entry.state) {
    case 'running':
      return <p>{t('xp.running', { id, seed: entry.seed })}</p>;
    case 'cancelled':
      return <p>{t('xp.cancelled', { id, seed: entry.seed })}</p>;
    case 'error':
      return <p className="xp-error">{t('xp.error', { id, message: entry.message })}</p>;
    case 'done':
      return <ResultView result={entry.result} ms={entry.ms} lang={lang} t={t} />;
    default: {
      const never: never = entry;
      return never;
    }
  }
}

export function ResultView({ result, ms, lang, t }: { result: ExperimentResult; ms: number; lang: Lang; t: Xt }) {
  const vars = checkVars(lang, result);
  return (
    <>
      <p className="xp-value">
        {t(figureKey(result.id), FIGURE_VARS)}: <strong>{formatFigure(lang, result)}</strong>
      </p>
      <p className={`xp-verdict ${result.holds ? 'is-holds' : 'is-not'}`}>
        <span aria-hidden="true">{result.holds ? '✓ ' : '✗ '}</span>
        {t(result.holds ? 'xp.holds' : 'xp.notHolds', { seed: result.seed })}
      </p>
      <p className="xp-checks-title">{t('xp.checks', { seed: result.seed })}</p>
      <ul className="xp-checks">
        {Object.entries(result.checks).map(([name, ok]) => {
          const key = checkKey(result.id, name);
          return (
            <li key={name} className={ok ? 'is-pass' : 'is-fail'}>
              <span className="xp-mark" aria-hidden="true">
                {ok ? '✓' : '✗'}
              </span>{' '}
              <span className="xp-word">{t(ok ? 'xp.pass' : 'xp.fail')}:</span> {key ? t(key, vars) : name}
            </li>
          );
        })}
      </ul>
      <p className="xp-took">{t('xp.took', { s: formatNumber(lang, ms / 1000, 2) })}</p>
    </>
  );
}
