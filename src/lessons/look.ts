// Where a lesson's "look at …" links point: a panel, or a part of one (the batch-norm panel's three
// steps, the Inference lab's modes table). Lesson text writes a link as [words](#target); the page
// marks each place with data-look="target". Plain data, so tests can check every link in both languages.
import type { PanelId } from '../app/presentation.ts';

export const LOOK_PARTS = ['bn-steps', 'bn-step3', 'bn-stats', 'bn-hist', 'inference-modes', 'inference-scaling', 'notices'] as const;
export type LookPart = (typeof LOOK_PARTS)[number];
export type LookTarget = PanelId | LookPart;

const PANELS: readonly PanelId[] = ['network', 'output', 'loss', 'batchnorm', 'activations', 'inference', 'compare', 'experiments'];

/** The panel a part sits in (null: outside every panel), so a link can fall back to the panel. */
export const PART_PANEL: Record<LookPart, PanelId | null> = {
  'bn-steps': 'batchnorm',
  'bn-step3': 'batchnorm',
  'bn-stats': 'batchnorm',
  'bn-hist': 'batchnorm',
  'inference-modes': 'inference',
  'inference-scaling': 'inference',
  notices: null,
};

export function isLookTarget(s: string): s is LookTarget {
  return (PANELS as readonly string[]).includes(s) || (LOOK_PARTS as readonly string[]).includes(s);
}

/** The panel that holds a target (itself for a panel). */
export function panelOf(t: LookTarget): PanelId | null {
  return (PANELS as readonly string[]).includes(t) ? (t as PanelId) : PART_PANEL[t as LookPart];
}

/** `[words](#target)` in lesson text. */
export const LINK = /\[([^\]]+)\]\(#([a-z0-9-]+)\)/;

/** Every link target written in a text, in order. */
export function linkTargets(text: string): string[] {
  return [...text.matchAll(new RegExp(LINK.source, 'g'))].map((m) => m[2]);
}
