// The floor: the smallest useful Lit element, built like our script-tag file (production Lit, minified IIFE).
import { LitElement, html } from 'lit';

class HelloWorld extends LitElement {
  static properties = { name: {} };

  constructor() {
    super();
    this.name = 'World';
  }

  render() {
    return html`<p>Hello, ${this.name}!</p>`;
  }
}

customElements.define('hello-world', HelloWorld);
