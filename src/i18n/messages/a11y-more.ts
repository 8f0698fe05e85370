// Strings for assistive technology that load after the first screen: what Step and the unit
// inspector announce.
import { defineMessages } from '../define.ts';

export default defineMessages({
  en: {
    'say.stepDropped': 'Step {step} dropped {n} of {m} units for one training example.',
    'say.unit': 'Now showing {name}: {rows}.',
    'output.grid.regions': 'Separate regions per class: {list}.',
    'output.grid.regionsClass': 'class {k}: {n}',
  },
  ko: {
    'say.stepDropped': '스텝 {step}: 학습 예제 하나에 대해 유닛 {m}개 중 {n}개를 드롭했습니다.',
    'say.unit': '지금 보는 유닛: {name}. {rows}.',
    'output.grid.regions': '클래스별로 떨어진 영역 수: {list}.',
    'output.grid.regionsClass': '클래스 {k}: {n}개',
  },
});
