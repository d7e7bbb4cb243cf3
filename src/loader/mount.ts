import type { MountOptions } from './types.js';

/**
 * The one floating `<cobrowse-widget>` that `mount` shows. It needs no Lit: the element is created and configured
 * at once (an undefined custom element, empty and inert) and upgrades in place when the session UI defines the
 * tag, so `mount` works the same before and after the UI is there, and always returns the same element.
 */
export interface Mounter {
  mount(options?: MountOptions): HTMLElement;
  unmount(): void;
  /** The mounted element, while it is mounted. */
  readonly element: HTMLElement | undefined;
  /**
   * Puts the mounted widget back if the host removed it (a replaced `<body>`, a cleared container): during a
   * session only `unmount` takes it away. The session UI calls it while a session is shown (session-ui.ts).
   */
  restore(): void;
}

/** Popover (the top layer) where the browser has it; without it, fixed positioning under `<html>` is safer. */
const hasPopover = () => Object.hasOwn(HTMLElement.prototype, 'popover');

export function createMounter(): Mounter {
  let element: HTMLElement | undefined;
  let options: MountOptions = {};

  const parentFor = (): Element | null => {
    const { container } = options;
    if (typeof container === 'string') return document.querySelector(container);
    if (container) return container.isConnected ? container : null;
    return hasPopover() ? document.body : document.documentElement;
  };

  /** Puts the element where it belongs; false while that place does not exist (yet). */
  const place = (): boolean => {
    if (!element) return true;
    const parent = parentFor();
    if (!parent) return false;
    // Only when it moves: re-appending would disconnect it, and so reset its state, for nothing.
    if (element.parentNode !== parent) parent.append(element);
    return true;
  };

  return {
    get element() {
      return element;
    },
    mount(next: MountOptions = {}) {
      options = next;
      const el = (element ??= document.createElement('cobrowse-widget'));
      const attrs: Record<string, string | boolean | undefined> = {
        position: next.position,
        theme: next.theme,
        lang: next.lang,
        'hide-when-idle': next.hideWhenIdle,
      };
      for (const [name, value] of Object.entries(attrs)) {
        if (typeof value === 'boolean') el.toggleAttribute(name, value);
        else if (value) el.setAttribute(name, value);
      }
      // An async script in <head> can run before <body> (or the container) exists: try again once it is parsed.
      if (!place()) {
        if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', place, { once: true });
        else console.warn(`[cobrowse-widget] mount: no element matches ${String(next.container)}`);
      }
      return el;
    },
    unmount() {
      element?.remove();
      element = undefined;
    },
    restore() {
      // The configured container may be gone with the old body: the document holds the widget until it is back.
      if (element && !element.isConnected && !place()) document.documentElement.append(element);
    },
  };
}
