import { Component, CUSTOM_ELEMENTS_SCHEMA } from '@angular/core';
import { createSessionStore, type CobrowseActionEvent } from 'cobrowse-widget';
import { session } from '../../../session';

@Component({
  selector: 'app-help',
  standalone: true,
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `<cobrowse-widget
    [store]="store"
    position="bottom-start"
    (cobrowse-action)="onAction($event)"
  ></cobrowse-widget>`,
})
export class HelpComponent {
  store = createSessionStore();
  onAction(event: CobrowseActionEvent) {
    console.log(event.detail);
  }

  // Beyond the README's component, for the test: the state to show, and the store to compare with the element's.
  constructor() {
    this.store.ingest(session);
    (window as unknown as { appStore: unknown }).appStore = this.store;
  }
}
