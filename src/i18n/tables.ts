// Every message table of the page, both languages, merged — for the type of a key, for tests and for
// Node scripts. The page itself never imports this file's values: it loads one language's tables at a
// time, in two parts (parts.ts), through the i18n-split build plugin (scripts/vite-i18n-split.ts).
import type { Lang, MessagePair } from './define.ts';
import app from './messages/app.ts';
import network from './messages/network.ts';
import output from './messages/output.ts';
import loss from './messages/loss.ts';
import batchnorm from './messages/batchnorm.ts';
import activations from './messages/activations.ts';
import lessonsUi from './messages/lessons-ui.ts';
import code from './messages/code.ts';
import controls from './messages/controls.ts';
import compare from './messages/compare.ts';
import classroom from './messages/classroom.ts';
import inference from './messages/inference.ts';
import exportMessages from './messages/export.ts';
import a11y from './messages/a11y.ts';
import a11yMore from './messages/a11y-more.ts';
import arrival from './messages/arrival.ts';
import trouble from './messages/trouble.ts';
import cnn from './messages/cnn.ts';
import cnnInspect from './messages/cnn-inspect.ts';

/** Each table by its file name under messages/ (parts.ts names them the same way). */
export const TABLES = {
  app,
  network,
  output,
  loss,
  batchnorm,
  activations,
  'lessons-ui': lessonsUi,
  code,
  controls,
  classroom,
  compare,
  export: exportMessages,
  inference,
  a11y,
  'a11y-more': a11yMore,
  arrival,
  trouble,
  cnn,
  'cnn-inspect': cnnInspect,
} as const;

export type TableName = keyof typeof TABLES;

type KeysOf<T> = T extends MessagePair<infer K> ? K : never;
export type MessageKey = KeysOf<(typeof TABLES)[TableName]>;

function merge(lang: Lang): Record<MessageKey, string> {
  return Object.assign({}, ...Object.values(TABLES).map((t) => t[lang])) as Record<MessageKey, string>;
}

/** Both languages, every key. */
export const allMessages: Record<Lang, Record<MessageKey, string>> = { en: merge('en'), ko: merge('ko') };
