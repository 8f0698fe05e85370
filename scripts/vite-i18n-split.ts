// Build plugin: src/i18n/split/<lang>-<part>.ts becomes one language's half of the part's message
// tables (src/i18n/part-tables.ts, src/i18n/messages/<table>.ts), merged into one object. Each table
// file keeps both languages side by side (defineMessages({ en: {…}, ko: {…} }), so a missing
// translation fails the type check), while the page downloads only the language it shows.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAst, type Plugin } from 'vite';
import { PART_TABLES, type Part } from '../src/i18n/part-tables.ts';

interface Node {
  type: string;
  start: number;
  end: number;
  [k: string]: unknown;
}

/** The source text of the `lang` object literal inside a message file's `defineMessages({ … })`. */
export function languageHalf(source: string, lang: string, file = 'messages.ts'): string {
  const ast = parseAst(source, { lang: 'ts' }, file) as unknown as { body: Node[] };
  const decl = ast.body.find((n) => n.type === 'ExportDefaultDeclaration') as Node | undefined;
  const call = decl?.declaration as Node | undefined;
  const arg = call?.type === 'CallExpression' ? ((call.arguments as Node[])[0] as Node) : undefined;
  if (!arg || arg.type !== 'ObjectExpression') throw new Error(`${file}: expected export default defineMessages({ en: {…}, ko: {…} })`);
  for (const p of arg.properties as Node[]) {
    const key = p.key as Node & { name?: string; value?: string };
    if (p.type === 'Property' && (key.name ?? key.value) === lang) {
      const value = p.value as Node;
      if (value.type !== 'ObjectExpression') throw new Error(`${file}: '${lang}' is not an object literal`);
      return source.slice(value.start, value.end);
    }
  }
  throw new Error(`${file}: no '${lang}' table`);
}

export function i18nSplit(messagesDir = 'src/i18n/messages', splitDir = 'src/i18n/split'): Plugin {
  const dir = resolve(messagesDir);
  const split = resolve(splitDir);
  return {
    name: 'i18n-split',
    enforce: 'pre',
    load(id) {
      const m = /^(.*)[\\/]([a-z]{2})-(\w+)\.ts$/.exec(id.split('?')[0]);
      if (!m || resolve(m[1]) !== split || !(m[3] in PART_TABLES)) return undefined;
      const [, , lang, part] = m;
      const halves = PART_TABLES[part as Part].map((name) => {
        const file = resolve(dir, `${name}.ts`);
        this.addWatchFile(file);
        return languageHalf(readFileSync(file, 'utf8'), lang, file);
      });
      return `export default Object.assign({}, ${halves.join(',\n')});\n`;
    },
  };
}
