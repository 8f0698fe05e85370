// Tiny MathML building blocks as React components. Browsers typeset MathML natively (Chromium 109+,
// Firefox, Safari), so formulas need no script, font service or network. React creates the elements
// in the MathML namespace because they sit inside <math>; its JSX types do not list MathML tags, so
// the elements are made with createElement.
import { createElement, type ReactNode } from 'react';

type Props = { children?: ReactNode };

function el(tag: string, attrs: Record<string, string> | null, ...children: ReactNode[]) {
  return createElement(tag, attrs, ...children);
}

/** A formula on its own line. `label` gives assistive technology a spoken form when needed. */
export function MathBlock({ children, label }: Props & { label?: string }) {
  return el('math', { display: 'block', ...(label ? { 'aria-label': label } : {}) }, children);
}

export function MathInline({ children }: Props) {
  return el('math', null, children);
}

/** An identifier (italic when it is a single letter, as MathML does by default). */
export function Mi({ children, normal }: Props & { normal?: boolean }) {
  return el('mi', normal ? { mathvariant: 'normal' } : null, children);
}

export function Mn({ children }: Props) {
  return el('mn', null, children);
}

export function Mo({ children }: Props) {
  return el('mo', null, children);
}

export function Mtext({ children }: Props) {
  return el('mtext', null, children);
}

export function Row({ children }: Props) {
  return el('mrow', null, children);
}

export function Frac({ num, den }: { num: ReactNode; den: ReactNode }) {
  return el('mfrac', null, el('mrow', null, num), el('mrow', null, den));
}

export function Sqrt({ children }: Props) {
  return el('msqrt', null, children);
}

export function Sub({ base, sub }: { base: ReactNode; sub: ReactNode }) {
  return el('msub', null, el('mrow', null, base), el('mrow', null, sub));
}

export function Sup({ base, sup }: { base: ReactNode; sup: ReactNode }) {
  return el('msup', null, el('mrow', null, base), el('mrow', null, sup));
}

export function SubSup({ base, sub, sup }: { base: ReactNode; sub: ReactNode; sup: ReactNode }) {
  return el('msubsup', null, el('mrow', null, base), el('mrow', null, sub), el('mrow', null, sup));
}

/** Σ with limits below and above. */
export function Sum({ from, to }: { from: ReactNode; to: ReactNode }) {
  return el('munderover', null, el('mo', null, '∑'), el('mrow', null, from), el('mrow', null, to));
}

/** A hat accent over its argument (x̂). */
export function Hat({ children }: Props) {
  return el('mover', { accent: 'true' }, el('mrow', null, children), el('mo', { stretchy: 'false' }, '\u02C6'));
}

/** Brackets that stretch to their content. */
export function Paren({ children, open = '(', close = ')' }: Props & { open?: string; close?: string }) {
  return el('mrow', null, el('mo', null, open), children, el('mo', null, close));
}

/** Horizontal space, in em. */
export function Space({ em = 1 }: { em?: number }) {
  return el('mspace', { width: `${em}em` });
}
