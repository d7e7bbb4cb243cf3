import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import { createSessionStore, type CobrowseActionEvent } from 'cobrowse-widget';
import { session } from '../../../session';

// The README's "Angular" component, plus what the test reads: the last action's detail, shown in an <output>,
// and the store on `window`, to compare with the element's. `onAction` takes the typed event with no cast: under
// strictTemplates this compiles only because the package types `cobrowse-action` (GlobalEventHandlersEventMap).
@Component({
  selector: 'app-help',
  standalone: true,
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `<cobrowse-widget
      [store]="store"
      position="bottom-start"
      open
      (cobrowse-action)="onAction($event)"
    ></cobrowse-widget>
    <output id="last-action">{{ lastAction() }}</output>`,
})
export class HelpComponent {
  store = createSessionStore();
  lastAction = signal('');
  constructor() {
    this.store.ingest(session);
    (window as unknown as { appStore: unknown }).appStore = this.store;
  }
  onAction(event: CobrowseActionEvent) {
    this.lastAction.set(JSON.stringify(event.detail));
  }
}
