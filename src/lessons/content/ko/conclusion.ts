// Lesson 'conclusion' in Korean: the prose of its steps (the shape is in ../../structure.ts).
import type { LessonSteps } from '../../structure.ts';

export const conclusion: LessonSteps<'conclusion'> = {
  'conclusion/summary': {
    title: '이제 예측할 수 있는 것',
    body: [
      '구조만으로는 네트워크가 얼마나 잘 학습하고 일반화할지 정해지지 않습니다. 정규화는 속도와 안정성과 일반화를 사 주는데, 저마다 조건이 있습니다.',
      '**드롭아웃**: 학습 때 무작위로 유닛을 끄고, 추론 때는 아무것도 하지 않습니다(역 드롭아웃). 학습 데이터는 더 천천히 맞히고, 격차는 작아집니다. 학습이 덜 맞아도 격차는 줄어드니 테스트 손실도 낮아졌는지 확인하세요.',
      '**배치 정규화**: 특성마다 학습 때는 배치 통계로, 추론 때는 이동 추정값으로 정규화합니다. 초기화나 학습률이 나쁠 때 가장 믿을 만합니다.',
      '**둘 다**: 쓸 수 있지만 분산 이동을 조심하고, 재 보세요.',
    ],
  },
  'conclusion/final-check': {
    title: '마지막 예측',
    body: ['가중치는 10배 작게, SGD, 두 층 모두 BN, 드롭아웃 p = 0.3. 재생을 누르기 전에 정하세요.'],
    predict: {
      question: '500 스텝 안에 학습 손실이 0.5 아래로 내려갈까요?',
      choices: { yes: '그렇다', no: '아니다' },
      explain: '그렇습니다. 시드 1–3에서 200–300 스텝쯤이면 내려갑니다. BN이 나쁜 출발을 구해 주고, 드롭아웃은 조금 늦출 뿐입니다. BN이 없으면 같은 네트워크가 1,000 스텝 뒤에도 0.5를 넘습니다.',
    },
    look: '[손실 차트](#loss). 그다음 BN을 끄고 다시 돌려 보세요.',
  },
};
