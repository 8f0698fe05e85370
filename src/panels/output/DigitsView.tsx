// Digits: the test-set confusion matrix as a real table (counts in the cells, shading as a second
// cue), and a strip of sample test digits with the prediction in the view mode; wrong ones carry an ✕
// and the word, not just a colour.
import { useEffect, useRef } from 'react';
import { fitCanvas } from '../../charts/canvas.ts';
import { useThrottledFrame } from '../useThrottledFrame.ts';
import type { ReadyInfo } from '../../protocol/frame.ts';
import { useLab } from '../../store/lab.ts';
import { useT } from '../../i18n/useT.ts';
import { frameMatches } from '../network/structure.ts';
import { accuracyText, modeText, percent } from './format.ts';
import '../../charts/charts.css';

const SIDE = 8;
const PIXEL = 5;

function DigitImage({ pixels }: { pixels: Float32Array }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const ctx = fitCanvas(canvas, SIDE * PIXEL, SIDE * PIXEL);
    if (!ctx) return;
    for (let i = 0; i < SIDE * SIDE; i++) {
      // Raw UCI values are ink on a 0–16 scale: dark ink on white paper.
      const v = Math.max(0, Math.min(16, pixels[i])) / 16;
      const g = Math.round(255 * (1 - v));
      ctx.fillStyle = `rgb(${g},${g},${g})`;
      ctx.fillRect((i % SIDE) * PIXEL, Math.floor(i / SIDE) * PIXEL, PIXEL, PIXEL);
    }
  }, [pixels]);
  return <canvas ref={ref} className="output-digit-img" aria-hidden="true" style={{ width: SIDE * PIXEL }} />;
}

export function DigitsView({ ready }: { ready: ReadyInfo }) {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const slow = useThrottledFrame(4);
  const frame = frameMatches(ready, slow) ? slow : null;
  const out = frame?.output.kind === 'digits' ? frame.output : null;
  const C = ready.data.classes;
  const mode = frame?.mode ?? 'inference';

  if (!out) return <p className="empty">{t('output.waiting')}</p>;

  const rowTotal = (r: number) => {
    let s = 0;
    for (let c = 0; c < C; c++) s += out.confusion[r * C + c];
    return s;
  };
  const n = out.labels.length;
  let wrong = 0;
  for (let i = 0; i < n; i++) if (out.predicted[i] !== out.labels[i]) wrong++;
  const classes = Array.from({ length: C }, (_, k) => k);

  return (
    <div className="output-digits">
      <p className="output-summary">
        {t('output.digits.summary', { acc: accuracyText(t, lang, frame?.metrics ?? null), wrong, n, mode: modeText(t, mode) })}
      </p>
      <div className="output-table-wrap">
        <table className="output-confusion">
          <caption>{t('output.digits.confusion')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('output.digits.corner')}</th>
              {classes.map((c) => (
                <th key={c} scope="col" aria-label={t('output.digits.pred', { k: c })}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {classes.map((r) => {
              const total = rowTotal(r) || 1;
              return (
                <tr key={r}>
                  <th scope="row" aria-label={t('output.digits.true', { k: r })}>
                    {r}
                  </th>
                  {classes.map((c) => {
                    const v = out.confusion[r * C + c];
                    const share = v / total;
                    // Correct counts shade blue, confusions orange; the number is always printed.
                    const bg = v === 0 ? 'transparent' : r === c ? `rgba(0,114,178,${0.12 + 0.6 * share})` : `rgba(230,159,0,${0.15 + 0.75 * share})`;
                    return (
                      <td key={c} className={r === c ? 'is-diag' : v > 0 ? 'is-miss' : ''} style={{ background: bg }}>
                        {v}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h3 className="output-subtitle">{t('output.digits.samples', { mode: modeText(t, mode) })}</h3>
      <ul className="output-samples">
        {Array.from({ length: n }, (_, i) => {
          const ok = out.predicted[i] === out.labels[i];
          const label = t('output.digits.sample', {
            label: out.labels[i],
            pred: out.predicted[i],
            conf: percent(lang, out.confidence[i]),
            verdict: t(ok ? 'output.digits.right' : 'output.digits.wrong'),
          });
          return (
            <li key={i} className={ok ? 'is-right' : 'is-wrong'}>
              <DigitImage pixels={out.images.subarray(i * SIDE * SIDE, (i + 1) * SIDE * SIDE)} />
              <span className="chart-sr-only">{label}</span>
              <span className="output-sample-text" aria-hidden="true">
                {out.labels[i]}→{out.predicted[i]} {ok ? '✓' : '✕'}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
