// PyTorch and Keras code for the model the learner has built, regenerated on every change, with a
// copy button and the framework differences that matter beside it.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { CODE_TARGETS, exportCode, kerasMomentum, type CodeTarget, type ModelInfo } from '../../codegen/index.ts';
import type { DatasetName, LabConfig } from '../../protocol/config.ts';
import type { ReadyInfo } from '../../protocol/frame.ts';
import { formatValue } from '../../i18n/index.ts';
import { useLab } from '../../store/lab.ts';
import { useT } from '../../i18n/useT.ts';
import { copyText } from './copy.ts';
import './code.css';

/** Shapes of each data set, for when the worker has not reported the built data yet. */
const SHAPES: Record<DatasetName, ModelInfo> = {
  circles: { inputDim: 2, classes: 2, kind: 'classification' },
  xor: { inputDim: 2, classes: 2, kind: 'classification' },
  gaussians: { inputDim: 2, classes: 2, kind: 'classification' },
  spiral: { inputDim: 2, classes: 2, kind: 'classification' },
  moons: { inputDim: 2, classes: 2, kind: 'classification' },
  sine: { inputDim: 1, classes: 1, kind: 'regression' },
  digits: { inputDim: 64, classes: 10, kind: 'classification' },
  // The learner's own data: a placeholder until the worker reports the loaded file's shape.
  custom: { inputDim: 2, classes: 2, kind: 'classification' },
};

export function modelInfo(config: LabConfig, ready: ReadyInfo | null): ModelInfo {
  const d = ready?.data;
  if (d && d.name === config.data.name) return { inputDim: d.inputDim, classes: d.classes, kind: d.kind };
  return SHAPES[config.data.name];
}

const LABEL = { pytorch: 'code.pytorch', keras: 'code.keras' } as const;
const COPIED_MS = 2500;

export function CodePanel() {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const config = useLab((s) => s.config);
  const ready = useLab((s) => s.ready);
  const [target, setTarget] = useState<CodeTarget>('pytorch');
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const tabs = useRef<Partial<Record<CodeTarget, HTMLButtonElement | null>>>({});
  const base = useId();
  const info = modelInfo(config, ready);

  const result = useMemo(() => {
    try {
      return { code: exportCode(target, config, info), error: null };
    } catch (e) {
      return { code: '', error: e instanceof Error ? e.message : String(e) };
    }
    // Keyed on info's fields, not the object: it is rebuilt every render.
  }, [target, config, info.inputDim, info.classes, info.kind]);

  useEffect(() => {
    if (copy === 'idle') return;
    const id = setTimeout(() => setCopy('idle'), COPIED_MS);
    return () => clearTimeout(id);
  }, [copy]);
  // A copied confirmation belongs to the code that was copied.
  useEffect(() => setCopy('idle'), [result.code]);

  const onKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = CODE_TARGETS.indexOf(target);
    let j = -1;
    if (e.key === 'ArrowRight') j = (i + 1) % CODE_TARGETS.length;
    else if (e.key === 'ArrowLeft') j = (i + CODE_TARGETS.length - 1) % CODE_TARGETS.length;
    else if (e.key === 'Home') j = 0;
    else if (e.key === 'End') j = CODE_TARGETS.length - 1;
    if (j < 0) return;
    e.preventDefault();
    setTarget(CODE_TARGETS[j]);
    tabs.current[CODE_TARGETS[j]]?.focus();
  };

  const hasBn = config.net.norm.includes('batchnorm');
  const framework = t(LABEL[target]);

  return (
    <section className="panel code-panel" aria-labelledby={`${base}-title`} lang={lang}>
      <h2 id={`${base}-title`}>{t('code.title')}</h2>
      <p className="hint">{t('code.intro')}</p>
      <div className="code-bar">
        <div role="tablist" aria-label={t('code.tabs')} className="code-tabs">
          {CODE_TARGETS.map((c) => (
            <button
              key={c}
              ref={(el) => {
                tabs.current[c] = el;
              }}
              type="button"
              role="tab"
              id={`${base}-tab-${c}`}
              aria-selected={target === c}
              aria-controls={`${base}-panel`}
              tabIndex={target === c ? 0 : -1}
              className={target === c ? 'on' : ''}
              onClick={() => setTarget(c)}
              onKeyDown={onKey}
            >
              {t(LABEL[c])}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="primary"
          disabled={!result.code}
          onClick={() => void copyText(result.code).then((ok) => setCopy(ok ? 'copied' : 'failed'))}
        >
          {t('code.copy')}
        </button>
        <span role="status" className={`copy-status ${copy}`}>
          {copy === 'copied' ? <>✓ {t('code.copied')}</> : copy === 'failed' ? t('code.copyFailed') : ''}
        </span>
      </div>
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${target}`}>
        {result.error ? (
          <p className="warning">{t('code.error', { message: result.error })}</p>
        ) : (
          <pre className="code" tabIndex={0} aria-label={t('code.label', { framework })} lang="en" translate="no">
            <code>{result.code}</code>
          </pre>
        )}
      </div>
      <ul className="code-notes">
        <li>{t('code.noteModes')}</li>
        {hasBn ? (
          <li>
            {t('code.noteMomentum', { torch: formatValue(lang, config.net.bnMomentum), keras: formatValue(lang, kerasMomentum(config.net.bnMomentum)) })}
          </li>
        ) : null}
        <li>{t('code.noteDropout')}</li>
        {lang === 'en' ? null : <li>{t('code.noteLanguage')}</li>}
      </ul>
    </section>
  );
}
