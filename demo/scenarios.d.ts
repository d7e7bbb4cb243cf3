// Types for scenarios.js, so the TypeScript demo test can import the same scenarios the console plays.
export type At = (seconds: number) => string;
export interface Step {
  label: string;
  payload?: (at: At) => unknown;
  /** Ask the WebSocket relay to drop the customer's socket and refuse its reconnects for a while. */
  drop?: boolean;
  /** Sent while the page is offline: no page gets it until its resync. */
  offline?: boolean;
  /** Wait for the page to reconnect and for the console's answer to its `cobrowse.resync`. */
  resync?: boolean;
  /** Attributes the badge must reflect right after this step. */
  expect?: EndState;
  /** Dotted paths into the derived view (`control.request.name`) and their values right after this step. */
  expectView?: Record<string, unknown>;
}
/** The attributes the widget and badge reflect once the scenario has played. */
export interface EndState {
  connection?: string;
  kind?: string;
  'session-role'?: string;
  'peer-count'?: string;
  controlled?: boolean;
}
export interface Scenario {
  name: string;
  title: string;
  steps: Step[];
  end: EndState;
  endView?: Record<string, unknown>;
  /** `websocket`: the scenario needs the relay (it drops the socket), so the React page cannot play it. */
  transport?: 'websocket';
}
export const SCENARIOS: Scenario[];
export const SINGLE_EVENTS: { label: string; payload: (at: At, seconds: number) => unknown }[];
export const DISCONNECT_TYPES: string[];
/** Web Messaging guest frames (`{ type, class, code, body }`) the console plays. */
export const GUEST: {
  session(): unknown;
  pong(): unknown;
  presence(at: At, seconds: number): unknown;
  typing(at: At, seconds: number): unknown;
  text(at: At, seconds: number, text: string, originatingEntity?: string): unknown;
  coBrowse(at: At, seconds: number, type: string): unknown;
};
/** Where payloads come from: as written, or with every Messenger offer event sent as its guest frame. */
export const SOURCES: Record<'notifications' | 'webmessaging', (payload: unknown, at: At, seconds?: number) => unknown>;
export function largeConversation(at: At, seconds: number, stage: number): unknown;
export const CONVERSATION: string;
export const SESSION: string;
export const VIEWER_URL: string;
export const CUSTOMER: { participant: string; communication: string; name: string };
export const AGENTS: { participant: string; communication: string; userId: string; name: string }[];
export function clock(start?: number): At;
export function conversation(at: At, seconds: number, legs: Record<string, unknown>): unknown;
export function mediaParticipants(at: At, seconds: number, legs: Record<string, unknown>): unknown;
