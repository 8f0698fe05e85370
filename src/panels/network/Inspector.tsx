// The unit inspector: a region (not a hover tooltip) with the chosen unit's layer, activation for the
// chosen input, whether it was dropped this step, and for a BN layer that feature's statistics and γ/β.
import { useEffect, useRef } from 'react';
import { formatNumber, type Lang, type MessageKey, type Vars } from '../../i18n/index.ts';
import type { Frame, ReadyInfo } from '../../protocol/frame.ts';
import { columnName, unitName } from './labels.ts';
import { dropState, unitValue, type NetColumn } from './structure.ts';

export interface InspectorProps {
  t: (key: MessageKey, vars?: Vars) => string;
  lang: Lang;
  cols: readonly NetColumn[];
  ready: ReadyInfo;
  frame: Frame | null;
  selected: { col: number; unit: number } | null;
  probe: number;
  onMove(delta: number): void;
  onClose(): void;
  /** The page's one announcer (passed in: a store imported from this lazy chunk would split the first screen's chunk). */
  announce(text: string): void;
}

export function Inspector({ t, lang, cols, ready, frame, selected, probe, onMove, onClose, announce }: InspectorProps) {
  const num = (v: number | undefined) => (v === undefined ? '—' : formatNumber(lang, v, 4));
  // "Previous/Next unit" swap the content in place: the new unit is said through the page's one announcer.
  const moved = useRef(0);
  const said = useRef('');
  const actions = useRef<HTMLDivElement>(null);
  const move = (d: number) => {
    moved.current = d;
    onMove(d);
  };
  useEffect(() => {
    const d = moved.current;
    if (!d) return;
    moved.current = 0;
    announce(said.current);
    // At the first or last unit the pressed button is disabled: focus goes to the other one, not to nothing.
    const bs = actions.current?.querySelectorAll('button');
    if (bs && bs[d < 0 ? 0 : 1]?.disabled) bs[d < 0 ? 1 : 0]?.focus();
  }, [selected?.col, selected?.unit]);
  let body;
  if (!selected || !cols[selected.col]) {
    body = <p className="network-inspector-empty">{t('network.inspector.empty')}</p>;
  } else {
    const col = cols[selected.col], j = selected.unit;
    const rows: [string, string][] = [
      [t('network.inspector.layer'), columnName(t, col)],
      [t('network.inspector.unit'), t('network.inspector.unitOf', { unit: j + 1, width: col.width })],
    ];
    if (frame) {
      rows.push([t('network.inspector.activation', { n: probe + 1 }), num(unitValue(col, j, probe, frame, ready))]);
      const d = dropState(col, frame, probe);
      const step =
        d.kind === 'inference'
          ? t('network.inspector.used')
          : d.kind === 'none'
            ? t('network.inspector.noDropout')
            : t(d.dropped[j] ? 'network.inspector.dropped' : 'network.inspector.kept', { row: d.row + 1 });
      rows.push([t('network.inspector.step'), step]);
      if (col.weightLayer !== null) rows.push([t('network.inspector.bias'), num(frame.layers[col.weightLayer].bias?.[j])]);
      if (col.norm) {
        const nf = frame.layers[col.norm.layer];
        rows.push([t('network.inspector.norm'), t(col.norm.kind === 'batchnorm' ? 'network.norm.batchnorm' : 'network.norm.layernorm')]);
        if (col.norm.kind === 'batchnorm') {
          rows.push([t('network.inspector.batchMean'), num(nf.batchMean?.[j])]);
          rows.push([t('network.inspector.batchVar'), num(nf.batchVar?.[j])]);
          rows.push([t('network.inspector.runningMean'), num(nf.runningMean?.[j])]);
          rows.push([t('network.inspector.runningVar'), num(nf.runningVar?.[j])]);
        }
        rows.push([t('network.inspector.gamma'), num(nf.gamma?.[j])]);
        rows.push([t('network.inspector.beta'), num(nf.beta?.[j])]);
      }
    }
    said.current = t('say.unit', { name: unitName(t, col, j, ready), rows: rows.slice(2, 4).map(([k, v]) => `${k}: ${v}`).join('. ') });
    body = (
      <>
        <p className="network-inspector-name">{unitName(t, col, j, ready)}</p>
        <dl className="network-inspector-list">
          {rows.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
        <div className="network-inspector-actions" ref={actions}>
          <button type="button" onClick={() => move(-1)} disabled={j === 0}>
            {t('network.inspector.prev')}
          </button>
          <button type="button" onClick={() => move(1)} disabled={j >= col.width - 1}>
            {t('network.inspector.next')}
          </button>
          <button type="button" onClick={onClose}>
            {t('network.inspector.close')}
          </button>
        </div>
      </>
    );
  }
  return (
    <section className="network-inspector" role="region" aria-labelledby="network-inspector-title">
      <h3 id="network-inspector-title">{t('network.inspector.title')}</h3>
      {body}
    </section>
  );
}
