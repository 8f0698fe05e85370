// A lesson paragraph: plain text with `code`, **strong** and [look-at](#target) spans, or a typeset formula.
import type { ReactNode } from 'react';
import type { Block } from '../../lessons/structure.ts';
import { isLookTarget, type LookTarget } from '../../lessons/look.ts';
import { Formula } from '../../math/formulas.tsx';
import { NormAxes } from './NormAxes.tsx';
import type { Lang } from '../../i18n/index.ts';
import { useT } from '../../i18n/useT.ts';
import { lookAt } from './look-at.ts';

const INLINE = /(`[^`]+`|\*\*[^*]+\*\*|\[[^\]]+\]\(#[a-z0-9-]+\))/g;
const LINK = /^\[([^\]]+)\]\(#([a-z0-9-]+)\)$/;

/** A link to a place in the lab: scrolls there and marks it, the lesson staying where it is. */
export function LookLink({ target, children }: { target: LookTarget; children: ReactNode }) {
  const t = useT();
  return (
    <a
      href={`#look-${target}`}
      className="look-link"
      data-target={target}
      onClick={(e) => {
        e.preventDefault();
        void lookAt(target, t('lessons.lookHere'));
      }}
    >
      {children}
    </a>
  );
}

export function inline(text: string): ReactNode[] {
  return text.split(INLINE).map((part, i) => {
    if (part.startsWith('`') && part.endsWith('`') && part.length > 1) return <code key={i}>{part.slice(1, -1)}</code>;
    if (part.startsWith('**') && part.endsWith('**') && part.length > 3) return <strong key={i}>{part.slice(2, -2)}</strong>;
    const m = LINK.exec(part);
    if (m) {
      // An unknown target stays plain words (a content test rejects it before it ships).
      return isLookTarget(m[2]) ? (
        <LookLink key={i} target={m[2]}>
          {inline(m[1])}
        </LookLink>
      ) : (
        m[1]
      );
    }
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
