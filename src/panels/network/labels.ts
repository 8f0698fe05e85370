// Names of columns and units as the learner reads them (1-based), shared by the drawing, the unit
// list, the summary and the inspector so they always agree.
import type { MessageKey, Vars } from '../../i18n/index.ts';
import type { ReadyInfo } from '../../protocol/frame.ts';
import type { NetColumn } from './structure.ts';

type T = (key: MessageKey, vars?: Vars) => string;

/** Short header for narrow drawings (many columns on a phone). */
export function columnShortName(t: T, col: NetColumn): string {
  if (col.kind === 'input') return t('network.short.input');
  if (col.kind === 'output') return t('network.short.output');
  return t('network.short.hidden', { n: col.hidden + 1 });
}

export function columnName(t: T, col: NetColumn): string {
  if (col.kind === 'input') return t('network.input');
  if (col.kind === 'output') return t('network.output');
  return t('network.hidden', { n: col.hidden + 1 });
}

/** Tag under a column header: BN / LN and the dropout p acting on it. */
export function columnTag(t: T, col: NetColumn, p: number | undefined, room: 'wide' | 'narrow' | 'tiny' = 'wide'): string {
  const parts: string[] = [];
  if (col.norm) parts.push(t(col.norm.kind === 'batchnorm' ? 'network.norm.batchnorm' : 'network.norm.layernorm'));
  // With no room the p is left out (the controls show it); the norm tag is what tells layers apart.
  const short = room !== 'wide';
  if (room !== 'tiny' && col.dropoutLayer !== null && p !== undefined && p > 0) {
    parts.push(t(short ? 'network.tag.dropoutShort' : 'network.tag.dropout', { p: String(Math.round(p * 100) / 100) }));
  }
  return parts.join(' · ');
}

/** Name of one unit, for its button and the inspector; output units of a classifier name their class. */
export function unitName(t: T, col: NetColumn, unit: number, ready: ReadyInfo): string {
  const layer = col.kind === 'output' && ready.data.kind === 'classification' ? t('network.outputClass', { k: unit }) : columnName(t, col);
  return t('network.unit', { layer, unit: unit + 1 });
}
