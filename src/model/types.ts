/**
 * The model layer's output: one normalised shape for every input the widget accepts, whatever SDK casing or
 * envelope it came in. The store reduces these; it never sees raw payloads.
 *
 * Times are epoch milliseconds (numbers) so the store can order them without re-parsing.
 */

/** Connection states Genesys documents for communications, plus the event-topic extras. Lower-case. */
export const KNOWN_STATES = [
  'alerting',
  'dialing',
  'contacting',
  'offering',
  'connected',
  'disconnected',
  'terminated',
  'none',
  'scheduled',
  'parked',
  'converting',
  'uploading',
  'transmitting',
] as const;
export type KnownState = (typeof KNOWN_STATES)[number];

export type CommunicationKind = 'cobrowse' | 'screenshare';

/** `sharer` / `viewer` when known; any other value is kept verbatim. */
export type CobrowseRole = 'sharer' | 'viewer' | (string & {});

/** A participant as far as the widget cares (purpose, name, who it is). */
export interface ParticipantInfo {
  id: string;
  name?: string;
  /** Lower-case when known (`customer`, `agent`, `user`, `external`, `acd`, `ivr`, ...), else verbatim. */
  purpose?: string;
  userId?: string;
  /** Participant-level state (CobrowseMediaParticipant.state), when the payload carries one. */
  state?: string;
  screenRecordingState?: string;
  /** Ids of participants this one monitors (a supervisor's `monitoredParticipantId`). */
  monitoredParticipantId?: string;
  /** The participant's media roles, verbatim (a supervisor's `monitor` / `coach`, ...). */
  mediaRoles?: string[];
}

/** One update to one communication (a Cobrowsesession or Screenshare leg, or a CobrowseMediaParticipant). */
export interface CommunicationUpdate {
  /** The communication id; for a CobrowseMediaParticipant, the participant id. */
  id: string;
  kind: CommunicationKind;
  /** Lower-cased when it is a known state; otherwise kept exactly as received. */
  state?: string;
  /** The state exactly as received (before case folding). */
  rawState?: string;
  initialState?: string;
  cobrowseSessionId?: string;
  role?: CobrowseRole;
  /** Ids (participant or communication) this client controls. */
  controlling?: string[];
  viewerUrl?: string;
  peerCount?: number;
  sharing?: boolean;
  held?: boolean;
  disconnectType?: string;
  provider?: string;
  peerId?: string;
  selfName?: string;
  providerEventTime?: number;
  startAlertingTime?: number;
  connectedTime?: number;
  disconnectedTime?: number;
  startHoldTime?: number;
  /** The participant that owns this communication, when the payload says. */
  participant?: ParticipantInfo;
  conversationId?: string;
}

/** Our own vocabulary and Messenger's offer event, normalised. */
export type SignalUpdate =
  | {
      type: 'offer';
      /** Messenger's event type, lower-cased: offering | offeringexpired | offeringaccepted | offeringrejected. */
      event: 'offering' | 'offeringexpired' | 'offeringaccepted' | 'offeringrejected';
      sessionId: string;
      sessionJoinToken?: string;
      expiresAt?: number;
      time?: number;
    }
  | {
      type: 'control-request';
      communicationId?: string;
      sessionId?: string;
      participantId: string;
      name?: string;
      time?: number;
      expiresAt?: number;
      /** `false` withdraws the request. */
      active: boolean;
    }
  | {
      type: 'navigation-request';
      communicationId?: string;
      sessionId?: string;
      participantId: string;
      name?: string;
      url?: string;
      time?: number;
      active: boolean;
    }
  | {
      type: 'offer-expiry';
      communicationId?: string;
      sessionId?: string;
      expiresAt: number;
    }
  | {
      type: 'ack';
      actionId: string;
      ok: boolean;
      error?: string;
    }
  | { type: 'heartbeat' };

/** Everything one input said, in order. */
export interface NormalizedInput {
  /** Participants of a conversation, when the input was a conversation or a Participant. */
  conversations: { id?: string; participants: ParticipantInfo[] }[];
  communications: CommunicationUpdate[];
  signals: SignalUpdate[];
}

export interface ParseIssue {
  /** e.g. `participants[2].cobrowsesessions[0].state` */
  path: string;
  message: string;
}

export interface ParseError {
  message: string;
  issues: ParseIssue[];
}

export interface ParseWarning {
  path: string;
  code: 'unknown-enum' | 'unsafe-url' | 'ignored';
  message: string;
  value?: string;
}

export type ParseResult =
  | { ok: true; value: NormalizedInput; warnings: ParseWarning[] }
  | { ok: false; error: ParseError; warnings: ParseWarning[] };

export interface ParseLimits {
  /** Bytes of a JSON string, or of an object's serialised form; default 1 MiB. */
  maxBytes: number;
  maxParticipants: number;
  maxStringLength: number;
  maxBatch: number;
  maxDepth: number;
}
