// Strings of the first screen: the Speed control, the quick controls above the panels, the offer of lesson 1.
import { defineMessages } from '../define.ts';

export default defineMessages({
  en: {
    'speed.label': 'Speed',
    'speed.slow': 'Slow: {n} steps/s',
    'speed.rate': '{n} steps/s',
    'speed.full': 'Full speed',
    'status.speed': 'speed: {speed}',
    'quick.label': 'Quick controls',
    'quick.norm': 'layer H{n} ({kind}), all features',
    'quick.noNorm': 'No normalization layer: γ and β come with BatchNorm or LayerNorm (Controls tab).',
    'quick.noDropout': 'Dropout is switched off everywhere (Controls tab: Where dropout sits).',
    'welcome.text': 'New here? The lessons walk through what this lab shows, one step at a time.',
    'welcome.start': 'Start with lesson 1',
    'welcome.dismiss': 'No thanks',
  },
  ko: {
    'speed.label': '속도',
    'speed.slow': '느리게: 초당 {n} 스텝',
    'speed.rate': '초당 {n} 스텝',
    'speed.full': '최고 속도',
    'status.speed': '속도: {speed}',
    'quick.label': '빠른 설정',
    'quick.norm': '은닉{n} ({kind}), 모든 특성',
    'quick.noNorm': '정규화 층이 없습니다. γ와 β는 배치 정규화나 레이어 정규화에 있습니다(설정 탭).',
    'quick.noDropout': '드롭아웃이 모든 곳에서 꺼져 있습니다(설정 탭: 드롭아웃 위치).',
    'welcome.text': '처음이신가요? 레슨이 이 실험실에서 볼 수 있는 것을 한 단계씩 안내합니다.',
    'welcome.start': '레슨 1부터 시작하기',
    'welcome.dismiss': '괜찮습니다',
  },
});
