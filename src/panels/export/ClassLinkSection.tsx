// "Copy class link": a link that opens the lab at the open lesson step for a class, with the controls
// the teacher ticks hidden, presentation mode if chosen, and the step's set-up applied (or the lab's
// current settings, if the teacher prefers them). The link is shown, so it can be read and checked.
import { useId, useState } from 'react';
import { HIDEABLE_IDS, entry } from '../../protocol/hyperparams.ts';
import { classLink } from '../../url/class-link.ts';
import { useLab } from '../../store/lab.ts';
import { useLesson } from '../../store/lesson.ts';
import { useT } from '../../i18n/useT.ts';
import type { MessageKey, Vars } from '../../i18n/index.ts';
import { defineMessages } from '../../i18n/define.ts';
import { copyText } from '../code/copy.ts';
import { StatusLine, type Status } from './StatusLine.tsx';

// Its words live here, not in the page's message tables: the Files tab loads on demand, and the first
// screen's script stays within its size budget.
const TEXT = defineMessages({
  en: {
      'classLink.title': 'Link for a class',
      'classLink.hintStep': 'Opens the open lesson at step {step}, set up as that step sets it up.',
      'classLink.hintNoLesson': 'No lesson is open: the link opens the lab. Open a lesson step first to link to it.',
      'classLink.hide': 'Hide from the class',
      'classLink.present': 'Start in presentation mode',
      'classLink.settings': 'Carry the lab’s current settings instead of the step’s set-up',
      'classLink.link': 'Class link',
      'classLink.copy': 'Copy class link',
      'classLink.copied': 'Copied the class link.',
      'classLink.copyFailed': 'This browser did not allow copying: select the link above and copy it.',
  },
  ko: {
      'classLink.title': '수업용 링크',
      'classLink.hintStep': '지금 연 레슨의 {step}단계를 그 단계의 실험 준비대로 엽니다.',
      'classLink.hintNoLesson': '열린 레슨이 없어 링크는 실험실만 엽니다. 링크할 레슨 단계를 먼저 여세요.',
      'classLink.hide': '학생에게 숨길 컨트롤',
      'classLink.present': '발표 모드로 시작',
      'classLink.settings': '단계의 실험 준비 대신 지금 실험실 설정을 담기',
      'classLink.link': '수업용 링크',
      'classLink.copy': '수업용 링크 복사',
      'classLink.copied': '수업용 링크를 복사했습니다.',
      'classLink.copyFailed': '이 브라우저에서는 복사할 수 없습니다. 위 링크를 선택해 직접 복사하세요.',
  },
});
type Key = keyof (typeof TEXT)['en'];

function pageBase(): string {
  return typeof location === 'undefined' ? '' : location.origin + location.pathname;
}

export function ClassLinkSection() {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const tc = (key: Key, vars?: Vars) => TEXT[lang][key].replace(/\{(\w+)\}/g, (m, k: string) => (vars && k in vars ? String(vars[k]) : m));
  const labHide = useLab((s) => s.hide);
  const present = useLab((s) => s.present);
  const open = useLesson((s) => s.open);
  const [hide, setHide] = useState<readonly string[]>(labHide);
  const [presentOn, setPresent] = useState(present);
  const [withSettings, setWithSettings] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const titleId = useId(), fieldId = useId();
  const settings = () => {
    const s = useLab.getState();
    return { config: s.config, mode: s.mode, teach: s.teach };
  };
  const link = classLink(pageBase(), { lang, lesson: open, hide: HIDEABLE_IDS.filter((id) => hide.includes(id)), present: presentOn, settings: withSettings ? settings() : null });
  const toggle = (id: string, on: boolean) => setHide((h) => (on ? [...h, id] : h.filter((x) => x !== id)));

  return (
    <section className="export-section class-link" aria-labelledby={titleId}>
      <h3 id={titleId}>{tc('classLink.title')}</h3>
      <p className="export-hint">{open ? tc('classLink.hintStep', { step: open.step + 1 }) : tc('classLink.hintNoLesson')}</p>
      <fieldset className="class-link-hide">
        <legend>{tc('classLink.hide')}</legend>
        {HIDEABLE_IDS.map((id) => (
          <label key={id}>
            <input type="checkbox" checked={hide.includes(id)} onChange={(e) => toggle(id, e.target.checked)} />
            <span>{t(entry(id).label as MessageKey)}</span>
          </label>
        ))}
      </fieldset>
      <label className="class-link-opt">
        <input type="checkbox" checked={presentOn} onChange={(e) => setPresent(e.target.checked)} />
        <span>{tc('classLink.present')}</span>
      </label>
      <label className="class-link-opt">
        <input type="checkbox" checked={withSettings} onChange={(e) => setWithSettings(e.target.checked)} />
        <span>{tc('classLink.settings')}</span>
      </label>
      <label htmlFor={fieldId} className="class-link-label">
        {tc('classLink.link')}
      </label>
      <input id={fieldId} className="class-link-url" type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
      <div className="export-buttons">
        <button
          type="button"
          className="primary"
          onClick={async () => setStatus((await copyText(link)) ? { kind: 'ok', text: tc('classLink.copied') } : { kind: 'error', text: tc('classLink.copyFailed') })}
        >
          {tc('classLink.copy')}
        </button>
      </div>
      <StatusLine status={status} />
    </section>
  );
}
