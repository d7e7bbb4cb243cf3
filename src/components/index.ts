export { CobrowseBadge } from './badge/badge.component.js';
export { getDefaultStore } from './default-store.js';
export { StoreController } from './store-controller.js';
