// The experiments E1–E8: each claim with its conditions, measured again on this machine in a worker on
// the seed the learner picks, and each of its runs ready to load into the lab to watch.
import { useCallback, useId, useState } from 'react';
import { EXPERIMENT_IDS, EXPERIMENT_SEEDS, presetRun, type ExperimentId } from '../../experiments/index.ts';
import { createExperimentsWorker, type ExperimentsWorkerFactory } from '../../bridge/experiments-worker-factory.ts';
import { MAX_SEED } from '../../protocol/rules.ts';
import { formatValue } from '../../i18n/index.ts';
import { useLab } from '../../store/lab.ts';
import { ExperimentCard, type Loaded } from './ExperimentCard.tsx';
import { loadIntoLab } from './load.ts';
import { useRunner } from './useRunner.ts';
import { useXt } from './text.ts';
import './experiments.css';

export interface ExperimentsPanelProps {
  /** Where runs happen; tests pass a fake that answers from Node. */
  createWorker?: ExperimentsWorkerFactory;
}

/** A seed the learner typed, or null when it is not one (a whole number in [0, MAX_SEED]). */
export function parseSeed(text: string): number | null {
  const s = text.trim();
  if (!/^\d+$/.test(s)) return null;
  const v = Number(s);
  return v <= MAX_SEED ? v : null;
}

export function ExperimentsPanel({ createWorker = createExperimentsWorker }: ExperimentsPanelProps) {
  const t = useXt();
  const lang = useLab((s) => s.lang);
  const labSeed = useLab((s) => s.config.seed);
  // The field follows the lab's seed until the learner types one.
  const [typed, setTyped] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const { entries, running, start, cancel } = useRunner(createWorker);
  const uid = useId();

  const text = typed ?? String(labSeed);
  const seed = parseSeed(text);
  const canRun = seed !== null && running === null;

  const onRun = useCallback((id: ExperimentId) => {
    if (seed !== null) start(id, seed);
  }, [seed, start]);
  const onLoad = useCallback((id: ExperimentId, key: string) => {
    if (seed === null) return;
    loadIntoLab(presetRun(id, key), seed);
    setLoaded({ id, key, seed });
  }, [seed]);

  const seeds = EXPERIMENT_SEEDS.map((s) => formatValue(lang, s)).join(', ');
  return (
    <section className="panel xp-panel" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>{t('xp.title')}</h2>
      <p className="xp-intro">{t('xp.intro', { seeds })}</p>
      <div className="xp-seed">
        <label htmlFor={`${uid}-seed`}>{t('xp.seed')}</label>
        <input
          id={`${uid}-seed`}
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_SEED}
          step={1}
          value={text}
          aria-invalid={seed === null}
          aria-describedby={`${uid}-seed-help`}
          onChange={(e) => setTyped(e.target.value)}
        />
        <span id={`${uid}-seed-help`} className={seed === null ? 'xp-error' : 'xp-help'}>
          {seed === null ? t('xp.seedInvalid', { max: MAX_SEED }) : t('xp.seedHelp', { seed: labSeed })}
        </span>
      </div>
      {running !== null && <p className="xp-help">{t('xp.busy')}</p>}
      <ol className="xp-list">
        {EXPERIMENT_IDS.map((id) => (
          <li key={id}>
            <ExperimentCard
              id={id}
              entry={entries[id]}
              lang={lang}
              t={t}
              canRun={canRun}
              loaded={loaded?.id === id ? loaded : null}
              onRun={onRun}
              onCancel={cancel}
              onLoad={onLoad}
            />
          </li>
        ))}
      </ol>
    </section>
  );
}
