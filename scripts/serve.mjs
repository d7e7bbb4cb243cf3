// `npm start`: serves the demo on a local dev server and prints where to open each page.
import { startDevServer } from '@web/dev-server';
import config from '../web-dev-server.config.mjs';

const server = await startDevServer({ config, readCliArgs: false, readFileConfig: false, logStartMessage: false });
const address = server.server.address();
const base = `http://${config.hostname}:${address.port}`;
console.log(`
cobrowse-widget demo
  customer site (script tag, strict CSP)  ${base}/demo/
  agent console (scenarios, timeline)     ${base}/demo/agent.html
  React 19 page                           ${base}/demo/react.html
  WebSocket relay                         ${base.replace('http', 'ws')}/demo-relay
(Ctrl+C to stop)`);
