// `npm test` after the build: the browser tests (web-test-runner), then the Node tests (`node --test test/node/`),
// then one closing line with the combined totals, `N passed, N failed[, N skipped]`, also written to
// test-results/summary.txt for CI. Both suites always run; the exit code is non-zero when either failed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const SUMMARY = 'test-results/summary.txt';
const NODE_TAP = 'test-results/node.tap';
const forward = process.argv.slice(2);

mkdirSync('test-results', { recursive: true });
rmSync(SUMMARY, { force: true });
const wtr = spawnSync(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', ...forward], {
  stdio: 'inherit',
});
const browser = { passed: 0, failed: 0, skipped: 0 };
try {
  const [, passed, failed, , skipped] = /(\d+) passed, (\d+) failed(, (\d+) skipped)?/.exec(
    readFileSync(SUMMARY, 'utf8'),
  );
  Object.assign(browser, { passed: +passed, failed: +failed, skipped: +(skipped ?? 0) });
} catch {
  browser.failed = 1; // wtr died before its reporter wrote the totals
}

const node = spawnSync(
  process.execPath,
  [
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${NODE_TAP}`,
    'test/node/',
  ],
  { stdio: 'inherit' },
);
const tap = (() => {
  try {
    return readFileSync(NODE_TAP, 'utf8');
  } catch {
    return '';
  }
})();
const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
const nodeTotals = { passed: count('pass'), failed: count('fail') + count('cancelled'), skipped: count('skipped') };
if (node.status !== 0 && nodeTotals.failed === 0) nodeTotals.failed = 1;

const total = (key) => browser[key] + nodeTotals[key];
const line =
  `${total('passed')} passed, ${total('failed')} failed` + (total('skipped') ? `, ${total('skipped')} skipped` : '');
writeFileSync(SUMMARY, `${line}\n`);
console.log(
  `\nbrowser: ${browser.passed} passed, ${browser.failed} failed; node: ${nodeTotals.passed} passed, ${nodeTotals.failed} failed`,
);
console.log(`tests: ${line}`);
process.exit(wtr.status === 0 && node.status === 0 && total('failed') === 0 ? 0 : 1);
