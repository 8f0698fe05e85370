// Messages for trouble that comes late in a session (a worker that keeps dying, a run stuck at chance
// level): they load with the rest of the strings, after the first screen, to keep the first load light.
import { defineMessages } from '../define.ts';

export default defineMessages({
  en: {
    'error.workerGaveUp': 'The training worker stopped again and again (several times within a minute), so the lab has stopped restarting it: nothing is training now. Your settings are kept in the address bar; reload the page to start again with them. Last problem: {message}',
    'hint.stall': 'Training is going nowhere: after {steps} steps the training loss still sits at chance level (no better than guessing the class). Likely cause: the learning rate ({lr}) — too high and each step overshoots, too low and the weights barely move. Try another rate, then press Reset.',
    'hint.stallBn': 'Training is going nowhere: after {steps} steps the training loss still sits at chance level (no better than guessing the class). Likely causes: the batch size ({batch}) with batch normalization — a batch this small gives every step noisy statistics — or the learning rate ({lr}). Try a larger batch or another rate, then press Reset.',
  },
  ko: {
    'error.workerGaveUp': '학습 워커가 1분 안에 여러 번 멈춰서, 실험실이 더 이상 다시 시작하지 않습니다. 지금은 아무것도 학습하고 있지 않습니다. 설정은 주소 표시줄에 그대로 있으니 페이지를 다시 불러오면 같은 설정으로 다시 시작합니다. 마지막 문제: {message}',
    'hint.stall': '학습이 나아가지 않습니다. 스텝 수: {steps}. 학습 손실이 여전히 무작위 추측 수준입니다(클래스를 무작위로 고르는 것보다 나을 게 없습니다). 가능한 원인은 학습률(현재 값: {lr})입니다. 너무 크면 스텝마다 지나치고, 너무 작으면 가중치가 거의 움직이지 않습니다. 학습률을 바꾼 뒤 초기화를 눌러 보세요.',
    'hint.stallBn': '학습이 나아가지 않습니다. 스텝 수: {steps}. 학습 손실이 여전히 무작위 추측 수준입니다(클래스를 무작위로 고르는 것보다 나을 게 없습니다). 가능한 원인은 배치 정규화와 함께 쓴 배치 크기(현재 값: {batch})입니다. 배치가 이만큼 작으면 스텝마다 통계가 크게 흔들립니다. 학습률(현재 값: {lr})도 원인일 수 있습니다. 배치를 키우거나 학습률을 바꾼 뒤 초기화를 눌러 보세요.',
  },
});
