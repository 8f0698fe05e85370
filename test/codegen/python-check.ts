// Checks that exported Python is well formed without needing torch or keras: a structural check that
// always runs (brackets balance, strings close, 4-space blocks open only after ':'), and Python's own
// parser when a python3 is on the machine.
import { spawnSync } from 'node:child_process';

const CLOSE: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** Code of one line with strings and the comment removed; `open` is true if a string does not close. */
function codeOf(line: string): { code: string; open: boolean } {
  let code = '';
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '#') break;
    if (c === '"' || c === "'") {
      quote = c;
      code += '_';
      continue;
    }
    code += c;
  }
  return { code, open: quote !== null };
}

export function pythonProblems(src: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let blockIndent = 0;
  let expectIndent = false;
  src.split('\n').forEach((line, n) => {
    const at = `line ${n + 1}`;
    if (line.includes('\t')) problems.push(`${at}: tab`);
    if (line !== line.trimEnd()) problems.push(`${at}: trailing space`);
    const { code, open } = codeOf(line);
    if (open) problems.push(`${at}: unterminated string`);
    if (code.trim() === '') return; // blank and comment-only lines do not take part in indentation
    const indent = line.length - line.trimStart().length;
    if (stack.length === 0) {
      if (indent % 4 !== 0) problems.push(`${at}: indent ${indent} is not a multiple of 4`);
      if (expectIndent && indent !== blockIndent + 4) problems.push(`${at}: block after ':' must indent by 4`);
      if (!expectIndent && indent > blockIndent) problems.push(`${at}: unexpected indent`);
      blockIndent = indent;
    }
    for (const c of code) {
      if (c === '(' || c === '[' || c === '{') stack.push(c);
      else if (c in CLOSE) {
        if (stack.pop() !== CLOSE[c]) problems.push(`${at}: unmatched '${c}'`);
      }
    }
    expectIndent = stack.length === 0 && code.trimEnd().endsWith(':');
  });
  if (stack.length > 0) problems.push(`end: ${stack.length} bracket(s) left open`);
  if (expectIndent) problems.push("end: ':' with no block");
  return problems;
}

/** Python's own parser over several sources in one interpreter: null when python3 is missing, else one
 *  entry per source, '' when it parses or the SyntaxError text. */
export function pythonSyntaxErrors(sources: string[]): string[] | null {
  const script = [
    'import ast, json, sys',
    'out = []',
    'for src in json.load(sys.stdin):',
    '    try:',
    '        ast.parse(src)',
    "        out.append('')",
    '    except SyntaxError as e:',
    '        out.append(str(e))',
    'print(json.dumps(out))',
  ].join('\n');
  const r = spawnSync('python3', ['-c', script], { input: JSON.stringify(sources), encoding: 'utf8' });
  if (r.error || r.status !== 0) return null;
  return JSON.parse(r.stdout) as string[];
}
