/** What the core needs to load the session UI file the way the page's policies require. */
export interface ScriptSettings {
  /** Absolute URL of the session UI file. */
  src: string;
  /** The Subresource Integrity hash the build computed for it (`sha384-...`). */
  integrity: string;
  /** The core's own nonce (`document.currentScript.nonce`, read when the core ran), or ''. */
  nonce: string;
}

interface TrustedTypesWindow {
  trustedTypes?: {
    createPolicy(
      name: string,
      rules: { createScriptURL(url: string): string },
    ): {
      createScriptURL(url: string): unknown;
    };
  };
}

/** The Trusted Types policy a page allows by name (`trusted-types lit-html cobrowse-widget`). */
export const POLICY_NAME = 'cobrowse-widget';

let policy: { createScriptURL(url: string): unknown } | undefined;

/**
 * The URL as the page's Trusted Types policy wants a script URL: through our policy where the browser has Trusted
 * Types. The policy object never leaves this module, and this module gives it only the URL the core computed
 * from its own `src` (or `data-ui-src`), so it needs no check of its own. Created on first use: a page that never
 * loads the UI never sees the policy. Throws, naming the policy, when the page's CSP does not allow it.
 */
function trustedScriptUrl(url: string): unknown {
  const { trustedTypes } = window as TrustedTypesWindow;
  if (!trustedTypes) return url;
  try {
    policy ??= trustedTypes.createPolicy(POLICY_NAME, { createScriptURL: (value) => value });
  } catch {
    throw new Error(`the page's CSP does not allow the Trusted Types policy "${POLICY_NAME}"`);
  }
  return policy.createScriptURL(url);
}

/**
 * Adds one classic `<script>` for the session UI: async, with the nonce, the integrity hash and `crossorigin`
 * (SRI needs a CORS fetch, which a CDN serving `Access-Control-Allow-Origin: *` gives). Resolves when it has run,
 * rejects with the reason it did not (blocked by CSP, 404, integrity mismatch, offline all surface as `error`: the
 * browser does not say which).
 */
export function loadScript({ src, integrity, nonce }: ScriptSettings): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.async = true;
    if (nonce) script.nonce = nonce;
    script.integrity = integrity;
    // SRI needs a CORS fetch.
    script.crossOrigin = 'anonymous';
    try {
      // The DOM's typing has no TrustedScriptURL; the browser accepts it where a string would be refused.
      (script as { src: unknown }).src = trustedScriptUrl(src);
    } catch (error) {
      reject(error);
      return;
    }
    // (The element stays, as a loader's script tags do; a retry adds another.)
    script.onload = () => resolve();
    script.onerror = () => {
      reject(new Error(`${src} did not load (blocked, not found, offline, or not matching its integrity hash)`));
    };
    document.head.append(script);
  });
}
