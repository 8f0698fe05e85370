// Panel 3, the output: what the network says about its input space — a decision boundary (2-D), a
// curve with its Monte-Carlo dropout band (1-D), or a confusion matrix and sample digits.
import { Suspense, lazy } from 'react';
import { useLab } from '../../store/lab.ts';
import { useT } from '../../i18n/useT.ts';
import { GridView } from './GridView.tsx';
import { hasPicture } from '../../protocol/custom-data.ts';
import './output.css';

// The 2-D picture opens the lab; the curve (1-D data) and the digits views load when a data set needs them.
const CurveView = lazy(() => import('./CurveView.tsx').then((m) => ({ default: m.CurveView })));
const DigitsView = lazy(() => import('./DigitsView.tsx').then((m) => ({ default: m.DigitsView })));

export function OutputPanel() {
  const t = useT();
  const ready = useLab((s) => s.ready);
  // Not keyed by run: a reset (R) or new seed (N) keeps the view, its toggles and the focus on them.
  let body;
  if (!ready) body = <p className="empty">{t('output.waiting')}</p>;
  else if (ready.data.name === 'custom' && !hasPicture(ready.data)) body = <p className="empty">{t('data.noView', { n: ready.data.inputDim })}</p>;
  else if (ready.data.inputDim === 2 && ready.data.kind === 'classification' && ready.data.domain) body = <GridView ready={ready} />;
  else if (ready.data.inputDim === 1) body = <CurveView ready={ready} />;
  else body = <DigitsView ready={ready} />;
  return (
    <section className="panel output-panel" aria-labelledby="output-title">
      <h2 id="output-title">{t('output.title')}</h2>
      <Suspense fallback={<p className="empty">…</p>}>{body}</Suspense>
    </section>
  );
}
