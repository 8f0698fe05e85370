// The README lists every name a teacher's hide= takes, so the documentation cannot fall behind the table.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { HIDEABLE_IDS } from '../../src/protocol/hyperparams.ts';

test('README names every hide= value', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('Every name `hide=` takes'));
  for (const id of HIDEABLE_IDS) expect(section, id).toContain(`\`${id}\``);
});
