// CSV problems in the learner's language: where (row, column and its name) and why.
import { translate, type Lang, type MessageKey, type Vars } from '../i18n/index.ts';
import type { CsvError } from './parse-csv.ts';

function where(lang: Lang, e: CsvError): string {
  const name = e.columnName ?? '';
  // Positions as plain digits: "Row 1,797, column 3" would read as three numbers.
  const row = String(e.row), column = String(e.column);
  if (e.row !== undefined && e.column !== undefined) return translate(lang, 'data.err.at.cell', { row, column, name });
  if (e.row !== undefined) return translate(lang, 'data.err.at.row', { row });
  if (e.column !== undefined) return translate(lang, 'data.err.at.column', { column, name });
  return '';
}

export function describeCsvError(lang: Lang, e: CsvError): string {
  const vars: Vars = { at: where(lang, e), value: e.value ?? '' };
  for (const k of ['expected', 'got', 'limit'] as const) if (e[k] !== undefined) vars[k] = e[k]!;
  return translate(lang, `data.err.${e.code}` satisfies MessageKey, vars);
}
