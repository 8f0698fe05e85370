// The experiments' titles, honest claims (with the conditions they need) and run labels, in both
// languages. Not yet merged into src/i18n/index.ts's tables: the view that shows the experiments adds
// this table there. The figures themselves come from the measurements, never from this text.
import { defineMessages } from '../i18n/define.ts';

export default defineMessages({
  en: {
    'experiment.E1.title': 'Overfitting',
    'experiment.E1.claim':
      'A wide network on 150 noisy spiral points: the test loss reaches its lowest point within the first few hundred steps, then climbs while the training loss keeps falling toward zero. The space between the two curves is the overfitting.',
    'experiment.E2.title': 'Dropout narrows the gap',
    'experiment.E2.claim':
      'The same setup with dropout p = 0.5 after both hidden layers: the final gap between test and training loss is smaller on every seed we ran. At p = 0.3 it narrows too, but less on each of those seeds: how much dropout helps depends on p.',
    'experiment.E3.title': 'BN and the learning rate',
    'experiment.E3.claim':
      'A 4-layer MLP on the digits, plain SGD without momentum. At a high learning rate (1.0) the network without BN stalls or diverges, while with BN it reaches a training loss of 0.2 in about a hundred steps. At smaller rates (0.1 and 0.01) with He initialization the plain network gets there first, 1.5 to 2 times as fast: BN’s speed-up is a high-learning-rate effect. (The original paper reports 14× fewer steps on ImageNet, with the learning rate raised and other changes made alongside BN.)',
    'experiment.E4.title': 'Initialization scale',
    'experiment.E4.claim':
      'The same MLP with SGD at lr 0.1, where He initialization trains well. At 0.1× the He scale the plain network stalls at the chance-level loss (ln 10 ≈ 2.30); at 10× it diverges within a few steps. With BN both scales train. Adam hides much of this: at 0.1× it trains the plain network as if nothing were wrong, and at 10× it does not diverge, though how far it gets in 500 steps varies widely from seed to seed.',
    'experiment.E5.title': 'Variance shift',
    'experiment.E5.claim':
      'With dropout (p = 0.5) before a BN layer, that layer’s input varies more in training than at inference: about 1/(1 − p) = 2 for a zero-mean input, less (about 1.3) for ReLU outputs, which are not zero-mean. BN’s running variance is learned under the training variance, so at inference it scales by the wrong amount. With dropout only after the last BN the ratio is about 1. Measured on the training set, so that only the mode differs.',
    'experiment.E6.title': 'Forgetting the dropout scaling',
    'experiment.E6.claim':
      'Classic dropout (p = 0.5) must multiply by 1 − p at inference. Forget it and each dropout layer’s output is 1/(1 − p) = 2× too large; through two such layers the logits come out about 4× too large, so every prediction is overconfident. On the spiral, where the network makes mistakes, the test loss gets several times worse and accuracy drops. On two gaussian blobs accuracy does not change at all, and the loss can go either way: confident mistakes cost more, but where every test point is right, more confidence even lowers the loss.',
    'experiment.E7.title': 'BN on a batch of one at inference',
    'experiment.E7.claim':
      'If BN at inference normalizes with the batch’s own statistics, a batch of one has the example itself as its mean and a variance of 0: every normalized unit becomes exactly β, every input gives the same output, and the network predicts one class for everything (about 10% right on the digits). With the running statistics, as it should, the same network is right about 97% of the time.',
    'experiment.E8.title': 'LayerNorm at batch size one',
    'experiment.E8.claim':
      'Training one example at a time: BN refuses (a single example has no batch variance), while LayerNorm, which normalizes each example over its own features, trains, well below the chance-level loss on the spiral. It is not faster than no normalization here; what it buys is that normalization works at all.',
    'experiment.E10.title': 'Internal covariate shift is not what BN fixes',
    'experiment.E10.claim':
      'After Santurkar et al. (2018). Six hidden layers of 64 on the digits, SGD with momentum 0.9 at lr 0.05, weights at 0.41× the He scale (PyTorch’s default spread). A teaching switch adds noise after every BN in training: each unit is multiplied by 1 + U(0, 0.2) and shifted by N(0, 0.1²), drawn afresh at every step and shared by the whole batch. The 5th layer’s input then moves far more from step to step than with plain BN, and more than without BN, yet the noisy network reaches a training loss of 0.3 nearly as fast as BN and far faster than the network without BN. So a steadier input distribution is not what makes BN train fast; the current explanation is that BN makes the loss landscape smoother (gradients change less from step to step), so larger steps are safe.',
    'experiment.E11.title': 'Co-adaptation, seen as losing units',
    'experiment.E11.claim':
      'Two hidden layers of 64 on the digits, Adam at 0.003 for 2,000 steps, with and without dropout p = 0.3. Then, at inference, half the units of the last hidden layer are set to zero (a random half, 20 draws averaged). The network trained without dropout loses several times more accuracy than the one trained with it: its units work in combinations that fail when some members are missing, while dropout trained each unit to be useful whichever others are there.',
    'experiment.run.ics-plain': 'No BN',
    'experiment.run.ics-bn': 'BN',
    'experiment.run.ics-noisy-bn': 'BN with noise after it',
    'experiment.run.ko-plain': 'Trained without dropout',
    'experiment.run.ko-dropout': 'Trained with dropout p = 0.3',
    'experiment.run.plain': 'No regularization',
    'experiment.run.dropout': 'Dropout p = 0.5',
    'experiment.run.plain-small': 'Plain, lr 0.01',
    'experiment.run.bn-small': 'BN, lr 0.01',
    'experiment.run.plain-mid': 'Plain, lr 0.1',
    'experiment.run.bn-mid': 'BN, lr 0.1',
    'experiment.run.plain-high': 'Plain, lr 1',
    'experiment.run.bn-high': 'BN, lr 1',
    'experiment.run.plain-sgd-0.1x': 'Plain, SGD, 0.1× He',
    'experiment.run.plain-sgd-1x': 'Plain, SGD, He',
    'experiment.run.plain-sgd-10x': 'Plain, SGD, 10× He',
    'experiment.run.bn-sgd-0.1x': 'BN, SGD, 0.1× He',
    'experiment.run.bn-sgd-10x': 'BN, SGD, 10× He',
    'experiment.run.plain-adam-0.1x': 'Plain, Adam, 0.1× He',
    'experiment.run.plain-adam-10x': 'Plain, Adam, 10× He',
    'experiment.run.input': 'Dropout on the input',
    'experiment.run.before-bn': 'Dropout before the last BN',
    'experiment.run.after-last-bn': 'Dropout after the last BN',
    'experiment.run.spiral': 'Spiral',
    'experiment.run.gaussians': 'Two gaussians',
    'experiment.run.batchnorm': 'BatchNorm',
    'experiment.run.layernorm': 'LayerNorm',
  },
  ko: {
    'experiment.E1.title': '과적합',
    'experiment.E1.claim':
      '잡음 섞인 나선 데이터 150개에 넓은 네트워크를 학습시키면, 테스트 손실은 처음 수백 스텝 안에 가장 낮아졌다가 다시 올라가고, 학습 손실은 0을 향해 계속 내려갑니다. 두 곡선 사이의 간격이 곧 과적합입니다.',
    'experiment.E2.title': '드롭아웃은 격차를 줄인다',
    'experiment.E2.claim':
      '같은 설정에서 두 은닉층 뒤에 드롭아웃(p = 0.5)을 넣으면, 테스트 손실과 학습 손실의 최종 격차가 우리가 돌린 모든 시드에서 줄어듭니다. p = 0.3에서도 줄지만, 그 시드들 모두에서 덜 줄었습니다. 드롭아웃이 얼마나 도움이 되는지는 p에 달려 있습니다.',
    'experiment.E3.title': 'BN과 학습률',
    'experiment.E3.claim':
      '손글씨 숫자 데이터에 4층 MLP, 모멘텀 없는 순수 SGD. 높은 학습률(1.0)에서 BN이 없는 네트워크는 멈추거나 발산하지만, BN이 있으면 약 백 스텝 만에 학습 손실 0.2에 도달합니다. 더 작은 학습률(0.1과 0.01)과 He 초기화에서는 BN 없는 네트워크가 1.5–2배 빨리 도달합니다. BN의 가속은 높은 학습률에서 나타나는 효과입니다. (원 논문의 ImageNet 14배 단축은 학습률을 올리고 다른 변경도 함께 한 결과입니다.)',
    'experiment.E4.title': '초기화 배율',
    'experiment.E4.claim':
      '같은 MLP에 He 초기화로는 잘 학습되는 SGD 학습률 0.1. He 크기의 0.1배에서는 BN 없는 네트워크가 무작위 추측 수준의 손실(ln 10 ≈ 2.30)에 멈추고, 10배에서는 몇 스텝 만에 발산합니다. BN이 있으면 두 경우 모두 학습됩니다. Adam은 이 문제를 상당 부분 가립니다: 0.1배에서는 아무 문제 없는 듯이 학습하고, 10배에서도 발산하지 않습니다. 다만 10배에서 500 스텝 동안 얼마나 나아가는지는 시드마다 크게 다릅니다.',
    'experiment.E5.title': '분산 이동',
    'experiment.E5.claim':
      'BN 층 앞에 드롭아웃(p = 0.5)이 있으면, 그 층의 입력 분산이 추론 때보다 학습 때 더 큽니다: 평균이 0인 입력에서는 약 1/(1 − p) = 2배, 평균이 0이 아닌 ReLU 출력에서는 그보다 작게(약 1.3배). BN의 이동 분산은 학습 때의 분산으로 쌓이므로 추론 때는 잘못된 크기로 나눕니다. 드롭아웃을 마지막 BN 뒤에만 두면 비율은 약 1입니다. 모드만 다르도록 학습 데이터에서 측정했습니다.',
    'experiment.E6.title': '드롭아웃 스케일링을 잊으면',
    'experiment.E6.claim':
      '고전적 드롭아웃(p = 0.5)은 추론 때 1 − p를 곱해야 합니다. 이를 잊으면 드롭아웃 층마다 출력이 1/(1 − p) = 2배 커지고, 그런 층 두 개를 지나면 로짓이 약 4배 커져 모든 예측이 지나치게 확신에 찹니다. 네트워크가 실수하는 나선 데이터에서는 테스트 손실이 몇 배 나빠지고 정확도도 떨어집니다. 두 가우시안 데이터에서는 정확도가 전혀 변하지 않고, 손실은 어느 쪽으로든 갈 수 있습니다: 자신 있게 틀린 답은 더 큰 손실을 내지만, 테스트 점을 모두 맞히면 더 큰 확신이 오히려 손실을 낮춥니다.',
    'experiment.E7.title': '추론 때 크기 1인 배치와 BN',
    'experiment.E7.claim':
      '추론 때 BN이 배치 자체의 통계로 정규화하면, 예제 하나뿐인 배치는 평균이 그 예제 자체이고 분산이 0입니다: 정규화된 모든 유닛이 정확히 β가 되고, 어떤 입력이든 같은 출력이 나와 모든 것을 한 클래스로 예측합니다(숫자 데이터에서 약 10% 정답). 제대로 이동 평균 통계를 쓰면 같은 네트워크가 약 97%를 맞힙니다.',
    'experiment.E8.title': '배치 크기 1에서의 레이어 정규화',
    'experiment.E8.claim':
      '예제를 하나씩 학습할 때 BN은 거부합니다(예제 하나로는 배치 분산이 없습니다). 각 예제를 자기 특성들에 걸쳐 정규화하는 레이어 정규화는 학습되며, 나선 데이터에서 무작위 추측 수준보다 훨씬 낮은 손실에 이릅니다. 여기서 정규화 없는 네트워크보다 빠르지는 않습니다. 얻는 것은 정규화를 쓸 수 있다는 점 자체입니다.',
    'experiment.E10.title': 'BN이 고치는 것은 내부 공변량 변화가 아니다',
    'experiment.E10.claim':
      'Santurkar 외(2018)를 따른 실험입니다. 손글씨 숫자 데이터에 64개짜리 은닉층 6개, 모멘텀 0.9의 SGD, 학습률 0.05, 가중치는 He 크기의 0.41배(PyTorch 기본 초기화의 퍼짐)입니다. 교육용 스위치가 학습 때 모든 BN 뒤에 잡음을 더합니다: 유닛마다 1 + U(0, 0.2)를 곱하고 N(0, 0.1²)만큼 옮기며, 스텝마다 새로 뽑고 배치 전체가 같은 값을 씁니다. 그러면 5번째 층의 입력이 스텝마다 보통 BN보다 훨씬 많이, BN이 없을 때보다도 많이 움직입니다. 그런데도 잡음 넣은 네트워크는 학습 손실 0.3에 BN과 거의 같은 속도로, BN 없는 네트워크보다 훨씬 빨리 도달합니다. 입력 분포가 안정되는 것이 BN이 빨리 학습하는 이유는 아닌 것입니다. 현재의 설명은 BN이 손실 지형을 매끄럽게 만들어(스텝마다 기울기가 덜 변해) 더 큰 스텝도 안전하다는 것입니다.',
    'experiment.E11.title': '유닛을 잃어 보면 드러나는 공동 적응',
    'experiment.E11.claim':
      '손글씨 숫자 데이터에 64개짜리 은닉층 2개, Adam 학습률 0.003으로 2,000 스텝, 드롭아웃 p = 0.3을 쓴 것과 안 쓴 것. 학습이 끝난 뒤 추론 때 마지막 은닉층 유닛의 절반(무작위로 고른 절반, 20번 뽑아 평균)을 0으로 만듭니다. 드롭아웃 없이 학습한 네트워크가 드롭아웃으로 학습한 네트워크보다 몇 배 많은 정확도를 잃습니다. 드롭아웃 없이 학습한 유닛들은 서로 없으면 제 역할을 못 하는 조합으로 일하고, 드롭아웃은 각 유닛이 다른 유닛이 있든 없든 쓸모 있도록 학습시켰기 때문입니다.',
    'experiment.run.ics-plain': 'BN 없음',
    'experiment.run.ics-bn': 'BN',
    'experiment.run.ics-noisy-bn': 'BN 뒤에 잡음',
    'experiment.run.ko-plain': '드롭아웃 없이 학습',
    'experiment.run.ko-dropout': '드롭아웃 p = 0.3으로 학습',
    'experiment.run.plain': '드롭아웃·정규화 없음',
    'experiment.run.dropout': '드롭아웃 p = 0.5',
    'experiment.run.plain-small': 'BN 없음, 학습률 0.01',
    'experiment.run.bn-small': 'BN, 학습률 0.01',
    'experiment.run.plain-mid': 'BN 없음, 학습률 0.1',
    'experiment.run.bn-mid': 'BN, 학습률 0.1',
    'experiment.run.plain-high': 'BN 없음, 학습률 1',
    'experiment.run.bn-high': 'BN, 학습률 1',
    'experiment.run.plain-sgd-0.1x': 'BN 없음, SGD, He의 0.1배',
    'experiment.run.plain-sgd-1x': 'BN 없음, SGD, He',
    'experiment.run.plain-sgd-10x': 'BN 없음, SGD, He의 10배',
    'experiment.run.bn-sgd-0.1x': 'BN, SGD, He의 0.1배',
    'experiment.run.bn-sgd-10x': 'BN, SGD, He의 10배',
    'experiment.run.plain-adam-0.1x': 'BN 없음, Adam, He의 0.1배',
    'experiment.run.plain-adam-10x': 'BN 없음, Adam, He의 10배',
    'experiment.run.input': '입력에 드롭아웃',
    'experiment.run.before-bn': '마지막 BN 앞에 드롭아웃',
    'experiment.run.after-last-bn': '마지막 BN 뒤에 드롭아웃',
    'experiment.run.spiral': '나선',
    'experiment.run.gaussians': '두 가우시안',
    'experiment.run.batchnorm': '배치 정규화',
    'experiment.run.layernorm': '레이어 정규화',
  },
});
