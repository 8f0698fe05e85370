// Messages the learner must see: divergence, refused steps, a restarted worker, URL corrections.
import { useLab } from '../store/lab.ts';
import { useT } from '../i18n/useT.ts';

export function Notices() {
  const t = useT();
  const notices = useLab((s) => s.notices);
  const dismiss = useLab((s) => s.dismiss);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="alert" data-look="notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`}>
          <span aria-hidden="true">{n.kind === 'error' ? '⚠ ' : 'ℹ '}</span>
          <span>{t(n.key, n.vars)}</span>
          <button type="button" onClick={() => dismiss(n.id)}>
            {t('action.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
