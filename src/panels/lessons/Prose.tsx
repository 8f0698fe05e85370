// A lesson paragraph: plain text with `code` and **strong** spans, or a typeset formula.
import type { ReactNode } from 'react';
import type { Block } from '../../lessons/structure.ts';
import { Formula } from '../../math/formulas.tsx';
import { NormAxes } from './NormAxes.tsx';
import type { Lang } from '../../i18n/index.ts';

const INLINE = /(`[^`]+`|\*\*[^*]+\*\*)/g;

export function inline(text: string): ReactNode[] {
  return text.split(INLINE).map((part, i) => {
    if (part.startsWith('`') && part.endsWith('`') && part.length > 1) return <code key={i}>{part.slice(1, -1)}</code>;
    if (part.startsWith('**') && part.endsWith('**') && part.length > 3) return <strong key={i}>{part.slice(2, -2)}</strong>;
    return part;
  });
}

export function Prose({ blocks, lang }: { blocks: readonly Block[]; lang: Lang }) {
  return (
    <>
      {blocks.map((b, i) =>
        typeof b === 'string' ? <p key={i}>{inline(b)}</p> : 'figure' in b ? <NormAxes key={i} lang={lang} /> : <Formula key={i} id={b.math} lang={lang} />,
      )}
    </>
  );
}
