// A Korean particle must never follow a {placeholder}: whether it is 을 or 를, 이 or 가, 은 or 는, 과 or
// 와, 으로 or 로 depends on the sound the filled-in value ends with, which the text cannot know
// ("{norm}을 거쳐" rendered "배치 정규화을"). The particle-free forms (에, 에서, 까지, 의 …) are ruled
// out too, so no one has to judge which particle is safe. What may follow a placeholder directly is a
// counter or bound noun (개, 번째, 행, 스텝 …), which a particle can then follow.
//
// Checked twice: every Korean string the app shows at run time (the message tables, the experiments'
// texts, the lessons), and every source file under src/ as text, so a Korean string kept anywhere else
// is covered too.
import { readFileSync } from 'node:fs';
import { sourceFiles } from './source-files.ts';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/index.ts';
import { xpMessages } from '../../src/panels/experiments/text.ts';
import ko from '../../src/lessons/content/ko.ts';

const COUNTERS = ['개', '번째', '번', '행', '배', '단계', '층', '열', '초', '스텝', '차원', '명', '회', '줄', '칸', '점', '가지'];
/** A placeholder followed directly by Hangul that does not begin with a counter. */
const PARTICLE_AFTER_PLACEHOLDER = new RegExp(`\\{\\w+\\}(?!${COUNTERS.join('|')})[\\uac00-\\ud7a3]+`, 'g');

export function particleHits(text: string): string[] {
  return text.match(PARTICLE_AFTER_PLACEHOLDER) ?? [];
}

function strings(x: unknown, out: string[] = []): string[] {
  if (typeof x === 'string') out.push(x);
  else if (x && typeof x === 'object') for (const v of Object.values(x)) strings(v, out);
  return out;
}


describe('Korean particles after placeholders', () => {
  it('the check itself: catches each kind of particle, lets counters through', () => {
    for (const bad of ['{norm}을 거쳐', '{a}와 {b}', '{x}로 나누고', '{seed}에서', '{q25}부터', '{n}의 값', '{v}입니다', '{loss}이(가)']) {
      expect(particleHits(bad), bad).not.toEqual([]);
    }
    for (const ok of ['{n}개를', '{step}번째 스텝', '{rows}행', '{v}배', '{norm} 층을 거쳐', '({keep})으로', '{n} 스텝']) {
      expect(particleHits(ok), ok).toEqual([]);
    }
  });

  it('none in any Korean message, experiment text or lesson', () => {
    const all = [...strings(messages.ko), ...strings(xpMessages.ko), ...strings(ko)];
    expect(all.length).toBeGreaterThan(500);
    expect(all.flatMap(particleHits)).toEqual([]);
  });

  it('none anywhere in the sources', () => {
    const root = join(__dirname, '../../src');
    const hits = sourceFiles(root).flatMap((f) => particleHits(readFileSync(f, 'utf8')).map((h) => `${f.slice(root.length + 1)}: ${h}`));
    expect(hits).toEqual([]);
  });
});
