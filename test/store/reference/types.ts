// FROZEN REFERENCE (test-only): a verbatim copy of src/store as it was before issue 15's speed work, with issue
// 16's semantics (who is shown, "me") in (branch `store`, commit c87c7cf), with only its imports of the model layer
// re-pointed. test/store/differential.test.ts runs random event sequences through it and through the live store and
// requires deep-equal views, so the faster store is shown to compute the same thing. Do not "fix" or restyle this
// file: its value is that it does not change. Replace it (and say so) only when the store's semantics move on
// deliberately.
import type { CommunicationKind, ParseError, ParseWarning } from '../../../src/model/types.js';

/** What the customer's session is doing, reduced to what the UI needs to say. */
export type Connection = 'idle' | 'alerting' | 'connecting' | 'connected' | 'held' | 'disconnected';

/** The transport's link to the backend, when one is connected (see `connect`). */
export type LinkStatus = 'none' | 'connecting' | 'open' | 'reconnecting' | 'closed';

export const ACTIONS = [
  'accept',
  'decline',
  'end',
  'accept-control',
  'decline-control',
  'revoke-control',
  'accept-navigation',
  'decline-navigation',
  'request-control',
  'open-viewer',
  'dismiss',
] as const;
export type ActionName = (typeof ACTIONS)[number];

/** `detail` of the `cobrowse-action` event (the public contract). */
export interface ActionDetail {
  action: ActionName;
  sessionId: string;
  communicationId: string;
  participantId?: string;
}

/** An action the user took that the session has not confirmed yet (or that failed). */
export interface PendingAction extends ActionDetail {
  /** Unique id, also the id the transport sends it under. */
  id: string;
  /** ISO time the user acted. */
  since: string;
  /** Set when the action failed (timed out, refused, could not be sent). */
  error?: string;
}

export interface PeerView {
  id: string;
  name?: string;
  purpose?: string;
  role?: string;
  connection: Connection;
  /** True when this peer controls my shared page. */
  controlling: boolean;
  /** A supervisor monitoring or coaching (not counted in `peerCount`); absent otherwise. */
  monitoring?: boolean;
}

export interface ControlRequestView {
  participantId: string;
  name?: string;
  requestedAt: string;
  expiresAt: string;
}

export interface NavigationRequestView {
  participantId: string;
  name?: string;
  url?: string;
  requestedAt: string;
}

export interface ControlView {
  /** Peers whose `controlling` names me (my participant id or my communication id). */
  controlledBy: PeerView[];
  /** Ids of the participants / communications whose shared pages I control. */
  controlling: string[];
  /** A viewer asked for control of my page; expires and then counts as declined. */
  request?: ControlRequestView;
}

/** A communication other than the primary one, kept so the UI can offer it. */
export interface CommunicationSummary {
  communicationId: string;
  sessionId?: string;
  kind: CommunicationKind;
  connection: Connection;
  role?: string;
}

/** The one immutable view of "my" session. Never mutated: every change is a new object. */
export interface SessionView {
  connection: Connection;
  rawState?: string;
  kind?: CommunicationKind;
  role?: string;
  /** cobrowseSessionId, else Messenger's sessionId, else the communication id. */
  sessionId?: string;
  communicationId?: string;
  /** My participant id, when known. */
  participantId?: string;
  conversationId?: string;
  peerCount: number;
  control: ControlView;
  peers: PeerView[];
  alertingSince?: string;
  connectedSince?: string;
  disconnectedAt?: string;
  offerExpiresAt?: string;
  disconnectType?: string;
  viewerUrl?: string;
  screenRecordingState?: string;
  navigationRequest?: NavigationRequestView;
  pending?: PendingAction;
  /** The last action that failed, until the user acts again or dismisses. */
  failed?: PendingAction;
  link: LinkStatus;
  others: CommunicationSummary[];
}

export type IngestResult =
  { ok: true; changed: boolean; warnings: ParseWarning[] } | { ok: false; error: ParseError; warnings: ParseWarning[] };

export type StateListener = (view: SessionView, previous: SessionView) => void;

export interface StoreEvents {
  error: ParseError;
  warning: ParseWarning;
  /** An action the user took and nobody cancelled: the transport sends it. */
  action: PendingAction;
}

/** The store's public surface. Components and transports depend on this, not on the implementation. */
export interface SessionStore {
  ingest(input: unknown): IngestResult;
  getState(): SessionView;
  /** Runs `listener` at most once per `ingest` (or other change), never when the view did not change. */
  subscribe(listener: StateListener): () => void;
  reset(): void;
  /** Record a user action as pending, apply its local effect, and hand it to the transport. */
  act(detail: ActionDetail): PendingAction;
  /** The backend confirmed (`ok`) or refused an action. */
  settle(actionId: string, ok: boolean, error?: string): void;
  setLink(status: LinkStatus): void;
  on<K extends keyof StoreEvents>(type: K, listener: (payload: StoreEvents[K]) => void): () => void;
}
