// `npm start`: serves the demo on a local dev server and prints where to open it.
import { startDevServer } from '@web/dev-server';
import config from '../web-dev-server.config.mjs';

const server = await startDevServer({ config, readCliArgs: false, readFileConfig: false, logStartMessage: false });
const address = server.server.address();
const base = `http://${config.hostname}:${address.port}`;
console.log(`\ncobrowse-widget demo: ${base}/demo/\n(Ctrl+C to stop)`);
