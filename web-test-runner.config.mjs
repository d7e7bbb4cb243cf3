// Every test runs in real headless Chromium (Debian's, or CHROME_PATH), with Lit's development build.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { browserArgs, ensureBrowser } from './scripts/browser.mjs';
import { summaryReporter } from './test/support/summary-reporter.mjs';
import { wsServerPlugin } from './test/support/ws-servers.mjs';
import { reactPlugin } from './test/support/react-plugin.mjs';
import { verbatimPlugin } from './test/support/verbatim-plugin.mjs';
import { slowMiddleware } from './test/support/slow-middleware.mjs';
import { demoServerPlugin } from './scripts/demo-server.mjs';

let executablePath;
try {
  executablePath = ensureBrowser({ install: !process.env.NO_BROWSER_INSTALL });
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

export default {
  // Several checkouts may test at once on one machine: WTR_PORT gives each its own port.
  ...(process.env.WTR_PORT ? { port: Number(process.env.WTR_PORT) } : {}),
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development', 'browser'] },
  // demoServerPlugin: the demo's WebSocket relay and React bundle, so test/demo meets what `npm start` serves.
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    wsServerPlugin(),
    reactPlugin(),
    verbatimPlugin(),
    demoServerPlugin(),
  ],
  middleware: [slowMiddleware()],
  // Every test file starts with the tab's sessionStorage empty: the runner reuses tabs, and a frame that showed a
  // session leaves its snapshot for the next page of the origin (issue 14's continuity, working as designed).
  testRunnerHtml: (framework) =>
    `<html><body><script>sessionStorage.clear()</script><script type="module" src="${framework}"></script></body></html>`,
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, headless: true, args: browserArgs() },
    }),
  ],
  concurrency: 2,
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 5 * 60 * 1000,
  reporters: [defaultReporter(), summaryReporter()],
};
