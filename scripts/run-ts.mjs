// Runs a TypeScript entry under Node 20 (no type stripping) through Vite's own module runner.
import { runnerImport } from 'vite';
import { resolve } from 'node:path';

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs FILE.ts [args...]');
  process.exit(2);
}
process.argv = [process.argv[0], resolve(entry), ...rest];
const { module } = await runnerImport(resolve(entry));
if (typeof module.main === 'function') {
  const code = await module.main(rest);
  process.exitCode = typeof code === 'number' ? code : 0;
}
