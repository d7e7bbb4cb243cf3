// `npm start`: serves the demo (and the built dist/ files it loads) on a local dev server, with the demo's
// WebSocket relay and its React bundle (scripts/demo-server.mjs). PORT picks the port (default 8000).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { demoServerPlugin } from './scripts/demo-server.mjs';

const port = Number(process.env.PORT ?? 8000);

export default {
  rootDir: '.',
  port,
  hostname: '127.0.0.1',
  appIndex: undefined,
  open: false,
  watch: false,
  nodeResolve: { exportConditions: ['production', 'browser'] },
  // target 'esnext': JavaScript (dist/ included) is served byte for byte, to any browser; only TypeScript is compiled.
  plugins: [esbuildPlugin({ ts: true, target: 'esnext', tsconfig: 'tsconfig.json' }), demoServerPlugin()],
  middleware: [
    function redirectRoot(context, next) {
      if (context.url === '/' || context.url === '/index.html') context.redirect('/demo/');
      return next();
    },
  ],
};
