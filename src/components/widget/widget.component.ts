import { html, nothing } from 'lit';
import type { ComplexAttributeConverter } from 'lit';
import { cache } from 'lit/directives/cache.js';
import type { ActionName, SessionView } from '../../store/index.js';
// The store's own comparison of two views (not part of its public API).
import { sameView } from '../../store/derive.js';
import { answersRequests, offerTitle, requestTitle } from '../badge/badge.component.js';
import { CobrowseElement } from '../cobrowse-element.js';
import { actionButtons, offerCountdown } from '../controls/controls.component.js';
import { ERROR_EVENT, STATE_EVENT } from '../events.js';
import { icon } from '../icons.js';
import { buttonStyles, sharedStyles } from '../shared.styles.js';
import { provideStore } from '../store-context.js';
import { format, localDigits } from '../strings/strings.js';
import type { Strings } from '../strings/strings.js';
import { widgetStyles } from './widget.styles.js';
// The children's class modules (no side effects): their types for the template and the analyzer.
import '../controls/controls.component.js';

interface Prompt {
  key: string;
  title: string;
  body?: string;
  actions: [ActionName, ActionName];
}

/** The consent the session needs from the customer now, if any: the offer, a control or a navigation request. */
function promptFor(view: SessionView, t: Strings): Prompt | undefined {
  if (view.connection === 'alerting') {
    return {
      key: 'offer',
      title: offerTitle(view, t),
      body: view.role === 'viewer' ? undefined : view.kind === 'screenshare' ? t.offerBodyScreenshare : t.offerBody,
      actions: ['accept', 'decline'],
    };
  }
  if (!answersRequests(view)) return undefined;
  const request = view.control.request;
  if (request) {
    return {
      key: `control ${request.participantId} ${request.requestedAt}`,
      title: requestTitle('controlAsk', request, t),
      body: t.controlBody,
      actions: ['accept-control', 'decline-control'],
    };
  }
  const navigation = view.navigationRequest;
  return navigation
    ? {
        key: `navigation ${navigation.participantId} ${navigation.requestedAt}`,
        title: requestTitle('navigationAsk', navigation, t),
        body: navigation.url,
        actions: ['accept-navigation', 'decline-navigation'],
      }
    : undefined;
}

/**
 * Runs `callback` in a task of its own, after the current one. A message, not a timeout: a timeout waits at least
 * a second in a background tab, and a page's tests that fake the clock (to drive the offer's countdown, say) would
 * hold it back until they advance it, and with it every prompt's focus after the first.
 */
function afterTask(callback: () => void): void {
  const { port1, port2 } = new MessageChannel();
  port1.onmessage = () => {
    port1.close();
    callback();
  };
  port2.postMessage(undefined);
}

/**
 * `hide-when-idle` defaults to true, so a Lit `Boolean` (absent means false) cannot say it: `"false"` turns it off,
 * any other value (`""` included) means true. Absent keeps the default (no attribute, no `attributeChangedCallback`;
 * removing it reads as true too). It reflects as `""` or `"false"`, so the attribute always says what the property
 * is, and a cloned or serialised widget keeps its setting.
 */
const hideWhenIdleConverter: ComplexAttributeConverter<boolean> = {
  fromAttribute: (value) => value !== 'false',
  toAttribute: (value) => (value ? '' : 'false'),
};

/** The focused element, looking through open shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active as HTMLElement | null;
}

/**
 * The floating composite a script tag mounts: the badge, a panel with the controls and the people in the session,
 * and consent prompts. Components inside it (in its shadow root or its light DOM) use its store.
 *
 * Stacking: the browser's top layer (a manual popover, shown while connected), so no ancestor's transform, filter,
 * contain, overflow or clip and no z-index can move, clip or cover it; without popover support, `position: fixed`
 * with the largest z-index (`--cobrowse-z-index`). Focus moves only into a consent prompt (the customer must
 * answer it) and returns where it was when the prompt closes.
 *
 * @summary Floating co-browse widget.
 *
 * @fires cobrowse-action - A button was pressed (bubbles, composed, cancelable).
 * @fires cobrowse-state - The widget shows a change of the store's view: `detail = { view, previous }`, once per
 * update (see `updated`).
 * @fires cobrowse-error - The store rejected input: `detail` is the parse error.
 *
 * @csspart base - The floating card.
 * @csspart prompt - A consent prompt (role="dialog").
 * @csspart button - Buttons in a prompt.
 * @csspart badge - The `<cobrowse-badge>`.
 * @csspart toggle - The button that opens the panel.
 * @csspart minimize - The minimise (and restore) button.
 * @csspart panel - The expandable panel.
 * @csspart controls - The `<cobrowse-controls>` in the panel (there while the panel shows).
 * @csspart peers - The list of people in the session.
 *
 * @cssprop --cobrowse-z-index - Stacking order (default 2147483647, the largest).
 * @cssprop --cobrowse-offset - Distance from the viewport's edges (default 16px, plus safe-area insets).
 * @cssprop --cobrowse-shadow - The card's shadow.
 */
export class CobrowseWidget extends CobrowseElement {
  static override styles = [sharedStyles, buttonStyles, widgetStyles];
  static override properties = {
    position: { reflect: true },
    open: { type: Boolean, reflect: true },
    minimized: { type: Boolean, reflect: true },
    hideWhenIdle: { reflect: true, attribute: 'hide-when-idle', converter: hideWhenIdleConverter },
  };
  // Create the property accessors now, as decorators would: `@lit/react` wrappers look for them on the prototype,
  // and a class that another copy's tag registration left undefined is otherwise never finalized.
  static {
    this.finalize();
  }

  /** The corner: `bottom-end` (default), `bottom-start`, `top-end` or `top-start` (logical: follows `dir`). */
  position: 'bottom-end' | 'bottom-start' | 'top-end' | 'top-start' = 'bottom-end';

  /** The panel with controls and people is open. */
  open = false;

  /** Only the badge's icon and timer show (consent prompts still appear). */
  minimized = false;

  /**
   * Hidden while there is no session (default): nothing rendered, not displayed, not in the top layer. A floating
   * "No session" card on every page of a site is noise; the widget appears with the first session.
   * `hide-when-idle="false"` (or `false` here) shows the idle card.
   */
  hideWhenIdle = true;

  /** Nothing to show: idle, and hiding while idle. The reflected state attributes stay on the host all the same. */
  private get hiddenWhileIdle(): boolean {
    return this.hideWhenIdle && this.session.view.connection === 'idle';
  }

  private readonly provide = provideStore(this);
  /** The prompt on screen (`promptFor`'s key), as of the last update. */
  private promptKey?: string;
  /** A prompt has the focus it took (until it closes), and where that focus was before: it goes back there. */
  private promptHasFocus = false;
  private restoreFocus?: HTMLElement | null;
  /** A prompt took focus in this task; another one waits for the task to end (see `updated`). */
  private focusMovedInTask = false;
  /** A prompt opened after that one: focus goes to whichever prompt is open when the task ends. */
  private focusDeferred = false;
  private listeningForDialogs = false;
  /** Where focus was when it last came into the widget from the page (`null`: from nowhere). */
  private focusOrigin?: Element | null;
  /** This update hides the widget (back to idle) while focus is inside it: see `updated`. */
  private hidingWithFocus = false;
  /** The view before the first change not yet told by `cobrowse-state` (undefined: none to tell). */
  private untold?: SessionView;

  /**
   * Puts the widget in the top layer, where nothing on the page can move, clip or cover it. A manual popover:
   * never light-dismissed, not closed by Escape, and showing it moves no focus (nothing in it has `autofocus`).
   * The top layer is ordered by showing time, so a modal `<dialog>` the page opens later covers the widget, and
   * the widget is on top again when the dialog closes (it never left the top layer). Showing it while a modal is
   * open is the one way it could end up above that dialog (and, being outside it, inert): so then it waits for the
   * dialog to close, and meanwhile renders as the fixed-position fallback, under the dialog. Modal dialogs in shadow
   * roots are not seen (`:modal` and their events stay inside their root); each update checks again, so a dialog
   * removed without closing does not keep the widget out for long.
   *
   * While it hides (idle, `hideWhenIdle`) it stays out of the top layer: see `hiddenWhileIdle`.
   *
   * Without popover support (before Chrome 114, Safari 17, Firefox 125), nothing happens here: the styles already
   * place the host with `position: fixed` at the largest z-index, which is also how a popover that is not showing
   * renders (the host's `display` beats the UA's `[popover] { display: none }`).
   */
  private readonly showInTopLayer = () => {
    if (!this.isConnected || typeof this.showPopover !== 'function') return;
    if (this.hiddenWhileIdle) {
      // Nothing to show, so nothing in the top layer (an idle page's first render never enters it); back to idle,
      // it leaves, so the next session enters again above whatever the page showed meanwhile.
      this.listenForClosingDialogs(false);
      if (this.matches(':popover-open')) this.hidePopover();
      return;
    }
    if (this.matches(':popover-open')) return;
    // A manual popover only: `auto` would be light-dismissed and close with other popovers.
    if (this.popover !== 'manual') this.popover = 'manual';
    const modalOpen = !!document.querySelector(':modal');
    this.listenForClosingDialogs(modalOpen);
    if (!modalOpen) this.showPopover();
  };

  /**
   * A dialog closing fires `toggle` and `close` (a hidden page gets its `close` only once it renders again): either
   * tries again, as does leaving fullscreen (a fullscreen element can match `:modal` too). Capture, since `toggle`
   * and `close` do not bubble. Only when that changes: the usual call (no modal open, nothing added) does nothing.
   */
  private listenForClosingDialogs(listen: boolean): void {
    if (listen === this.listeningForDialogs) return;
    this.listeningForDialogs = listen;
    for (const type of ['toggle', 'close', 'fullscreenchange']) {
      if (listen) document.addEventListener(type, this.showInTopLayer, true);
      else document.removeEventListener(type, this.showInTopLayer, true);
    }
  }

  constructor() {
    super();
    // Only while the prompt's countdown shows (the same clock as the controls').
    this.session.ticking = () => offerCountdown(this.session.view) > 0;
    // Told once the widget shows it (`tellState`): remembered here, the store's change costs a comparison.
    this.session.onChange = (_, previous) => (this.untold ??= previous);
    this.session.onError = (detail) =>
      this.dispatchEvent(new CustomEvent(ERROR_EVENT, { detail, bubbles: true, composed: true }));
    // The host hears `focusin` only as focus comes in from outside (a move inside its shadow root stops short of
    // it), with the page's element as `relatedTarget`.
    this.addEventListener('focusin', (event) => (this.focusOrigin = event.relatedTarget as Element | null));
  }

  protected override willUpdate(): void {
    super.willUpdate();
    this.provide(this.session.store);
    // Before the render takes the focused button away (dismissing an ended session, say).
    this.hidingWithFocus = this.hiddenWhileIdle && this.matches(':focus-within');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.showInTopLayer();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Leaving the document hides the popover by itself; connecting again shows it (above anything shown meanwhile).
    this.listenForClosingDialogs(false);
  }

  /**
   * Focus follows the prompts: into a prompt when it opens (or another replaces it), back where it was when the
   * last one closes. Moving focus is expensive (100-300 µs in the bench's Chromium, several whole renders: the
   * browser brings style and layout up to date for it, and its own focus state), and a burst of updates in one task
   * (a replay or resync fed one event at a time) can open and close many prompts nobody ever sees. So one prompt per
   * task takes focus at once; the prompts that open after it in the same task wait for the task to end, and focus
   * then goes to the one open at that point, if any (so a prompt that opened and closed in between never took
   * focus). Giving focus back is never deferred: a prompt only gives back focus it took.
   */
  private followPrompts(): void {
    const key = promptFor(this.session.view, this.t)?.key;
    if (key === this.promptKey) return;
    this.promptKey = key;
    if (!key) this.returnFocus();
    else if (!this.focusMovedInTask) this.focusPrompt();
    else if (!this.focusDeferred) {
      this.focusDeferred = true;
      // Runs after the task that ends this task's budget (`focusPrompt`), which was queued first.
      afterTask(() => {
        this.focusDeferred = false;
        if (this.promptKey && this.isConnected) this.focusPrompt();
      });
    }
  }

  protected override updated(): void {
    this.showInTopLayer();
    this.followPrompts();
    this.returnFocusOnHiding();
    this.tellState();
  }

  /**
   * Fires `cobrowse-state` for the changes of the view this update shows: once per update, not once per change. A
   * replay or resync fed one event at a time, or any burst of changes in one task, is one event, whose `previous`
   * is the view before the burst (`store.subscribe` hears each change). A bubbling, composed event per change was
   * about 8% of ingesting a stream with the rendering coalesced; and a listener now finds the widget showing
   * `detail.view`. Changes that end where they began (A, B, A in one task) tell nothing: nothing shown changed.
   */
  private tellState(): void {
    const previous = this.untold;
    if (previous === undefined) return;
    this.untold = undefined;
    const view = this.session.view;
    if (sameView(view, previous)) return;
    this.dispatchEvent(new CustomEvent(STATE_EVENT, { detail: { view, previous }, bubbles: true, composed: true }));
  }

  /** Moves focus into the open prompt; the first prompt to take it remembers where it was. */
  private focusPrompt(): void {
    const prompt = this.renderRoot.querySelector<HTMLElement>('[role="dialog"]');
    if (!prompt) return;
    const active = deepActiveElement();
    if (!this.promptHasFocus) this.restoreFocus = active;
    this.promptHasFocus = true;
    // A prompt replacing another is often the same element, which has focus already.
    if (active === prompt) return;
    prompt.focus();
    this.focusMovedInTask = true;
    afterTask(() => (this.focusMovedInTask = false));
  }

  /**
   * The last prompt closed: focus goes back where it was before the first one took it, unless the customer has
   * moved it elsewhere on the page meanwhile (it is still in the widget, or was lost with the prompt's removal).
   */
  private returnFocus(): void {
    if (!this.promptHasFocus) return;
    this.promptHasFocus = false;
    const lost = this.matches(':focus-within') || document.activeElement === document.body;
    if (lost && this.restoreFocus?.isConnected) this.restoreFocus.focus();
    this.restoreFocus = undefined;
  }

  /**
   * The widget just hid (back to idle) with focus inside: its content is gone, and focus with it. Without this it
   * would fall to `<body>` (as it does when a shown widget's focused button goes away): it goes back to where it was
   * before it came into the widget, as when a prompt closes. A prompt that closes in the same update has already
   * given back the focus it took (`returnFocus`), so this does nothing then.
   */
  private returnFocusOnHiding(): void {
    if (!this.hidingWithFocus) return;
    this.hidingWithFocus = false;
    const origin = this.focusOrigin as HTMLElement | null | undefined;
    if (document.activeElement === document.body && origin?.isConnected) origin.focus();
  }

  override render() {
    // Idle and hiding: no card, no badge, no panel. An idle page's first render makes (almost) nothing.
    if (this.hiddenWhileIdle) return nothing;
    const view = this.session.view;
    const t = this.t;
    const prompt = promptFor(view, t);
    // An offer's prompt is open exactly while the view is alerting.
    const countdown = offerCountdown(view);
    const panelShown = this.open && !this.minimized;
    // The prompt, once made, is kept by `cache` while closed and moved back when one opens again.
    return html`<div part="base" class="box">
      ${cache(
        prompt
          ? html`<section
              part="prompt"
              role="dialog"
              aria-labelledby="prompt-title"
              aria-describedby=${prompt.body ? 'prompt-body' : ''}
              tabindex="-1"
              @keydown=${(event: KeyboardEvent) => {
                // Escape answers no, and stays here (a page's own Escape handler must not close something else).
                if (event.key === 'Escape') {
                  event.stopPropagation();
                  this.act(prompt.actions[1]);
                }
              }}
            >
              <h2 id="prompt-title">${prompt.title}</h2>
              ${prompt.body ? html`<p id="prompt-body">${prompt.body}</p>` : ''}
              <div class="row actions">
                ${actionButtons(view, t, prompt.actions, (action) => this.act(action))}
                ${countdown ? html`<span class="muted">${format(t.expiresIn, { s: localDigits(countdown, t) })}</span>` : ''}
              </div>
            </section>`
          : '',
      )}
      <div class="row">
        <cobrowse-badge
          part="badge"
          .lang=${this.lang}
          .theme=${this.theme}
          .strings=${this.strings}
          .compact=${this.minimized}
        ></cobrowse-badge>
        ${
          this.minimized
            ? ''
            : html`<button
                part="toggle"
                class="box icon-button"
                aria-label=${t.details}
                aria-expanded=${this.open}
                aria-controls="panel"
                @click=${() => (this.open = !this.open)}
              >
                ${icon('more')}
              </button>`
        }
        <button
          part="minimize"
          class="box icon-button"
          aria-label=${this.minimized ? t.details : t.minimize}
          @click=${() => (this.minimized = !this.minimized)}
        >
          ${icon(this.minimized ? 'more' : 'minimize')}
        </button>
      </div>
      <div part="panel" id="panel" ?hidden=${!panelShown}>
        ${
          // Made when the panel shows, not before: a closed panel's controls would be a whole element (its shadow
          // root, styles, store subscription and render) that nobody sees, on every page's first render.
          panelShown
            ? html`<cobrowse-controls
                part="controls"
                .lang=${this.lang}
                .theme=${this.theme}
                .strings=${this.strings}
              ></cobrowse-controls>`
            : ''
        }
        ${
          // The same for the list of people: in a busy session it changes with every change of control, and a
          // closed panel's copy of it was most of a widget's render that nobody could see.
          panelShown && view.peers.length
            ? html`<ul part="peers" aria-label=${t.peers}>
                ${view.peers.map(
                  (peer) =>
                    html`<li class="row">
                      ${icon(peer.controlling ? 'hand' : 'eye')}
                      ${format(peer.controlling ? t.hasControl : peer.monitoring ? t.isMonitoring : '{name}', {
                        name: peer.name ?? t.someone,
                      })}
                    </li>`,
                )}
              </ul>`
            : ''
        }
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cobrowse-widget': CobrowseWidget;
  }
}
