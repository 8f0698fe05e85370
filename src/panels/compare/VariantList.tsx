// The variants, each a small form: dropout on the hidden layers (on/off and p), and the normalization
// of every hidden layer (none, BatchNorm, or LayerNorm as the alternative). Up to four. The CNN's:
// the conv blocks' dropout (none, Dropout2d, element) and p, and BatchNorm2d on or off.
import { memo, useId } from 'react';
import { useT } from '../../i18n/useT.ts';
import { entry } from '../../protocol/hyperparams.ts';
import type { NormKind } from '../../engine/netspec.ts';
import { useLab } from '../../store/lab.ts';
import type { CompareController } from './controller.ts';
import { useCompare } from '../../store/compare.ts';
import { markerPath, VARIANT_STYLES } from './style.ts';
import { num, variantName } from './text.ts';
import { MAX_VARIANTS, sameSettings, VARIANT_LETTERS, type ConvDropout, type Variant } from '../../store/compare-variants.ts';

/** p choices from the hyperparameter table's range and step (p > 0: "dropout on" must drop something). */
function pChoices(current: number): number[] {
  const e = entry('dropoutP');
  const min = e.kind === 'number' ? e.min : 0, max = e.kind === 'number' ? e.max : 0.95, step = (e.kind === 'number' && e.step) || 0.05;
  const out: number[] = [];
  for (let k = 1; min + k * step <= max + 1e-9; k++) out.push(Math.round((min + k * step) * 1000) / 1000);
  if (!out.includes(current)) out.push(current);
  return out.sort((a, b) => a - b);
}

const NORMS: readonly NormKind[] = ['none', 'batchnorm', 'layernorm'];
const NORM_KEY = { none: 'cmp.norm.none', batchnorm: 'cmp.norm.batchnorm', layernorm: 'cmp.norm.layernorm' } as const;
/** The CNN's variants: BatchNorm2d in every conv block or none, and the conv blocks' dropout kind. */
const CNN_NORMS: readonly NormKind[] = ['none', 'batchnorm'];
const CNN_NORM_KEY = { none: 'ci.cmp.bnOff', batchnorm: 'ci.cmp.bnOn' } as const;
const CONV_DROPS = ['none', 'channel', 'element'] as const;
const CONV_DROP_KEY = { none: 'ci.cmp.dropNone', channel: 'ci.cmp.dropChannel', element: 'ci.cmp.dropElement' } as const;

export function Marker({ slot }: { slot: number }) {
  const s = VARIANT_STYLES[slot];
  return (
    <svg width="34" height="14" viewBox="0 0 34 14" aria-hidden="true" focusable="false" className="compare-swatch" style={{ color: s.color }}>
      <line x1="1" x2="33" y1="7" y2="7" className="compare-line" />
      <path d={markerPath(s.shape, 36)} transform="translate(17,7)" className="compare-marker train" />
    </svg>
  );
}

function VariantForm({ v, slot, removable, ctl }: { v: Variant; slot: number; removable: boolean; ctl: CompareController }) {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const id = useId();
  const letter = VARIANT_LETTERS[slot];
  const of = <span className="chart-sr-only">{t('cmp.field.of', { letter })}</span>;
  const cnn = v.convDropout !== undefined;
  return (
    <fieldset className="compare-variant" data-slot={slot}>
      <legend>
        <Marker slot={slot} />
        <span className="compare-letter">{t('cmp.variant', { letter })}</span> <span className="compare-name">{variantName(lang, v)}</span>
      </legend>
      {cnn ? (
        <>
          <label htmlFor={`${id}-drop`}>
            {t('ci.cmp.drop')}
            {' '}
            {of}
          </label>
          <select
            id={`${id}-drop`}
            value={v.dropout ? v.convDropout : 'none'}
            onChange={(e) => {
              const d = e.target.value as 'none' | ConvDropout;
              ctl.updateVariant(v.id, d === 'none' ? { dropout: false } : { dropout: true, convDropout: d });
            }}
          >
            {CONV_DROPS.map((d) => (
              <option key={d} value={d}>
                {t(CONV_DROP_KEY[d])}
              </option>
            ))}
          </select>
        </>
      ) : (
        <label className="compare-check">
          <input type="checkbox" checked={v.dropout} onChange={(e) => ctl.updateVariant(v.id, { dropout: e.target.checked })} />
          {t('cmp.field.dropout')}
          {' '}
          {of}
        </label>
      )}
      <label htmlFor={`${id}-p`}>
        {t('cmp.field.p')}
        {' '}
        {of}
      </label>
      <select id={`${id}-p`} value={String(v.p)} disabled={!v.dropout} onChange={(e) => ctl.updateVariant(v.id, { p: Number(e.target.value) })}>
        {pChoices(v.p).map((p) => (
          <option key={p} value={String(p)}>
            {num(lang, p, 2)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-norm`}>
        {t(cnn ? 'ci.cmp.norm' : 'cmp.field.norm')}
        {' '}
        {of}
      </label>
      <select id={`${id}-norm`} value={v.norm} onChange={(e) => ctl.updateVariant(v.id, { norm: e.target.value as NormKind })}>
        {(cnn ? CNN_NORMS : NORMS).map((n) => (
          <option key={n} value={n}>
            {t(cnn ? CNN_NORM_KEY[n as 'none' | 'batchnorm'] : NORM_KEY[n])}
          </option>
        ))}
      </select>
      {removable ? (
        <button type="button" className="compare-remove" aria-label={t('cmp.removeLabel', { letter })} onClick={() => ctl.removeVariant(v.id)}>
          {t('cmp.remove')}
        </button>
      ) : null}
    </fieldset>
  );
}

/** Memoized: the panel redraws with the workers' reports, the forms only when the variants change. */
export const VariantList = memo(function VariantList({ ctl }: { ctl: CompareController }) {
  const t = useT();
  const variants = useCompare((s) => s.variants);
  const status = useCompare((s) => s.status);
  const dup: [string, string][] = [];
  variants.forEach((a, i) => variants.forEach((b, j) => j > i && sameSettings(a, b) && dup.push([VARIANT_LETTERS[i], VARIANT_LETTERS[j]])));
  return (
    <div className="compare-variants" role="group" aria-label={t('cmp.variants')}>
      <div className="compare-variant-grid">
        {variants.map((v, slot) => (
          <VariantForm key={v.id} v={v} slot={slot} removable={variants.length > 1} ctl={ctl} />
        ))}
      </div>
      <div className="compare-variant-tools">
        <button type="button" onClick={() => ctl.addVariant()} disabled={variants.length >= MAX_VARIANTS}>
          {t('cmp.add')}
        </button>
        {variants.length >= MAX_VARIANTS ? <span className="compare-note">{t('cmp.full')}</span> : null}
      </div>
      {dup.map(([a, b]) => (
        <p key={a + b} className="compare-warn">
          {t('cmp.duplicate', { a, b })}
        </p>
      ))}
      {status !== 'idle' ? <p className="compare-note">{t('cmp.restartNote')}</p> : null}
    </div>
  );
});
