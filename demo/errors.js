// Loaded first on every demo page: records console errors, uncaught errors and unhandled rejections, so the agent
// console can show them and the demo test can assert there are none.
(() => {
  const errors = (window.__demoErrors = []);
  const original = console.error.bind(console);
  console.error = (...args) => {
    errors.push(args.map(String).join(' '));
    original(...args);
  };
  window.addEventListener(
    'error',
    (event) => {
      const target = event.target;
      // In the capture phase, a script, stylesheet or image that failed to load arrives here too.
      if (target && target !== window) errors.push(`failed to load: ${target.src || target.href}`);
      else errors.push(`uncaught: ${event.message}`);
    },
    true,
  );
  window.addEventListener('unhandledrejection', (event) => errors.push(`unhandled rejection: ${event.reason}`));
  document.addEventListener('securitypolicyviolation', (event) =>
    errors.push(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
  );
})();
