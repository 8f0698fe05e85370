// The translate function for the current language, for components.
import { useCallback } from 'react';
import { translate, type MessageKey, type Vars } from './index.ts';
import { useLab } from '../store/lab.ts';

export function useT(): (key: MessageKey, vars?: Vars) => string {
  const lang = useLab((s) => s.lang);
  return useCallback((key: MessageKey, vars?: Vars) => translate(lang, key, vars), [lang]);
}
