// What a panel built for the dense network shows while the CNN trains: its title and one line.
import { useT } from '../../i18n/useT.ts';
import type { MessageKey } from '../../i18n/index.ts';

export function NotForCnn(props: { title: MessageKey; className: string }) {
  const t = useT();
  return (
    <section className={`panel ${props.className}`} aria-label={t(props.title)}>
      <h2>{t(props.title)}</h2>
      <p className="empty" data-testid="not-for-cnn">
        {t('cnn.notApplicable')}
      </p>
    </section>
  );
}
