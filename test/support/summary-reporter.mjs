// Prints the closing line CI reads, `N passed, N failed[, N skipped]`, and writes it to test-results/summary.txt.
// A test file that failed to load (a syntax error, a 404) counts as one failure, so it can never pass unseen.
import { mkdirSync, writeFileSync } from 'node:fs';

function count(suite, totals) {
  if (!suite) return;
  for (const test of suite.tests) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite.suites) count(child, totals);
}

export function summaryReporter({ file = 'test-results/summary.txt' } = {}) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        const before = totals.failed + totals.passed;
        count(session.testResults, totals);
        const ran = totals.failed + totals.passed - before;
        if (session.errors.length > 0 || (!session.passed && ran === 0)) totals.failed++;
      }
      const line =
        `${totals.passed} passed, ${totals.failed} failed` + (totals.skipped ? `, ${totals.skipped} skipped` : '');
      mkdirSync(file.replace(/\/[^/]*$/, ''), { recursive: true });
      writeFileSync(file, `${line}\n`);
      console.log(`\ntests: ${line}`);
    },
  };
}
