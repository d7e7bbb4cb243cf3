/**
 * The one-file build, `dist/cobrowse-widget.full.min.js`: the core and the session UI together, for a site that
 * wants no second request. The same API, data attributes and behaviour as the core, with the UI attached at once.
 */
import { installCore } from './loader/core.js';
import { sessionUi } from './session-ui.js';
import { VERSION } from './version.js';

// `currentScript` is this file's tag while it runs, async or not; the selector is for the odd loader that
// evaluates the file some other way.
const script = document.currentScript ?? document.querySelector('script[src*="cobrowse-widget"]');
installCore(script, { version: VERSION }).attach(sessionUi());
