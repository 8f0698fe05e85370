// The notice that a newer build of the lab is ready, with the reload that switches to it.
import { reloadToUpdate, useUpdate } from './sw-register.ts';
import { useT } from '../i18n/useT.ts';

export function UpdateNotice() {
  const t = useT();
  const show = useUpdate((s) => s.ready && !s.dismissed);
  if (!show) return null;
  return (
    <div className="notices update-notice" aria-live="polite">
      <div className="notice">
        <span aria-hidden="true">↻ </span>
        <span>{t('update.ready')}</span>
        <button type="button" className="primary" onClick={() => reloadToUpdate()}>
          {t('update.reload')}
        </button>
        <button type="button" onClick={() => useUpdate.setState({ dismissed: true })}>
          {t('update.later')}
        </button>
      </div>
    </div>
  );
}
