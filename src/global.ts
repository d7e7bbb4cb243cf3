/**
 * The script-tag entry: `dist/cobrowse-widget.min.js`, the always-on core (src/loader/). It installs the API and
 * loads the session UI file (`src/ui.ts`, built beside it) only when a session can be shown or the page asks.
 *
 * A second copy on the page never gets this far: the build puts a guard in front of the bundle (see
 * rollup.config.mjs) that returns when an API is already installed. This module is built into that file only.
 */
import { installCore } from './loader/core.js';
import { loadScript } from './loader/load-script.js';
import { VERSION } from './version.js';
// The session UI file's name and Subresource Integrity hash: a module the build writes after building that file.
import { UI_FILE, UI_INTEGRITY } from 'cobrowse-widget:ui-file';

// `currentScript` is this file's tag while it runs, async or not (and only then: so it is read now, nonce
// included); the selector is for the odd loader that evaluates the file some other way.
const script = (document.currentScript ??
  document.querySelector('script[src*="cobrowse-widget"]')) as HTMLScriptElement | null;
const nonce = script?.nonce ?? '';
// Beside the core, wherever it is served from (a CDN path with a version in it included), unless the tag says
// where: `data-ui-src`, relative to the page.
// Read now, resolved when needed (a `blob:` or odd `src` then fails as a load, which the core reports).
const override = script?.dataset.uiSrc;
const base = script?.src || document.baseURI;
const uiSrc = () => (override ? new URL(override, document.baseURI) : new URL(UI_FILE, base)).href;

installCore(script, {
  version: VERSION,
  loadUi: async () => loadScript({ src: uiSrc(), integrity: UI_INTEGRITY, nonce }),
});
