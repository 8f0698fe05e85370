// Strings for assistive technology: what the page announces, and the shortcut switch.
import { defineMessages } from '../define.ts';

export default defineMessages({
  en: {
    'say.started': 'Training started at step {step}.',
    'say.paused': 'Paused at step {step}.',
    'say.restarted': 'Restarted from step 0 (seed {seed}).',
    // Shown by the Loss, BN and Activations panels while training runs before their first figures.
    'chart.loss.waiting': 'Training (step {step}): this fills in after the first evaluations.',
    'keys.enabled': 'Single-key shortcuts',
    'keys.enabledHint': 'Off: letter, Space and bracket keys do nothing on the page; every control still works with Tab, Enter and the arrows.',
  },
  ko: {
    'say.started': '학습을 시작했습니다. 스텝 {step}.',
    'say.paused': '일시 정지했습니다. 스텝 {step}.',
    'say.restarted': '스텝 0부터 다시 시작했습니다. 시드 {seed}.',
    'chart.loss.waiting': '학습 중입니다(스텝 {step}). 첫 평가가 끝나면 채워집니다.',
    'keys.enabled': '한 키 단축키',
    'keys.enabledHint': '끄면 글자, 스페이스, 대괄호 키가 페이지에서 아무 일도 하지 않습니다. 모든 컨트롤은 Tab, Enter, 화살표 키로 그대로 쓸 수 있습니다.',
  },
});
