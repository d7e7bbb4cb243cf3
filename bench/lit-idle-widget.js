// A second first-render floor: what an idle <cobrowse-widget> puts on screen (its card with the badge, the details
// and minimise buttons and the closed panel; inside the badge its pill with icon and "No session"), with the
// components' own styles and icons, in bare Lit: no store, strings, context, attributes for CSS or top layer.
// The widget's first render over this one is what our code adds to what Lit itself needs for that DOM; this one
// over the hello world is what that DOM costs. A hand copy of the two idle templates (widget.component.ts,
// badge.component.ts): keep it in step when they change.
import { LitElement, html } from 'lit';
import { badgeStyles } from '../src/components/badge/badge.styles.ts';
import { icon } from '../src/components/icons.ts';
import { buttonStyles, sharedStyles } from '../src/components/shared.styles.ts';
import { widgetStyles } from '../src/components/widget/widget.styles.ts';

// The templates as the build minifies them (minify-literals: no whitespace text between tags but single spaces
// where the source had line breaks between parts), so both sides parse and clone the same nodes.
class IdleBadge extends LitElement {
  static styles = [sharedStyles, badgeStyles];
  static properties = { compact: { type: Boolean, reflect: true } };

  render() {
    return html`<div part="base" class=${'row box'}>
      ${icon('stop')} <span part="label" role="status"><span>${'No session'}${''}</span> ${[]} </span>${''} ${''} ${''}
    </div>`;
  }
}

class IdleWidget extends LitElement {
  static styles = [sharedStyles, buttonStyles, widgetStyles];
  static properties = { open: { type: Boolean, reflect: true }, minimized: { type: Boolean, reflect: true } };

  constructor() {
    super();
    this.open = false;
    this.minimized = false;
  }

  render() {
    const toggle = html`<button
      part="toggle"
      class="box icon-button"
      aria-label=${'Session details'}
      aria-expanded=${this.open}
      aria-controls="panel"
      @click=${() => (this.open = !this.open)}
    >
      ${icon('more')}
    </button>`;
    return html`<div part="base" class="box">
      ${''}
      <div class="row">
        <idle-badge
          part="badge"
          .lang=${this.lang}
          .theme=${undefined}
          .strings=${undefined}
          .compact=${this.minimized}
        ></idle-badge
        >${toggle}
        <button
          part="minimize"
          class="box icon-button"
          aria-label=${'Minimise'}
          @click=${() => (this.minimized = !this.minimized)}
        >
          ${icon('minimize')}
        </button>
      </div>
      <div part="panel" id="panel" ?hidden=${!this.open}>${''} ${''}</div>
    </div>`;
  }
}

customElements.define('idle-badge', IdleBadge);
customElements.define('idle-widget', IdleWidget);
