// What a saved chart writes into its picture: its title, its axes' names and its panel's legend (read
// from the page, so it always matches what the panel shows). The axis names live here, not in the
// page's message tables: the Files tab loads on demand.
import type { Lang } from '../../i18n/index.ts';
import type { Caption } from '../../export/image.ts';
import type { ChartId } from './charts.ts';

type Axes = { x: string; y: string };

const AXES: Record<Lang, Record<ChartId, Axes>> = {
  en: {
    network: { x: 'layers, input (left) to output (right)', y: 'the units of each layer' },
    output: { x: 'first input (x₁), or x for a curve', y: 'second input (x₂), or the prediction for a curve' },
    loss: { x: 'training step', y: 'loss (train and test, evaluated in inference mode)' },
    accuracy: { x: 'training step', y: 'accuracy' },
    'bn-stats': { x: 'feature', y: 'batch (circle) and running (diamond) value' },
    'bn-hist': { x: 'value', y: 'count' },
    'bn-steps': { x: 'value', y: 'one row per step: x, x̂, y' },
    activations: { x: 'training step', y: 'activation value (per layer)' },
  },
  ko: {
    network: { x: '층, 입력(왼쪽)에서 출력(오른쪽)까지', y: '층마다의 유닛' },
    output: { x: '첫 번째 입력(x₁), 곡선이면 x', y: '두 번째 입력(x₂), 곡선이면 예측값' },
    loss: { x: '학습 스텝', y: '손실 (학습·테스트, 추론 모드에서 평가)' },
    accuracy: { x: '학습 스텝', y: '정확도' },
    'bn-stats': { x: '특성', y: '배치 값(원)과 이동 평균 값(마름모)' },
    'bn-hist': { x: '값', y: '개수' },
    'bn-steps': { x: '값', y: '단계마다 한 줄: x, x̂, y' },
    activations: { x: '학습 스텝', y: '활성값 (층마다)' },
  },
};

/** Where each chart's legend is written in its panel (null: the chart's own captions carry it). */
const LEGEND: Record<ChartId, string | null> = {
  network: '.network-legend',
  output: '.output-legend > li',
  loss: '.loss-legend > li',
  accuracy: '.loss-legend > li',
  'bn-stats': '.bn-key',
  'bn-hist': null,
  'bn-steps': '.bn-strip-legend',
  activations: '.act-legend > li',
};

const AXIS_WORDS: Record<Lang, Axes> = { en: { x: 'x axis', y: 'y axis' }, ko: { x: 'x축', y: 'y축' } };

/** The legend's entries as the panel around `root` shows them. */
export function legendOf(id: ChartId, root: Element): string[] {
  const sel = LEGEND[id];
  const panel = root.closest('.panel');
  if (!sel || !panel) return [];
  return [...panel.querySelectorAll(sel)].map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean);
}

export function captionFor(id: ChartId, title: string, root: Element, lang: Lang): Caption {
  const a = AXES[lang][id], w = AXIS_WORDS[lang];
  return { title, lines: [`${w.x}: ${a.x} · ${w.y}: ${a.y}`, ...legendOf(id, root)] };
}
