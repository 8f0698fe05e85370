// The translate function for the current language, for components. It changes identity when the
// language changes or more strings arrive, so a component re-renders with them.
import { useCallback, useSyncExternalStore } from 'react';
import { messagesVersion, onMessages, translate, type MessageKey, type Vars } from './index.ts';
import { useLab } from '../store/lab.ts';

export function useT(): (key: MessageKey, vars?: Vars) => string {
  const lang = useLab((s) => s.lang);
  const version = useSyncExternalStore(onMessages, messagesVersion);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- version: re-create when strings arrive
  return useCallback((key: MessageKey, vars?: Vars) => translate(lang, key, vars), [lang, version]);
}
