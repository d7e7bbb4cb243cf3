/**
 * `cobrowse-widget/vue`: types only (there is no module to import at run time). Adds the three tags to Vue's
 * `GlobalComponents`, so vue-tsc (Volar) checks their bindings in templates: `:store` must be a `SessionStore`,
 * `position` and `theme` one of their values, and `@cobrowse-action` / `@cobrowse-state` / `@cobrowse-error`
 * handlers get the typed event. Load it once, e.g. `/// <reference types="cobrowse-widget/vue" />` in `env.d.ts`.
 *
 * This is Vue's own recipe for typing custom elements that Vue did not build: a "component" whose instance is the
 * element, whose `$props` are its public properties and whose `$emit` names its events. It types templates only;
 * the tags still need `isCustomElement` in the template compiler's options and `cobrowse-widget/define.js`.
 */
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type {
  CobrowseActionEvent,
  CobrowseBadge,
  CobrowseControls,
  CobrowseErrorEvent,
  CobrowseStateEvent,
  CobrowseWidget,
} from './components/index.js';

/**
 * A custom element as vue-tsc sees a component: `Props` (the element's public properties) as optional props,
 * beside the usual HTML attributes (`class`, `id`, `dir`, ...), and each of `Events` as an emitted event.
 */
export type VueCustomElement<
  Element extends HTMLElement,
  Props extends keyof Element,
  Events extends Record<string, Event>,
> = new () => Element & {
  /** For template type-checking only: the element has no `$props`. */
  $props: HTMLAttributes & Partial<Pick<Element, Props>> & PublicProps;
  /** For template type-checking only: the element has no `$emit`. */
  $emit: EmitFn<{ [Name in keyof Events]: (event: Events[Name]) => void }>;
};

/** What every tag has (`CobrowseElement`'s properties). */
type SharedProps = 'store' | 'strings' | 'theme' | 'lang';

// Type aliases, not interfaces: only an alias is assignable to `Record<string, Event>`.
type ActionEvents = { 'cobrowse-action': CobrowseActionEvent };
type WidgetEvents = ActionEvents & { 'cobrowse-state': CobrowseStateEvent; 'cobrowse-error': CobrowseErrorEvent };

declare module 'vue' {
  interface GlobalComponents {
    'cobrowse-widget': VueCustomElement<
      CobrowseWidget,
      SharedProps | 'position' | 'open' | 'minimized' | 'hideWhenIdle',
      WidgetEvents
    >;
    'cobrowse-controls': VueCustomElement<CobrowseControls, SharedProps, ActionEvents>;
    'cobrowse-badge': VueCustomElement<CobrowseBadge, SharedProps | 'compact', ActionEvents>;
  }
}
