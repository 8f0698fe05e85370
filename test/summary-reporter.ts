// Prints the plain closing line `N passed, M failed` after Vitest's own summary, for CI to read.
import type { Reporter, TestModule } from 'vitest/node';
import { mkdirSync, writeFileSync } from 'node:fs';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      if (mod.state() === 'failed' && mod.children.size === 0) failed++;
    }
    process.stdout.write(`\nunit: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
    // The end-to-end run reads this to print one total for the whole `npm test`.
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/unit-summary.json', JSON.stringify({ passed, failed, skipped }));
  }
}
