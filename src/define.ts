/**
 * `cobrowse-widget/define.js`: importing it registers `<cobrowse-badge>`, `<cobrowse-controls>` and
 * `<cobrowse-widget>` (the package's only side effect besides the script-tag file; see `sideEffects`).
 */
import { defineAll } from './define-all.js';

export * from './index.js';

defineAll();
