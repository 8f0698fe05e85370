// One Korean term per idea (issue 11): the seed's 공동 적응, 무작위 추측 수준, 실험실; never 공적응, 찍는 수준 or
// 찍는 것, 불안한 팀, 랩, 노이즈 (잡음 is the one word), 퍼짐 γ. Checked in every source file under src/, so
// a Korean string kept outside the message tables is covered too.
import { readFileSync } from 'node:fs';
import { sourceFiles } from './source-files.ts';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BANNED: [RegExp, string][] = [
  [/공적응/, '공동 적응'],
  [/찍는 (?:수준|것)/, '무작위 추측 수준'],
  [/불안한 팀/, '서로 없으면 제 역할을 못 하는 조합'],
  [/(?<![가-힣])랩(?![가-힣])|랩(?:에서|을|은|의|이)(?![가-힣])/, '실험실'],
  [/노이즈/, '잡음'],
  [/퍼짐 γ/, '표준편차 γ'],
];

export function termHits(text: string): string[] {
  return BANNED.flatMap(([re, use]) => (re.test(text) ? [`${re.source} → ${use}`] : []));
}


describe('Korean terms', () => {
  it('the check itself catches each banned form', () => {
    for (const bad of ['유닛의 공적응', '찍는 수준입니다', '클래스를 찍는 것', '불안한 팀', '이 랩에서', '랩을 열면', '노이즈를 더해', '퍼짐 γ']) {
      expect(termHits(bad), bad).not.toEqual([]);
    }
    for (const ok of ['공동 적응', '무작위 추측 수준', '실험실', '잡음', '표준편차 γ', '드랍아웃', '랩톱']) {
      expect(termHits(ok), ok).toEqual([]);
    }
  });

  it('no source file under src/ uses a banned form, and the lessons use 공동 적응', () => {
    const root = join(__dirname, '../../src');
    const files = sourceFiles(root).filter((f) => !/-data\.ts$/.test(f));
    const hits = files.flatMap((f) => termHits(readFileSync(f, 'utf8')).map((h) => `${f.slice(root.length + 1)}: ${h}`));
    expect(hits).toEqual([]);
    expect(readFileSync(join(root, 'lessons/content/ko/dropout.ts'), 'utf8')).toContain('공동 적응');
  });
});
