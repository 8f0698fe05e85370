// A lesson step's experiment, run side by side on the lab's seed in the experiments worker: E3 (BN and
// the learning rate), E10 (noise after BN) or E11 (knocking units out). After a prediction, the learner
// presses Run; every run of the experiment trains for real, and the table and the checks show what it
// measured. Loaded lazily with its step: the experiments' texts and measures stay out of the lessons chunk.
import { useId } from 'react';
import { E3_RATE_KEYS, E3_RATES, PRESETS } from '../../experiments/presets.ts';
import type { ExperimentResult, Details } from '../../experiments/index.ts';
import { createExperimentsWorker, type ExperimentsWorkerFactory } from '../../bridge/experiments-worker-factory.ts';
import { formatNumber, formatValue, type Lang } from '../../i18n/index.ts';
import { useLab } from '../../store/lab.ts';
import { ResultView, runLabel } from '../experiments/ExperimentCard.tsx';
import { useRunner } from '../experiments/useRunner.ts';
import { useXt, type Xt } from '../experiments/text.ts';
import '../experiments/experiments.css';

export type StepExperimentId = 'E3' | 'E10' | 'E11';

interface Props {
  id: StepExperimentId;
  /** Called when the learner starts the run (reveals the step's answer). */
  onStart?(): void;
  createWorker?: ExperimentsWorkerFactory;
}

export function StepExperiment({ id, onStart, createWorker = createExperimentsWorker }: Props) {
  const t = useXt();
  const lang = useLab((s) => s.lang);
  const seed = useLab((s) => s.config.seed);
  const { entries, running, start, cancel } = useRunner(createWorker);
  const uid = useId();
  const entry = entries[id];
  const busy = running !== null;
  const preset = PRESETS[id];
  return (
    <section className="xp-panel lesson-xp" aria-labelledby={`${uid}-h`}>
      <h5 id={`${uid}-h`}>{t('xp.side.title', { runs: preset.runs.length })}</h5>
      <p className="xp-help">{t(`xp.side.what.${id}`)}</p>
      <div className="xp-actions">
        <button
          type="button"
          className={busy ? 'xp-cancel' : 'xp-run primary'}
          onClick={() => {
            if (busy) cancel();
            else {
              onStart?.();
              start(id, seed);
            }
          }}
        >
          {busy ? t('xp.cancel') : t('xp.side.runOn', { seed: formatValue(lang, seed) })}
        </button>
      </div>
      {entry?.state === 'running' && entry.progress ? (
        <p className="xp-progress">
          <progress max={entry.progress.steps} value={entry.progress.step} aria-label={t('xp.progressLabel', { id })} />
          <span>
            {t('xp.progress', {
              run: entry.progress.run, runs: entry.progress.runs, label: runLabel(t, entry.progress.key), step: entry.progress.step, steps: entry.progress.steps,
            })}
          </span>
        </p>
      ) : null}
      <div className="xp-result" role="status" aria-live="polite">
        {entry?.state === 'running' ? <p>{t('xp.running', { id, seed: entry.seed })}</p> : null}
        {entry?.state === 'cancelled' ? <p>{t('xp.cancelled', { id, seed: entry.seed })}</p> : null}
        {entry?.state === 'error' ? <p className="xp-error">{t('xp.error', { id, message: entry.message })}</p> : null}
        {entry?.state === 'done' ? (
          <>
            <SideTable result={entry.result} lang={lang} t={t} />
            <ResultView result={entry.result} ms={entry.ms} lang={lang} t={t} />
          </>
        ) : null}
      </div>
    </section>
  );
}

const num = (lang: Lang, v: unknown, digits = 3): string => (typeof v === 'number' && Number.isFinite(v) ? formatNumber(lang, v, digits) : '—');

function steps(lang: Lang, t: Xt, d: Details, name: string, budget: number): string {
  const v = d[`${name}.steps`];
  if (typeof v === 'number') return formatValue(lang, v);
  const at = d[`${name}.divergedAt`];
  return typeof at === 'number' ? t('xp.diverged', { step: at }) : t('xp.never', { budget: formatValue(lang, budget) });
}

/** The runs side by side: one row a run (E10, E11) or a learning rate (E3). */
function SideTable({ result, lang, t }: { result: ExperimentResult; lang: Lang; t: Xt }) {
  const d = result.details, budget = PRESETS[result.id].steps;
  let head: string[], rows: [string, ...string[]][];
  if (result.id === 'E10') {
    head = [t('xp.side.run'), t('xp.side.steps', { target: 0.3 }), t('xp.side.drift'), t('xp.side.driftAbs')];
    rows = (['plain', 'bn', 'noisy'] as const).map((k, i) => [
      runLabel(t, PRESETS.E10.runs[i].key), steps(lang, t, d, k, budget), num(lang, d[`${k}.drift`]), num(lang, d[`${k}.driftAbs`]),
    ]);
  } else if (result.id === 'E11') {
    head = [t('xp.side.run'), t('xp.side.intact'), t('xp.side.knocked'), t('xp.side.lost')];
    const pct = (v: unknown) => (typeof v === 'number' ? t('xp.pct', { v: formatNumber(lang, v * 100, 3) }) : '—');
    rows = (['plain', 'dropout'] as const).map((k, i) => [
      runLabel(t, PRESETS.E11.runs[i].key), pct(d[`${k}.knockout.intact.acc`]), pct(d[`${k}.knockout.knocked.acc`]),
      typeof d[`${k}.drop`] === 'number' ? t('xp.points', { v: formatNumber(lang, (d[`${k}.drop`] as number) * 100, 2) }) : '—',
    ]);
  } else {
    head = [t('xp.side.lr'), t('xp.side.plainSteps', { target: 0.2 }), t('xp.side.bnSteps', { target: 0.2 })];
    rows = [...E3_RATE_KEYS].reverse().map((r) => [formatNumber(lang, E3_RATES[r], 3), steps(lang, t, d, `plain-${r}`, budget), steps(lang, t, d, `bn-${r}`, budget)]);
  }
  return (
    <div className="inf-table-wrap" tabIndex={0} role="group" aria-label={t('xp.side.caption', { seed: formatValue(lang, result.seed) })}>
      <table className="lesson-table">
        <caption>{t('xp.side.caption', { seed: formatValue(lang, result.seed) })}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, ...cells]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              {cells.map((c, i) => (
                <td key={i}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
