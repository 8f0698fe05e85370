// Lesson prose is long, so each language loads as its own chunk, on first use.
import { useEffect, useState } from 'react';
import type { Lang } from '../i18n/index.ts';
import type { LessonsText } from './structure.ts';

const cache: Partial<Record<Lang, LessonsText>> = {};

const loaders: Record<Lang, () => Promise<{ default: LessonsText }>> = {
  en: () => import('./content/en.ts'),
  ko: () => import('./content/ko.ts'),
};

export async function loadLessonsText(lang: Lang): Promise<LessonsText> {
  const hit = cache[lang];
  if (hit) return hit;
  const text = (await loaders[lang]()).default;
  cache[lang] = text;
  return text;
}

/** The lessons in `lang`, or null while they load. */
export function useLessonsText(lang: Lang): LessonsText | null {
  const [loaded, setLoaded] = useState<{ lang: Lang; text: LessonsText } | null>(() => {
    const hit = cache[lang];
    return hit ? { lang, text: hit } : null;
  });
  useEffect(() => {
    let live = true;
    if (cache[lang]) setLoaded({ lang, text: cache[lang] });
    else void loadLessonsText(lang).then((text) => live && setLoaded({ lang, text }));
    return () => {
      live = false;
    };
  }, [lang]);
  return loaded && loaded.lang === lang ? loaded.text : (cache[lang] ?? null);
}
