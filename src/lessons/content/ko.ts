// 한국어 레슨. 영어판과 같은 구조(LessonsText)를 따르므로 단계나 선택지가 하나라도 빠지면 타입 검사에서
// 실패합니다. 답에 나오는 수치는 각 단계의 설정 그대로 엔진에서 잰 값입니다(따로 적지 않으면 시드 1).
import type { LessonsText } from '../structure.ts';
import { overfitting } from './ko/overfitting.ts';
import { dropout } from './ko/dropout.ts';
import { batchnorm } from './ko/batchnorm.ts';
import { compare } from './ko/compare.ts';
import { both } from './ko/both.ts';
import { where } from './ko/where.ts';
import { code } from './ko/code.ts';
import { faq } from './ko/faq.ts';
import { conclusion } from './ko/conclusion.ts';

const ko: LessonsText = {
  lessons: {
    overfitting: { title: '과적합과 정규화', summary: '학습 데이터는 완벽하게 맞히는데 새 데이터에서는 틀리는 이유.' },
    dropout: { title: '드롭아웃', summary: '학습 중에 유닛을 무작위로 끄는 방법과, 스케일을 올바르게 맞추는 법.' },
    batchnorm: { title: '배치 정규화', summary: '배치 안에서 특성마다 정규화하기: 세 단계, 이동 평균 통계, 그리고 실제로 도움이 되는 경우.' },
    compare: { title: '드롭아웃과 배치 정규화 비교', summary: '네 가지 실험을 나란히 돌리고, 직접 잰 숫자로 표를 채웁니다.' },
    both: { title: '둘을 함께 쓰기', summary: '배치 정규화 앞의 드롭아웃이 왜 해가 될 수 있는지: 분산 이동.' },
    where: { title: '어디에 쓰이나', summary: 'CNN, 트랜스포머, 그리고 레이어 정규화.' },
    code: { title: '코드로 보기', summary: '내 모델을 PyTorch와 Keras 코드로, 그리고 꼭 알아야 할 차이.' },
    faq: { title: '자주 묻는 질문 세 가지', summary: '학습 때만? 추론 때는? 함께 써도 될까?' },
    conclusion: { title: '마무리', summary: '재생을 누르기 전에, 스위치 하나하나가 무엇을 할지 예측하기.' },
  },
  steps: { ...overfitting, ...dropout, ...batchnorm, ...compare, ...both, ...where, ...code, ...faq, ...conclusion },
};

export default ko;
