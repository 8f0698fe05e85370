// The whole state a share link carries — the lab config plus view, teaching and classroom state — and
// typed get/set by dotted path, so the table can point at any setting with one string.
import { DEFAULT_CONFIG, DEFAULT_TEACH, type LabConfig, type TeachFlags, type ViewMode } from './config.ts';

export type Lang = 'ko' | 'en';
export const LANGS: readonly Lang[] = ['ko', 'en'];

export interface LessonRef {
  id: string;
  step: number;
}

/** Everything the URL carries: the lab config plus view, teaching and classroom state. */
export interface LabState {
  config: LabConfig;
  mode: ViewMode;
  teach: TeachFlags;
  /** null: let the page pick from the browser's language. */
  lang: Lang | null;
  lesson: LessonRef | null;
  /** Control ids a teacher hid (table order, no repeats). */
  hide: string[];
  /** Presentation mode: large type, fewer panels. */
  present: boolean;
  /** One panel alone, for a course page's iframe (embed=loss …); null: the whole lab. */
  embed: EmbedPanel | null;
}

/** The panels a course page can embed alone. */
export const EMBED_PANELS = ['network', 'output', 'loss', 'batchnorm', 'activations', 'inference', 'compare'] as const;
export type EmbedPanel = (typeof EMBED_PANELS)[number];

export const DEFAULT_STATE: LabState = {
  config: DEFAULT_CONFIG,
  mode: 'training',
  teach: DEFAULT_TEACH,
  lang: null,
  lesson: null,
  hide: [],
  present: false,
  embed: null,
};

// ---- typed paths into LabState ------------------------------------------------------------------

type Leaf = number | string | boolean | readonly unknown[];
type Join<P extends string, K extends string> = P extends '' ? K : `${P}.${K}`;
/** Every dotted path to a leaf of T ('config.net.dropoutP', 'lesson.step', …). */
export type PathsOf<T, P extends string = ''> = {
  [K in keyof T & string]: NonNullable<T[K]> extends Leaf ? Join<P, K> : PathsOf<NonNullable<T[K]>, Join<P, K>>;
}[keyof T & string];
/** The value at a path; a nullable step on the way (lesson) makes the result nullable. */
export type ValueAt<T, P extends string> = P extends `${infer H}.${infer R}`
  ? H extends keyof T
    ? null extends T[H]
      ? ValueAt<NonNullable<T[H]>, R> | null
      : ValueAt<T[H], R>
    : never
  : P extends keyof T
    ? T[P]
    : never;
export type StatePath = PathsOf<LabState>;

export function getAt<P extends StatePath>(state: LabState, path: P): ValueAt<LabState, P> {
  let node: unknown = state;
  for (const key of path.split('.')) {
    if (node === null || node === undefined) return null as ValueAt<LabState, P>;
    node = (node as Record<string, unknown>)[key];
  }
  return node as ValueAt<LabState, P>;
}

/** A new state with one leaf replaced; objects along the path are copied, the rest is shared. */
export function setAt<P extends StatePath>(state: LabState, path: P, value: NonNullable<ValueAt<LabState, P>> | ValueAt<LabState, P>): LabState {
  const keys = path.split('.');
  const write = (node: unknown, i: number): unknown => {
    if (i === keys.length) return value;
    // Creating `lesson` from nothing would invent an id; callers set the whole lesson instead.
    if (node === null || typeof node !== 'object') throw new TypeError(`setAt: ${keys.slice(0, i).join('.')} is ${String(node)}`);
    const obj = node as Record<string, unknown>;
    return { ...obj, [keys[i]]: write(obj[keys[i]], i + 1) };
  };
  return write(state, 0) as LabState;
}
