import { html } from 'lit';
import type { SessionView } from '../../store/index.js';
import { CobrowseElement } from '../cobrowse-element.js';
import { icon } from '../icons.js';
import { formatList, lastResult, pluralRules } from '../intl.js';
import type { IconName } from '../icons.js';
import { sharedStyles } from '../shared.styles.js';
import { format, localDigits } from '../strings/strings.js';
import type { StringKey, Strings } from '../strings/strings.js';
import { badgeStyles } from './badge.styles.js';

// Genesys disconnect types in plain words; anything else (including values we do not know) is "Session ended".
const ENDED: Record<string, StringKey> = {
  client: 'endedClient',
  endpoint: 'endedPeer',
  peer: 'endedPeer',
  timeout: 'endedTimeout',
  transfer: 'endedTransfer',
  'transport.failure': 'endedError',
  error: 'endedError',
  uncallable: 'endedError',
  system: 'endedSystem',
  spam: 'endedSystem',
};
/**
 * One place per note the badge can say at once (a control and a navigation request, who has control, you have
 * control, recording, the link, a failure), each always there and `hidden` while empty: a note that comes and goes
 * (control changing hands, several times a second in a busy session) changes a text and an attribute, instead of
 * elements being made, or moved out and back by `cache` (11% of a connected session's event, ingest included).
 */
const NOTE_SLOTS = [0, 1, 2, 3, 4, 5, 6];
const RECORDING = /^(started|recording|active|on)$/i;
/** A sentence that already ends in its own punctuation (an ellipsis counts): it needs no full stop added. */
const ENDS_SENTENCE = /[\p{Sentence_Terminal}…]$/u;

/** What an offer asks of me: to share this page or my screen, or (a viewer) to watch. */
export const offerTitle = (view: SessionView, t: Strings) =>
  view.role === 'viewer' ? t.inviteViewer : view.kind === 'screenshare' ? t.offerScreenshare : t.offerCobrowse;

/** A peer's control or navigation request is mine to answer: I share, and the session is on. */
export const answersRequests = (view: SessionView) =>
  (view.connection === 'connected' || view.connection === 'held') && view.role !== 'viewer';

/** "Ana asks to control this page" / "Ana asks to open another page", for the view's requests. */
export const requestTitle = (kind: 'controlAsk' | 'navigationAsk', request: { name?: string }, t: Strings) =>
  format(t[kind], { name: request.name ?? t.someone });

/** The one sentence that says what the session is doing, and its icon. */
function summary(view: SessionView, t: Strings, lang: string): [IconName, string] {
  const screen = view.kind === 'screenshare';
  const viewer = view.role === 'viewer';
  switch (view.connection) {
    case 'alerting':
      return ['bell', offerTitle(view, t)];
    case 'connecting':
      return ['sync', t.connecting];
    case 'held':
      return ['pause', t.held];
    case 'disconnected': {
      const type = view.disconnectType?.toLowerCase() ?? '';
      return ['stop', t[ENDED[type] ?? ENDED[type.split('.')[0]] ?? 'ended']];
    }
    case 'connected': {
      if (viewer) return ['eye', t.viewing];
      // The viewers the store counts: a monitoring supervisor is disclosed in the panel, not counted as viewing.
      const names = view.peers.filter((p) => p.connection === 'connected' && p.role !== 'sharer' && !p.monitoring);
      const count = Math.max(view.peerCount, names.length);
      const named = names.map((p) => p.name).filter(Boolean) as string[];
      const plural = (n: number, one: string, other: string) =>
        format(pluralRules(lang).select(n) === 'one' ? one : other, { n: localDigits(n, t) });
      // "Ana", "Ana and Ben", "Ana and 2 others": both names only when they are everyone (`count` >= the names).
      const list = count > 2 ? named.slice(0, 1) : named;
      const rest = count - list.length;
      const text = named.length
        ? format(count > 1 ? t.areViewing : t.isViewing, {
            names: formatList(lang, rest ? [...list, plural(rest, t.others_one, t.others_other)] : list),
          })
        : count
          ? plural(count, t.viewers_one, t.viewers_other)
          : screen
            ? t.sharingScreenshare
            : t.sharingCobrowse;
      return [screen ? 'screen' : 'eye', text];
    }
    default:
      return ['stop', t.idle];
  }
}

/** `summary`, run again only when the view, strings or locale changed (not on the clock's ticks). */
const cachedSummary = lastResult(summary);

/**
 * `seconds` as minutes and seconds (hours when needed), in the table's digits. Remembered: a badge re-renders on
 * every view change, many times a second in a busy session, and the text changes once a second.
 */
const clockText = lastResult((seconds: number, t: Strings) => {
  const h = Math.floor(seconds / 3600);
  // Hours only when needed; every part after the first has two digits.
  return [...(h ? [h] : []), Math.floor(seconds / 60) % 60, seconds % 60]
    .map((n, i) => localDigits(n, t, i ? 2 : 1))
    .join(':');
});

/** `Date.parse`, remembered for the one session start a badge shows. */
const parseTime = lastResult(Date.parse);

/** The time since `since`, as `clockText`. */
const elapsed = (since: string, t: Strings) =>
  clockText(Math.max(0, Math.floor((Date.now() - parseTime(since)) / 1000)), t);

/**
 * A compact status pill: what the session is doing, who is viewing, who has control, recording, link trouble
 * and elapsed time. Always an icon and words, never colour alone.
 *
 * @summary Co-browse session status, announced politely to screen readers.
 *
 * @csspart base - The pill.
 * @csspart icon - The state icon (and the small recording and control icons).
 * @csspart label - The live region holding every sentence that is announced.
 * @csspart timer - Elapsed time while connected (not announced).
 *
 * @cssprop --cobrowse-background - Surface colour.
 * @cssprop --cobrowse-color - Text colour.
 * @cssprop --cobrowse-muted-color - Secondary text: notes and the timer.
 * @cssprop --cobrowse-accent - Accent (alerting, control) colour.
 * @cssprop --cobrowse-alert-color - Recording, failure and link-trouble colour.
 * @cssprop --cobrowse-border-color - Borders.
 * @cssprop --cobrowse-radius - Corner radius.
 * @cssprop --cobrowse-font-family - Font family.
 * @cssprop --cobrowse-font-size - Base font size (default 14px, independent of the page).
 */
export class CobrowseBadge extends CobrowseElement {
  static override styles = [sharedStyles, badgeStyles];
  static override properties = { compact: { type: Boolean, reflect: true } };
  // Create the property accessors now, as decorators would: `@lit/react` wrappers look for them on the prototype,
  // and a class that another copy's tag registration left undefined is otherwise never finalized.
  static {
    this.finalize();
  }

  /** Icon and timer only; the words stay in the live region for screen readers. */
  compact = false;

  constructor() {
    super();
    this.session.ticking = () => this.session.view.connection === 'connected';
  }

  override render() {
    const view = this.session.view;
    const t = this.t;
    const lang = this.locale;
    const [name, text] = cachedSummary(view, t, lang);
    const controllers = view.control.controlledBy.map((p) => p.name ?? t.someone);
    const recording = RECORDING.test(view.screenRecordingState ?? '');
    const notes: string[] = [];
    // A request takes focus in the widget's prompt; it is said here too: a badge on its own has no prompt, and a
    // live region is heard wherever the screen reader's reading cursor happens to be.
    if (answersRequests(view)) {
      if (view.control.request) notes.push(requestTitle('controlAsk', view.control.request, t));
      if (view.navigationRequest) notes.push(requestTitle('navigationAsk', view.navigationRequest, t));
    }
    if (view.connection !== 'idle' && view.connection !== 'disconnected') {
      if (controllers.length) notes.push(format(t.hasControl, { name: formatList(lang, controllers) }));
      if (view.control.controlling.length) notes.push(t.youHaveControl);
      if (recording) notes.push(t.recording);
      if (view.link === 'reconnecting') notes.push(t.reconnecting);
      else if (view.link === 'closed') notes.push(t.linkClosed);
    }
    if (view.failed) notes.push(t.failed);
    const time = view.connection === 'connected' && view.connectedSince ? elapsed(view.connectedSince, t) : undefined;
    // Spoken as separate sentences: a full stop no one sees ends each that is followed by another (the `·` before a
    // note is drawn by CSS and not spoken), and real spaces separate them in the text. Its element is always there
    // (empty when not needed), as is the control icon (hidden): a change in who controls the page, several a second
    // in a busy session, then updates text and an attribute instead of making and removing elements.
    const fullStop = (sentence: string, last: boolean) =>
      html`<span class="sr">${!sentence || last || ENDS_SENTENCE.test(sentence) ? '' : t.sentenceEnd}</span>`;
    return html`<div part="base" class=${view.link === 'reconnecting' ? 'row box trouble' : 'row box'}>
      ${icon(view.link === 'reconnecting' ? 'sync' : name)}
      <span part="label" role="status">
        <span>${text}${fullStop(text, !notes.length)}</span>
        ${NOTE_SLOTS.map((_, index) => {
          const note = notes[index];
          return html` <span class="muted note" ?hidden=${!note}
            >${note ?? ''}${fullStop(note ?? '', index === notes.length - 1)}</span
          >`;
        })}
      </span>
      ${icon('hand', !controllers.length)} ${recording ? html`<span class="recording">${icon('recording')}</span>` : ''}
      ${time ? html`<span part="timer" role="timer" class="muted"><span class="sr">${t.elapsed} </span>${time}</span>` : ''}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cobrowse-badge': CobrowseBadge;
  }
}
