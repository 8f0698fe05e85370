// The charts a learner can save: each panel marks its chart root with data-export="<id>"; the export
// panel finds them in the page when asked (panels come and go with presentation mode and data sets).
import type { MessageKey } from '../../i18n/index.ts';

/** Known chart ids, in page order; the label key of each. */
export const CHART_IDS = ['network', 'output', 'loss', 'accuracy', 'bn-stats', 'bn-hist', 'bn-steps', 'activations'] as const;
export type ChartId = (typeof CHART_IDS)[number];

export function chartLabelKey(id: ChartId): MessageKey {
  return `export.chart.${id}`;
}

function isChartId(s: string): s is ChartId {
  return (CHART_IDS as readonly string[]).includes(s);
}

/** Ids of the marked charts now in the document, known ones only, in CHART_IDS order. */
export function chartsOnPage(doc: Document = document): ChartId[] {
  const found = new Set<string>();
  for (const el of doc.querySelectorAll('[data-export]')) found.add(el.getAttribute('data-export') ?? '');
  return CHART_IDS.filter((id) => found.has(id) && isChartId(id));
}

export function chartRoot(id: ChartId, doc: Document = document): Element | null {
  return doc.querySelector(`[data-export="${id}"]`);
}
