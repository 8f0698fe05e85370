// Messages the learner must see: divergence, refused steps, a restarted worker, URL corrections.
// However many there are, the list stays short: a grouped notice shows its first lines and a count,
// at most MAX_SHOWN notices show (the newest), and "Dismiss all" clears them in one press.
import { useLab, type Notice } from '../store/lab.ts';
import { useT } from '../i18n/useT.ts';
import { reloadWithSettings } from './url-sync.ts';

export const MAX_SHOWN = 4;
export const MAX_ITEMS = 5;

export function Notices() {
  const t = useT();
  const notices = useLab((s) => s.notices);
  const dismiss = useLab((s) => s.dismiss);
  const dismissAll = useLab((s) => s.dismissAll);
  if (notices.length === 0) return null;
  const shown = notices.slice(-MAX_SHOWN);
  const hidden = notices.length - shown.length;
  return (
    <div className="notices" role="alert" data-look="notices">
      {shown.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`}>
          <span aria-hidden="true">{n.kind === 'error' ? '⚠ ' : 'ℹ '}</span>
          <NoticeText n={n} />
          {n.action === 'reload' ? (
            <button type="button" onClick={() => reloadWithSettings(window)}>
              {t('action.reloadKeep')}
            </button>
          ) : null}
          <button type="button" onClick={() => dismiss(n.id)}>
            {t('action.dismiss')}
          </button>
        </div>
      ))}
      {notices.length > 1 ? (
        <div className="notices-foot">
          {hidden > 0 ? <span>{t('notices.more', { n: hidden })}</span> : null}
          <button type="button" onClick={dismissAll}>
            {t('action.dismissAll')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

function NoticeText({ n }: { n: Notice }) {
  const t = useT();
  if (!n.items) return <span>{t(n.key, n.vars)}</span>;
  const rest = n.items.length - MAX_ITEMS;
  return (
    <div className="notice-text">
      <span>{t(n.key, n.vars)}</span>
      <ul>
        {n.items.slice(0, MAX_ITEMS).map((it, i) => (
          <li key={i}>{t(it.key, it.vars)}</li>
        ))}
        {rest > 0 ? <li>{t('notices.moreItems', { n: rest })}</li> : null}
      </ul>
    </div>
  );
}
