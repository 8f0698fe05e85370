// The learner's own data: a CSV file in, a clear verdict out. A refused file lists each problem with
// its row and column (an alert); an accepted one says what the lab will train on. Refusal changes
// nothing: the lab keeps running on its previous data.
import { useId, useState, type ChangeEvent } from 'react';
import { useT } from '../../i18n/useT.ts';
import { describeCsvError } from '../../data/describe.ts';
import { MAX_FILE_BYTES, loadCsvText } from '../../data/load.ts';
import type { CsvError } from '../../data/parse-csv.ts';
import { useCustomData } from '../../store/custom-data.ts';
import { CUSTOM_LIMITS, customTestRows, customTrainRows } from '../../protocol/custom-data.ts';
import { useLab } from '../../store/lab.ts';

type Refusal = { file: string; lines: string[]; more: number };

function listNames(names: readonly string[], max = 6): string {
  return names.length > max ? `${names.slice(0, max).join(', ')}, …` : names.join(', ');
}

export function OwnDataSection() {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const inputId = useId();
  const hintId = useId();
  const loaded = useCustomData((s) => s.loaded);
  const inUse = useLab((s) => s.config.data.name === 'custom');
  const trainSize = useLab((s) => s.config.data.trainSize);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [lowered, setLowered] = useState<number | null>(null);

  const refuse = (file: string, errors: CsvError[], more = 0) => setRefusal({ file, lines: errors.map((e) => describeCsvError(lang, e)), more });

  const load = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const f = input.files?.[0];
    if (!f) return;
    input.value = ''; // the same file, fixed, can be chosen again
    if (f.size > MAX_FILE_BYTES) {
      setRefusal({ file: f.name, lines: [t('data.err.tooLarge', { size: Math.round(f.size / 1e5) / 10, max: MAX_FILE_BYTES / 1024 / 1024 })], more: 0 });
      return;
    }
    let text: string;
    try {
      text = await f.text();
    } catch {
      setRefusal({ file: f.name, lines: [t('data.err.readFailed')], more: 0 });
      return;
    }
    const r = loadCsvText(text, f.name);
    if (!r.ok) {
      refuse(f.name, r.errors, r.more);
      return;
    }
    setRefusal(null);
    setLowered(r.batchLowered);
  };

  let summary: string | null = null;
  if (loaded) {
    const { info, data } = loaded;
    const vars = { file: data.name, rows: info.rows, features: info.features, train: customTrainRows(info.rows, trainSize), test: customTestRows(info.rows) };
    summary =
      info.kind === 'classification'
        ? t('data.loaded.classification', { ...vars, classes: info.classes, names: listNames(data.classNames) })
        : t('data.loaded.regression', { ...vars, label: info.labelName });
  }

  return (
    <section className="export-section" aria-labelledby="export-data-title">
      <h3 id="export-data-title">{t('data.title')}</h3>
      <p id={hintId} className="export-hint">
        {t('data.hint', { minRows: CUSTOM_LIMITS.minRows, maxRows: CUSTOM_LIMITS.maxRows, features: CUSTOM_LIMITS.maxFeatures, classes: CUSTOM_LIMITS.maxClasses })}
      </p>
      <label className="export-file" htmlFor={inputId}>
        <span>{t('data.file')}</span>
        <input id={inputId} type="file" accept=".csv,text/csv,text/plain" aria-describedby={hintId} onChange={(e) => void load(e)} />
      </label>
      {refusal ? (
        <div role="alert" className="export-error">
          <p>{t('data.failed', { file: refusal.file })}</p>
          <ul className="export-errors">
            {refusal.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
          {refusal.more > 0 ? <p>{t('data.more', { n: refusal.more })}</p> : null}
        </div>
      ) : null}
      <div role="status" className="export-result">
        {summary ? <p className="export-ok">{summary}</p> : null}
        {summary && lowered !== null ? <p>{t('data.batchLowered', { n: lowered })}</p> : null}
        {loaded && loaded.info.constant.length > 0 ? <p className="export-hint">{t('data.constant', { names: listNames(loaded.info.constant) })}</p> : null}
        {loaded && !inUse ? <p>{t('data.notInUse', { file: loaded.data.name })}</p> : null}
      </div>
    </section>
  );
}
