// `npm run parity -- DIR`: runs every *.json fixture in DIR, prints each failing case's mismatches,
// ends with `N passed, M failed`, and exits 1 if any failed.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runFixture, type Fixture } from './parity-lib.ts';

export function main(args: string[]): number {
  const dir = resolve(args[0] ?? 'test/parity');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  // A wrong folder would otherwise print "0 passed, 0 failed" and exit 0: a check that checked nothing.
  if (files.length === 0) {
    console.log(`no *.json fixtures in ${dir}`);
    return 1;
  }
  let passed = 0, failed = 0;
  for (const f of files) {
    let res;
    try {
      res = runFixture(JSON.parse(readFileSync(join(dir, f), 'utf8')) as Fixture);
    } catch (e) {
      res = { name: f, failures: [`could not run: ${(e as Error).message}`] };
    }
    if (res.failures.length === 0) passed++;
    else {
      failed++;
      for (const msg of res.failures) console.log(`FAIL ${res.name}: ${msg}`);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}
