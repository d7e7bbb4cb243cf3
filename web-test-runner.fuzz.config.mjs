// `npm run fuzz`: the model's property suite with 100x the cases (FUZZ_SCALE is read by the test page).
import config from './web-test-runner.config.mjs';

const scale = Number(process.env.FUZZ_SCALE ?? 100);

export default {
  ...config,
  files: ['test/model/properties.test.ts'],
  testFramework: { config: { timeout: 0 } },
  testsFinishTimeout: 60 * 60 * 1000,
  testRunnerHtml: (framework) =>
    `<html><body><script>globalThis.FUZZ_SCALE = ${scale};</script><script type="module" src="${framework}"></script></body></html>`,
};
