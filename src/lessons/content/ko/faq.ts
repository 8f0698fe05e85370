// Lesson 'faq' in Korean: the prose of its steps (the shape is in ../../structure.ts).
import type { LessonSteps } from '../../structure.ts';

export const faq: LessonSteps<'faq'> = {
  'faq/dropout-train-only': {
    title: '드롭아웃은 학습할 때만 작동하나요?',
    body: ['네. PyTorch에서는 `model.train()` 뒤에만 작동하고 `model.eval()` 뒤에는 아무것도 하지 않습니다. Keras에서는 `training=True`일 때만 작동합니다. 몬테카를로 드롭아웃은 일부러 추론 때 켜는 경우입니다.'],
    predict: {
      question: '실험실은 추론 모드이고 드롭아웃은 p = 0.5입니다. 네트워크 그림에 꺼진 유닛은 몇 개일까요?',
      choices: { none: '하나도 없다', half: '절반쯤' },
      explain: '하나도 없습니다. 학습 모드로 바꾸고 ‘한 스텝’을 눌러 보세요. 절반쯤이 꺼지고, 스텝마다 다른 유닛이 꺼집니다.',
    },
    look: '두 모드에서의 [네트워크 그림](#network).',
  },
  'faq/bn-inference': {
    title: '추론할 때도 BN이 중요한가요?',
    body: ['네. 이동 평균과 이동 분산, 학습된 γ와 β로 모든 입력을 여전히 변환합니다. 이동 평균 통계가 없으면 배치 자체의 통계를 써야 하고, 그러면 예측이 배치에 따라 달라집니다(배치 정규화 레슨 참고).'],
    predict: {
      question: '추론할 때 BN 층의 출력은 입력과 같을까요?',
      choices: { changes: '아니다, 값을 바꾼다', identity: '그렇다, 그대로 통과시킨다' },
      explain: '아닙니다. 비교 표의 마지막 열을 보면 추론 때 BN 층은 값을 바꾸고, 드롭아웃 층은 바꾸지 않습니다(|출력 − 입력| = 0).',
    },
    look: '준비한 대로 추론 모드인 [배치 정규화 패널](#bn-hist): 층을 지나기 전과 후의 히스토그램이 다릅니다. 모든 특성이 이동 평균 통계와 γ, β로 다시 조정되기 때문입니다. 비교 레슨의 표는 같은 것을 |출력 − 입력|으로 잽니다.',
  },
  'faq/both': {
    title: '둘을 함께 써도 되나요?',
    body: ['네, 많은 네트워크가 그렇게 합니다. 다만 재 보세요. BN이 있으면 드롭아웃이 보태는 게 없거나, 분산 이동 때문에 오히려 해가 되는 모델도 있습니다. 나란히 돌리는 실험에서 여러분의 실험으로 확인할 수 있습니다.'],
  },
};
