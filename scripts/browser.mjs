// Finds a Chrome or Chromium for the tests and the benchmark: CHROME_PATH first, then the usual install
// locations, then PATH. Never downloads a browser.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { delimiter, join } from 'node:path';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];
const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

export const INSTALL_HINT =
  'No Chrome or Chromium found. Install one (Debian/Ubuntu: sudo apt-get install -y chromium; macOS: install Google Chrome) or set CHROME_PATH to its executable.';

export function findBrowser() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  for (const path of CANDIDATES) if (existsSync(path)) return path;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of NAMES) {
      const path = join(dir, name);
      if (dir && existsSync(path)) return path;
    }
  }
  return undefined;
}

export const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Flags for a headless run on a closed network; --no-sandbox only as root, where Chromium refuses to start without it. */
export function browserArgs() {
  return [
    ...(isRoot() ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
  ];
}

/** Installs Debian's chromium when there is no browser and we are root with apt-get; otherwise says what to do. */
export function ensureBrowser({ install = true } = {}) {
  let path = findBrowser();
  if (path) return path;
  if (process.env.CHROME_PATH) {
    throw new Error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, which does not exist. ${INSTALL_HINT}`);
  }
  const hasApt = existsSync('/usr/bin/apt-get');
  if (install && isRoot() && hasApt) {
    console.log('No browser found: installing Debian chromium (apt-get install -y chromium)...');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    path = findBrowser();
    if (path) return path;
  }
  throw new Error(INSTALL_HINT);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(ensureBrowser({ install: !process.argv.includes('--find-only') }));
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
