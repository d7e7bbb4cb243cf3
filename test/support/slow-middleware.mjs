// `/slow/<ms>/<path>`: serves `/<path>` after `ms` milliseconds, so a test can hold the session UI file back while
// it checks what the page does meanwhile (e.g. `data-ui-src="/slow/800/dist/cobrowse-widget-ui-....min.js"`).
export function slowMiddleware() {
  return async (context, next) => {
    const match = /^\/slow\/(\d+)(\/.*)$/.exec(context.path);
    if (match) {
      await new Promise((resolve) => setTimeout(resolve, Number(match[1])));
      context.url = match[2];
    }
    return next();
  };
}
