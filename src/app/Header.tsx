// Title, language switch and the classroom tools; and the one prominent Training ↔ Inference switch that
// governs every view (shown in the control bar, Transport.tsx).
import { LANGS, type Lang } from '../i18n/index.ts';
import { useLab } from '../store/lab.ts';
import { useT } from '../i18n/useT.ts';
import { ClassroomTools } from './Classroom.tsx';

const LANG_NAMES: Record<Lang, string> = { en: 'English', ko: '한국어' };

export function Header() {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const setLang = useLab((s) => s.setLang);
  return (
    <header className="app-header">
      <div className="app-title">
        <h1>{t('app.title')}</h1>
        <p>{t('app.subtitle')}</p>
      </div>
      <div className="header-tools">
        {/* Two buttons, not a select: a closed select switches on ArrowDown at once (Chromium on Windows
            and Linux), re-rendering the whole page in the other language while the learner only looked. */}
        <div className="lang-select" role="group" aria-labelledby="lang-label">
          <span id="lang-label">{t('app.language')}</span>
          {LANGS.map((l) => (
            <button key={l} type="button" lang={l} aria-pressed={lang === l} onClick={() => setLang(l)}>
              {LANG_NAMES[l]}
            </button>
          ))}
        </div>
        <ClassroomTools />
      </div>
    </header>
  );
}

/** `hintId`: a second switch (inside a lesson step) needs its own id for the hint it is described by. */
/** nameSuffix: added to each option's accessible name only, when a second switch shares the screen (a lesson step's). */
export function ModeSwitch({ hintId = 'mode-hint', nameSuffix }: { hintId?: string; nameSuffix?: string } = {}) {
  const t = useT();
  const mode = useLab((s) => s.mode);
  const setMode = useLab((s) => s.setMode);
  // A teacher's hide=mode fixes the view: the switch goes (and M with it); the line saying which mode is in force stays.
  const hidden = useLab((s) => s.hide.includes('mode'));
  if (hidden) {
    return (
      <div className="mode-box">
        <p id={hintId} className="mode-hint">
          <strong>{t(mode === 'training' ? 'mode.training' : 'mode.inference')}</strong> · {t(mode === 'training' ? 'mode.trainingHint' : 'mode.inferenceHint')}
        </p>
      </div>
    );
  }
  return (
    <div className="mode-box">
      <div className="mode-switch" role="radiogroup" aria-label={t('mode.label')} aria-describedby={hintId}>
        {(['training', 'inference'] as const).map((m) => (
          <button
            key={m}
            type="button"
            role="radio"
            data-mode={m}
            aria-checked={mode === m}
            className={mode === m ? 'on' : ''}
            onClick={() => setMode(m)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight' || e.key === 'ArrowLeft' || e.key === 'ArrowUp' || e.key === 'ArrowDown') {
                e.preventDefault();
                const next = mode === 'training' ? 'inference' : 'training';
                setMode(next);
                // Radio groups move focus with the selection.
                e.currentTarget.parentElement?.querySelector<HTMLButtonElement>(`[data-mode="${next}"]`)?.focus();
              }
            }}
            tabIndex={mode === m ? 0 : -1}
          >
            <span aria-hidden="true">{m === 'training' ? '◐ ' : '● '}</span>
            {t(m === 'training' ? 'mode.training' : 'mode.inference')}
            {nameSuffix ? <span className="sr-only"> {nameSuffix}</span> : null}
          </button>
        ))}
      </div>
      <p id={hintId} className="mode-hint">
        {t(mode === 'training' ? 'mode.trainingHint' : 'mode.inferenceHint')}
      </p>
    </div>
  );
}
