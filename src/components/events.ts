import type { ParseError } from '../model/index.js';
import type { ActionDetail, SessionView } from '../store/index.js';

export type { ActionDetail, ActionName } from '../store/index.js';

/** Fired for user actions only (bubbles, composed, cancelable). `preventDefault()` stops the default handling. */
export type CobrowseActionEvent = CustomEvent<ActionDetail>;
/**
 * Fired by `<cobrowse-widget>` once it shows a change of the view: after its update, so once per update (a burst of
 * changes in one task is one event, `previous` being the view before the burst). `store.subscribe` hears each one.
 */
export type CobrowseStateEvent = CustomEvent<{ view: SessionView; previous: SessionView }>;
/** Fired by `<cobrowse-widget>` when its store rejects input. */
export type CobrowseErrorEvent = CustomEvent<ParseError>;

export const ACTION_EVENT = 'cobrowse-action';
export const STATE_EVENT = 'cobrowse-state';
export const ERROR_EVENT = 'cobrowse-error';

declare global {
  interface GlobalEventHandlersEventMap {
    'cobrowse-action': CobrowseActionEvent;
    'cobrowse-state': CobrowseStateEvent;
    'cobrowse-error': CobrowseErrorEvent;
  }
}
