// Lesson 'where' in Korean: the prose of its steps (the shape is in ../../structure.ts).
import type { LessonSteps } from '../../structure.ts';

export const where: LessonSteps<'where'> = {
  'where/cnn': {
    title: '이미지 모델에서',
    body: [
      '이미지 분류 모델은 BN에 기대며, 합성곱 바로 뒤에 두어 채널마다 배치와 모든 위치에 걸쳐 정규화합니다. ResNet은 처음부터 BN을 쓰고, Inception도 BN-Inception(바로 BN 논문의 네트워크)부터는 BN을 씁니다. VGG는 BN보다 먼저 나왔지만, 널리 쓰이는 변형에는 BN이 들어가 있습니다.',
      '드롭아웃은 과적합이 걱정되는 곳에 나옵니다. 드롭아웃 0.5를 건 VGG의 큼직한 완전 연결 머리 부분이 대표적입니다. ResNet은 드롭아웃을 아예 쓰지 않습니다.',
    ],
  },
  'where/transformers': {
    title: '트랜스포머에서는 레이어 정규화',
    body: [
      '트랜스포머(BERT, GPT)는 드롭아웃을 쓰고, 정규화는 BN 대신 **레이어 정규화**(layer normalization, LayerNorm)로 합니다. 식은 같지만, 평균과 분산을 특성마다 배치에 걸쳐 내는 대신 예제마다 그 예제의 특성 H개에 걸쳐 냅니다.',
      { math: 'ln-mean' },
      '그래서 다른 예제에 의존하지 않고, 학습 때와 추론 때 똑같이 동작하며, 배치 크기가 1이어도 됩니다.',
    ],
    look: '레이어 정규화를 켠 배치 정규화 패널: 첫 줄과 세 단계 중 1단계가 무엇에 걸쳐 평균을 내는지 알려 줍니다(배치가 아니라 예제마다 자기 특성들). 보여 줄 이동 평균 통계도 없습니다. 히스토그램을 BN 때와 비교해 보세요.',
  },
  'where/bn-batch-one': {
    title: '배치 크기 1: BN',
    body: ['배치에 예제가 하나뿐이면 배치 분산은 0이고 x − μ_B도 0입니다. 학습 모드에서는 정규화할 거리가 없습니다.'],
    predict: {
      question: 'BN에 배치 크기 1로 재생을 누르면 학습은?',
      choices: { refused: '거부된다', trains: '문제없이 된다' },
      explain: '거부됩니다. 실험실도 PyTorch처럼(“Expected more than 1 value per channel when training”) BN과 크기 1인 배치로는 학습 스텝을 밟지 않습니다.',
    },
    look: '실험실 위쪽에 나타나는 안내 메시지.',
  },
  'where/ln-batch-one': {
    title: '배치 크기 1: 레이어 정규화',
    body: ['배치 크기는 그대로 두고 BN 대신 레이어 정규화를 씁니다. 예제 하나로 밟는 스텝은 흔들리므로 학습률도 낮췄습니다.'],
    predict: {
      question: '레이어 정규화에 배치 크기 1로 재생을 누르면 학습은?',
      choices: { refused: '거부된다', trains: '문제없이 된다' },
      explain: '학습됩니다. 예제마다 자기 특성에 걸쳐 정규화하므로 다른 예제가 필요 없습니다. 배치 크기가 1이면 늘 그렇듯 손실 곡선은 들쭉날쭉합니다.',
    },
    look: '손실 차트.',
  },
};
