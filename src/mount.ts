import type { MountOptions } from './loader/types.js';
import type { SessionStore } from './store/index.js';

/**
 * Places the one floating `<cobrowse-widget>` that `CobrowseWidget.mount` made. The core creates the element (so
 * `mount` returns it at once, before the UI is there: an undefined custom element is empty and inert) and hands
 * it here when the session UI attaches, which is the first moment it can show anything.
 */
export interface Mounter {
  mount(element: HTMLElement, options: MountOptions): void;
  unmount(): void;
}

/** Popover (the top layer) where the browser has it; without it, fixed positioning under `<html>` is safer. */
const hasPopover = () => Object.hasOwn(HTMLElement.prototype, 'popover');

/**
 * While a session is shown, the widget comes back the moment the host removes it (a router replacing `<body>`, a
 * container cleared): a MutationObserver callback runs at the end of the task that removed it, before the next
 * frame is painted. No observer while idle, so an idle page pays nothing; `unmount` is the only way to remove it
 * for good.
 */
export function createMounter(store: SessionStore): Mounter {
  let element: HTMLElement | undefined;
  let options: MountOptions = {};
  let observer: MutationObserver | undefined;

  const parentFor = (): Element | null => {
    const { container } = options;
    if (typeof container === 'string') return document.querySelector(container);
    if (container) return container.isConnected ? container : null;
    return hasPopover() ? document.body : document.documentElement;
  };

  /** Puts the element where it belongs; false while that place does not exist (yet). */
  const place = (): boolean => {
    const parent = parentFor();
    if (!element || !parent) return false;
    // Only when it moves: re-appending would disconnect it, and so reset its state, for nothing.
    if (element.parentNode !== parent) parent.append(element);
    return true;
  };

  const restore = () => {
    // The configured container may be gone with the old body: the document holds the widget until it is back.
    if (element && !element.isConnected && !place()) document.documentElement.append(element);
  };

  const watch = () => {
    const active = !!element && store.getState().connection !== 'idle';
    if (active && !observer) {
      observer = new MutationObserver(restore);
      observer.observe(document, { childList: true, subtree: true });
      restore();
    } else if (!active && observer) {
      observer.disconnect();
      observer = undefined;
    }
  };
  store.subscribe(watch);

  return {
    mount(el, next) {
      element = el;
      options = next;
      const attrs: Record<string, string | undefined> = {
        position: next.position,
        theme: next.theme,
        lang: next.lang,
      };
      for (const [name, value] of Object.entries(attrs)) {
        if (value) el.setAttribute(name, value);
      }
      // From a data attribute it is a string: present (`''`) is true, `"false"` says no. The widget hides while idle
      // by default, so false must be written as `"false"` (an absent attribute is the default); unset leaves it.
      const hide = next.hideWhenIdle;
      if (hide !== undefined) el.setAttribute('hide-when-idle', hide === false || hide === 'false' ? 'false' : '');
      // An async script in <head> can run before <body> (or the container) exists: try again once it is parsed.
      if (!place()) {
        if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', place, { once: true });
        else console.warn(`[cobrowse-widget] mount: no element matches ${String(next.container)}`);
      }
      watch();
    },
    unmount() {
      element?.remove();
      element = undefined;
      watch();
    },
  };
}
