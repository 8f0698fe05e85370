// Strings of the Inference lab's "Knock out units" section, loaded with the panel's chunk rather than
// merged into the app's tables (the initial script's budget is tight).
import { defineMessages, type Lang } from '../../i18n/define.ts';
import { formatValue, type Vars } from '../../i18n/index.ts';

const m = defineMessages({
  en: {
    'ko.title': 'Knock out units',
    'ko.what': 'At inference, a random set of the chosen layer’s units is set to 0, a fresh set in each of 20 draws, and the test accuracy and loss are averaged. A network whose units only work in particular combinations (co-adaptation) loses more; dropout trains each unit to be useful whichever others are there.',
    'ko.none': 'The network has no hidden layer to knock units out of.',
    'ko.layer': 'Layer',
    'ko.hidden': 'Hidden layer {n}',
    'ko.fraction': 'Units knocked out',
    'ko.units': 'Units',
    'ko.acc': 'Test accuracy',
    'ko.loss': 'Test loss',
    'ko.all': 'All {width}',
    'ko.knocked': '{units} of {width} set to 0 (mean of 20 draws)',
    'ko.read': 'Lost: {lost} accuracy points, averaged over {draws} draws on {rows} test inputs (single draws: {min} to {max}).',
    'ko.readRegression': 'Averaged over {draws} draws on {rows} test inputs.',
    'ko.measuring': 'Measuring…',
  },
  ko: {
    'ko.title': '유닛 끄기',
    'ko.what': '추론 때 고른 층의 유닛 중 무작위로 고른 일부를 0으로 만듭니다. 20번 새로 뽑아 테스트 정확도와 손실을 평균합니다. 유닛들이 특정 조합으로만 일하는 네트워크(공동 적응)일수록 더 많이 잃습니다. 드롭아웃은 다른 유닛이 있든 없든 각 유닛이 쓸모 있도록 학습시킵니다.',
    'ko.none': '유닛을 끌 은닉층이 없는 네트워크입니다.',
    'ko.layer': '층',
    'ko.hidden': '은닉층 {n}',
    'ko.fraction': '끄는 유닛 비율',
    'ko.units': '유닛',
    'ko.acc': '테스트 정확도',
    'ko.loss': '테스트 손실',
    'ko.all': '전체 {width}개',
    'ko.knocked': '{width}개 중 {units}개를 0으로(20번 뽑은 평균)',
    'ko.read': '잃은 정확도: {lost}%p. 테스트 입력 {rows}개에서 {draws}번 뽑아 평균했습니다(한 번씩 뽑았을 때: {min} ~ {max}).',
    'ko.readRegression': '테스트 입력 {rows}개에서 {draws}번 뽑아 평균했습니다.',
    'ko.measuring': '측정하는 중…',
  },
});

export const knockoutMessages = m;
export type KoKey = keyof typeof m.en;

export function kt(lang: Lang, key: KoKey, vars?: Vars): string {
  const s = m[lang][key];
  return vars ? s.replace(/\{(\w+)\}/g, (x, name: string) => (name in vars ? formatValue(lang, vars[name]) : x)) : s;
}
