export { CobrowseBadge } from './badge/badge.component.js';
export { CobrowseControls } from './controls/controls.component.js';
export { CobrowseWidget } from './widget/widget.component.js';
export { getDefaultStore } from './default-store.js';
export { StoreController } from './store-controller.js';
export * from './events.js';
