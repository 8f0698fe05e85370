// What a comparison variant is: the lab's own settings with only the regularizers changed (dropout on
// the hidden layers and its p, the normalization of every hidden layer), so data, network shape,
// optimizer and seed stay shared and the differences seen come from the regularizers alone. For the
// CNN (arch = cnn) the same fields mean BatchNorm2d in every conv block on or off, and the conv
// blocks' dropout: Dropout2d (whole maps) or element dropout, at p. Pure: the comparison store
// (compare.ts) hands out the ids of variants added later.
import type { LabConfig } from '../protocol/config.ts';
import type { NormKind } from '../engine/netspec.ts';

export interface Variant {
  /** Stable for the variant's life (React keys, the bridge it owns); not shown. */
  id: number;
  dropout: boolean;
  /** Drop probability used when `dropout` is on. */
  p: number;
  norm: NormKind;
  /**
   * Only on the CNN's variants: which dropout the conv blocks get when `dropout` is on (channel:
   * Dropout2d, element: single values). `norm` is then 'none' or 'batchnorm' (BatchNorm2d).
   */
  convDropout?: ConvDropout;
}

export type ConvDropout = 'channel' | 'element';

export const MAX_VARIANTS = 4;
/** p for a new dropout variant when the lab's own p is 0 (dropout switched off there). */
export const FALLBACK_P = 0.5;

/** Letters name variants in the chart, the table and the summary, beside colour and marker. */
export const VARIANT_LETTERS = ['A', 'B', 'C', 'D'] as const;

export function newVariant(v: Omit<Variant, 'id'>, id: number): Variant {
  return { id, ...v };
}

/** The lab's p where it is usable, else FALLBACK_P. */
export function defaultP(base: LabConfig): number {
  const p = base.net.dropoutP;
  return p > 0 && p < 1 ? p : FALLBACK_P;
}

/** Whether a set of variants was made for the CNN (their forms and names differ). */
export const forCnn = (variants: readonly Variant[]): boolean => variants.some((v) => v.convDropout !== undefined);

/**
 * The syllabus' four: neither, dropout, batch norm, both, with ids 1–4. For the CNN: plain,
 * BatchNorm2d, and BatchNorm2d with Dropout2d or with element dropout (the channel-vs-element
 * question). They replace the variants only before any Start (no worker owns an id then), so the ids
 * can be the same each time.
 */
export function defaultVariants(base: LabConfig): Variant[] {
  const p = defaultP(base);
  if (base.arch === 'cnn') {
    return [
      newVariant({ dropout: false, p, norm: 'none', convDropout: 'channel' }, 1),
      newVariant({ dropout: false, p, norm: 'batchnorm', convDropout: 'channel' }, 2),
      newVariant({ dropout: true, p, norm: 'batchnorm', convDropout: 'channel' }, 3),
      newVariant({ dropout: true, p, norm: 'batchnorm', convDropout: 'element' }, 4),
    ];
  }
  return [
    newVariant({ dropout: false, p, norm: 'none' }, 1),
    newVariant({ dropout: true, p, norm: 'none' }, 2),
    newVariant({ dropout: false, p, norm: 'batchnorm' }, 3),
    newVariant({ dropout: true, p, norm: 'batchnorm' }, 4),
  ];
}

/**
 * The config a variant trains with. Dropout sits after every hidden layer (never on the input) and
 * the norm kind applies to every hidden layer, so "dropout" and "BN" mean one thing per variant.
 */
export function variantConfig(base: LabConfig, v: Variant): LabConfig {
  if (base.arch === 'cnn') {
    return {
      ...base,
      data: { ...base.data },
      train: { ...base.train },
      net: { ...base.net, hidden: [...base.net.hidden], dropoutP: v.dropout ? v.p : base.net.dropoutP },
      conv: { ...base.conv, bn: v.norm === 'batchnorm', dropout: v.dropout ? (v.convDropout ?? 'channel') : 'none' },
    };
  }
  const n = base.net.hidden.length;
  return {
    ...base,
    data: { ...base.data },
    train: { ...base.train },
    net: {
      ...base.net,
      hidden: [...base.net.hidden],
      norm: Array.from({ length: n }, () => v.norm),
      dropoutInput: false,
      dropoutHidden: Array.from({ length: n }, () => v.dropout),
      dropoutP: v.dropout ? v.p : base.net.dropoutP,
    },
  };
}

/** Two variants that would train identically (same regularizers): the panel warns about them. */
export function sameSettings(a: Variant, b: Variant): boolean {
  return a.norm === b.norm && a.dropout === b.dropout && (!a.dropout || (a.p === b.p && a.convDropout === b.convDropout));
}
