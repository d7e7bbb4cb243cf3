/**
 * The session UI file, `dist/cobrowse-widget-ui-<hash>.min.js`: model, store and components, Lit and zod. The core
 * (`dist/cobrowse-widget.min.js`) loads it when a session can be shown and waits for it under `ATTACH`. The build
 * puts a guard in front of the bundle (rollup.config.mjs) that returns before Lit is evaluated when no core is
 * waiting, or when a session UI already attached: a second Lit would ask for a second 'lit-html' policy.
 */
import { ATTACH } from './loader/types.js';
import type { CobrowseWidgetApi } from './loader/types.js';
import { sessionUi } from './session-ui.js';

(window.CobrowseWidget as CobrowseWidgetApi)[ATTACH](sessionUi());
