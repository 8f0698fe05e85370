// The notice that a newer build of the lab is ready, with the reload that switches to it.
import { dismissUpdate, reloadToUpdate } from './sw-register.ts';
import { useLab } from '../store/lab.ts';
import { useT } from '../i18n/useT.ts';

export function UpdateNotice() {
  const t = useT();
  const show = useLab((s) => s.update.ready && !s.update.dismissed);
  if (!show) return null;
  return (
    <div className="notices update-notice" aria-live="polite">
      <div className="notice">
        <span aria-hidden="true">↻ </span>
        <span>{t('update.ready')}</span>
        <button type="button" className="primary" onClick={() => reloadToUpdate()}>
          {t('update.reload')}
        </button>
        <button type="button" onClick={dismissUpdate}>
          {t('update.later')}
        </button>
      </div>
    </div>
  );
}
