// Strings of the code panel: the PyTorch / Keras tabs, copying, and the framework notes.
import { defineMessages } from '../define.ts';

export default defineMessages({
  en: {
    'code.title': 'Your model as code',
    'code.intro': 'The network you built, updated with every change. Paste it into a file and run it.',
    'code.tabs': 'Framework',
    'code.pytorch': 'PyTorch',
    'code.keras': 'Keras',
    'code.copy': 'Copy code',
    'code.copied': 'Copied',
    'code.copyFailed': 'Could not copy. Select the code and copy it by hand.',
    'code.noteModes': 'Modes: PyTorch switches with model.train() and model.eval(); Keras passes training=True or False (fit trains, predict and evaluate infer).',
    'code.noteMomentum': 'BN momentum: Keras counts from the other side. PyTorch momentum {torch} is Keras momentum {keras}; Keras’ default 0.99 would be PyTorch 0.01, a much slower average.',
    'code.noteDropout': 'Dropout: both frameworks use inverted dropout (divide by 1 − p while training).',
    'code.error': 'This network cannot be written as code yet: {message}',
    'code.label': '{framework} code',
    'code.noteLanguage': 'The comments in the code stay in English in every language of the page: they use the words of the PyTorch and Keras documentation and error messages they point to, and a file shared in class reads the same for everyone.',
  },
  ko: {
    'code.title': '내 모델을 코드로',
    'code.intro': '직접 만든 네트워크입니다. 설정을 바꿀 때마다 함께 바뀝니다. 파일에 붙여 넣고 그대로 실행해 보세요.',
    'code.tabs': '프레임워크',
    'code.pytorch': 'PyTorch',
    'code.keras': 'Keras',
    'code.copy': '코드 복사',
    'code.copied': '복사했습니다',
    'code.copyFailed': '복사하지 못했습니다. 코드를 선택해서 직접 복사해 주세요.',
    'code.noteModes': '모드 전환: PyTorch는 model.train()과 model.eval()로, Keras는 training=True 또는 False로 바꿉니다(fit은 학습, predict와 evaluate는 추론).',
    'code.noteMomentum': 'BN 모멘텀: Keras는 반대쪽에서 셉니다. PyTorch 모멘텀 {torch} = Keras 모멘텀 {keras}. Keras 기본값 0.99는 PyTorch로 치면 0.01로, 훨씬 느리게 움직이는 평균입니다.',
    'code.noteDropout': '드롭아웃: 두 프레임워크 모두 역 드롭아웃(학습 중에 1 − p로 나눔)을 씁니다.',
    'code.error': '이 네트워크는 아직 코드로 옮길 수 없습니다: {message}',
    'code.label': '{framework} 코드',
    'code.noteLanguage': '코드 속 주석은 한국어 화면에서도 영어로 둡니다. 주석이 가리키는 PyTorch와 Keras의 문서, 오류 메시지가 영어로 되어 있어 같은 낱말로 찾아볼 수 있고, 수업에서 나눈 파일이 누구에게나 똑같이 읽히기 때문입니다.',
  },
});
