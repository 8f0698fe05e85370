// Prints the plain closing line `e2e: N passed, M failed` after Playwright's own output, for CI to read.
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { existsSync, readFileSync, rmSync } from 'node:fs';

export default class SummaryReporter implements Reporter {
  private passed = 0;
  private failed = 0;
  private skipped = 0;
  private final = new Map<string, string>();

  onTestEnd(test: TestCase, result: TestResult): void {
    this.final.set(test.id, result.status);
  }

  onEnd(): void {
    for (const status of this.final.values()) {
      if (status === 'passed') this.passed++;
      else if (status === 'skipped') this.skipped++;
      else this.failed++;
    }
    process.stdout.write(`\ne2e: ${this.passed} passed, ${this.failed} failed${this.skipped ? `, ${this.skipped} skipped` : ''}\n`);
    // After a full `npm test`, one total line for unit, component and end-to-end tests together.
    const unitFile = 'test-results/unit-summary.json';
    if (existsSync(unitFile)) {
      const u = JSON.parse(readFileSync(unitFile, 'utf8')) as { passed: number; failed: number; skipped: number };
      // Read once: a later e2e-only run must not add an old unit run to its total.
      rmSync(unitFile);
      const skipped = u.skipped + this.skipped;
      process.stdout.write(`all: ${u.passed + this.passed} passed, ${u.failed + this.failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
    }
  }
}
