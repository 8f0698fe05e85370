// Lesson 'code' in Korean: the prose of its steps (the shape is in ../../structure.ts).
import type { LessonSteps } from '../../structure.ts';

export const code: LessonSteps<'code'> = {
  'code/sequential': {
    title: '가이드의 모델을 실험실에서',
    body: [
      '흔히 보는 PyTorch 모델: `Linear(512, 256)`, `BatchNorm1d(256)`, `ReLU()`, `Dropout(0.5)`, `Linear(256, 10)`. Keras로는 `Dense(256)`, `BatchNormalization()`, `Activation(\'relu\')`, `Dropout(0.5)`, `Dense(10, activation=\'softmax\')`.',
      '이 설정은 입력이 512개 대신 64개인 손글씨 숫자 데이터로 같은 모양을 만듭니다. 코드 패널은 지금 모델을 두 프레임워크로 보여 주고, 무엇을 바꾸든 따라 바뀝니다. 마지막 층은 소프트맥스를 거치지 않은 점수(로짓)를 내고 소프트맥스는 손실 함수에 맡깁니다. 수치적으로 더 안전할 뿐, 모델은 같습니다.',
    ],
    look: '코드 패널에서 PyTorch와 Keras를 오가 보고, p나 층의 너비를 바꿔 코드가 바뀌는 모습을 보세요.',
  },
  'code/momentum': {
    title: '⚠ 모멘텀, 서로 반대편에서 보기',
    body: [
      '두 프레임워크 모두 BN 통계의 이동 평균을 쌓지만, 모멘텀이 가리키는 가중치가 서로 반대입니다. PyTorch의 `momentum`은 새 배치의 가중치(기본값 0.1)이고, Keras의 `momentum`은 기존 평균의 가중치(기본값 0.99)입니다.',
      { math: 'keras-momentum' },
      '그래서 같은 평균이 PyTorch에서는 `momentum=0.1`, Keras에서는 `momentum=0.9`입니다(다만 이동 분산에는 차이가 하나 남습니다. Keras는 편향 배치 분산을, PyTorch는 불편 배치 분산을 평균합니다). 기본값끼리는 같지 않습니다. Keras의 0.99는 PyTorch의 0.01에 해당해서, 약 10 스텝이 아니라 약 100 스텝에 걸친 평균이 됩니다. ε도 다릅니다: PyTorch는 1e-5, Keras는 1e-3.',
    ],
    predict: {
      question: '실험실은 PyTorch 모멘텀 0.1을 씁니다. Keras 코드에서 BatchNormalization의 momentum은?',
      choices: { '0.9': '0.9', '0.1': '0.1', '0.99': '0.99' },
      explain: '0.9, 곧 1 − 0.1입니다. Keras 탭에서 `momentum=0.9`를 찾아보세요. Keras 기본값 0.99를 그대로 두면 이동 평균 통계가 학습을 열 배나 느리게 따라갑니다.',
    },
    look: 'Keras 탭의 BatchNormalization 줄과 PyTorch 탭의 BatchNorm1d 줄.',
  },
  'code/modes': {
    title: '코드에서 모드 바꾸기',
    body: [
      'PyTorch에서는 모델 전체를 바꿉니다. 학습 전에 `model.train()`(드롭아웃은 마스크를 뽑고, BN은 배치 통계를 쓰며 이동 평균을 갱신), 추론 전에 `model.eval()`(드롭아웃은 아무것도 안 하고, BN은 이동 평균 통계를 씀). `model.eval()`을 잊는 것은 흔한 버그입니다. 예측이 무작위로 바뀌고 배치에 따라 달라집니다. `model.eval()`이 기울기 추적까지 끄지는 않는다는 점도 기억하세요. 그것은 `torch.no_grad()`가 합니다.',
      'Keras는 호출할 때마다 정합니다: `model(x, training=True)` 또는 `training=False`. `fit`은 학습 모드로, `predict`와 `evaluate`는 추론 모드로 돌아갑니다.',
    ],
  },
};
