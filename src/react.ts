/**
 * `cobrowse-widget/react`: React components for the three tags, made with `@lit/react`, for React 18 and older,
 * which set attributes rather than properties on custom elements and cannot listen to custom events. React 19
 * does both: use the tags directly there. Importing this module registers the tags, like `define.js`.
 */
import * as React from 'react';
import { createComponent } from '@lit/react';
import type { EventName } from '@lit/react';
import {
  CobrowseBadge as BadgeElement,
  CobrowseControls as ControlsElement,
  CobrowseWidget as WidgetElement,
} from './components/index.js';
import type { CobrowseActionEvent, CobrowseErrorEvent, CobrowseStateEvent } from './components/index.js';
import { defineAll } from './define-all.js';

defineAll();

const onCobrowseAction = 'cobrowse-action' as EventName<CobrowseActionEvent>;

export const CobrowseBadge = createComponent({
  react: React,
  tagName: 'cobrowse-badge',
  elementClass: BadgeElement,
  events: { onCobrowseAction },
  displayName: 'CobrowseBadge',
});

export const CobrowseControls = createComponent({
  react: React,
  tagName: 'cobrowse-controls',
  elementClass: ControlsElement,
  events: { onCobrowseAction },
  displayName: 'CobrowseControls',
});

export const CobrowseWidget = createComponent({
  react: React,
  tagName: 'cobrowse-widget',
  elementClass: WidgetElement,
  events: {
    onCobrowseAction,
    onCobrowseState: 'cobrowse-state' as EventName<CobrowseStateEvent>,
    onCobrowseError: 'cobrowse-error' as EventName<CobrowseErrorEvent>,
  },
  displayName: 'CobrowseWidget',
});
