// Legend: every series told apart by line style and shape as well as colour.
import { useT } from '../../i18n/useT.ts';

function Swatch({ kind }: { kind: string }) {
  return (
    <svg width="34" height="12" viewBox="0 0 34 12" aria-hidden="true" focusable="false" className="loss-swatch">
      {kind === 'gap' ? (
        <rect x="1" y="1" width="32" height="10" className="loss-swatch-gap" />
      ) : kind === 'band' ? (
        <rect x="1" y="2" width="32" height="8" className="loss-swatch-band" />
      ) : (
        <line x1="1" x2="33" y1="6" y2="6" className={`line ${kind}`} />
      )}
    </svg>
  );
}

export function Legend({ merged, earlier }: { merged: boolean; earlier: string[] }) {
  const t = useT();
  const items: [string, string][] = [
    ['train', t('loss.legend.train')],
    ['test', t('loss.legend.test')],
    ['batch', t('loss.legend.batch')],
    ['gap', t('loss.legend.gap')],
  ];
  if (merged) items.push(['band', t('loss.legend.band')]);
  return (
    <ul className="loss-legend" aria-label={t('loss.legend.label')}>
      {items.map(([k, label]) => (
        <li key={k}>
          <Swatch kind={k} />
          {label}
        </li>
      ))}
      {earlier.map((label, k) => (
        <li key={`e${k}`} className="loss-legend-earlier">
          <span className="loss-run-badge" aria-hidden="true">
            {k + 1}
          </span>
          {t('loss.legend.earlier', { n: k + 1, label })}
        </li>
      ))}
    </ul>
  );
}
