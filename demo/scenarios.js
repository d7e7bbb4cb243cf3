// Named scenarios, played by the agent console (agent.html) into the customer site, as Genesys Cloud's
// notification service would send them: `{ topicName, version, eventBody, metadata }` envelopes around a
// conversation `{ id, participants: [...] }`, plus Messenger's offer events and our own small vocabulary
// (`cobrowse.controlRequest`, `cobrowse.offerExpiry`, ...) for what the REST model cannot say.
//
// Each scenario lists its steps and the end state the widget must reflect (`end`: the attributes on
// <cobrowse-widget> and <cobrowse-badge>); the demo test plays every scenario and checks it.

export const CONVERSATION = '7d3f0a4e-2c61-4b6e-9a51-3f1c8e0d2b10';
export const SESSION = 'cb-5e21a9f4-0d7c-4c3b-8a16-9b2f4d7e1c08';
export const CUSTOMER = {
  participant: '0f6a1c2e-8b4d-4f3a-9e7c-2d5b6a8c1e34',
  communication: 'a41c7e92-3b5f-4d08-8c6a-1e9f2b7d5c60',
  name: 'Jordan Lee',
};
export const AGENTS = [
  {
    participant: '5c9e2b71-6a3d-4f18-b0e4-7d2a9c1f6b35',
    communication: 'e82b4f16-9c7a-4d3e-a5b1-0f6c8d2e9a47',
    userId: '3b8d1f60-2e4a-4c97-8f5b-6a0e7c9d2b14',
    name: 'Dana Whitfield',
  },
  {
    participant: '9a1d6e43-7b2c-4e85-a3f0-5c8b1d7e2f96',
    communication: 'c57e0a29-4f6b-4b1d-9e83-2a7c5f0d8b61',
    userId: '6e2c9a17-5d3b-4f60-b8a4-1c7e0f9d3a52',
    name: 'Priya Raman',
  },
  {
    participant: '2e7b5c08-1f9d-4a6e-8b32-7d0a4c6e1f59',
    communication: 'f09a3d6c-8e1b-4c27-a6d5-3b9e7f2c0a18',
    userId: '8d4f2b95-0c6e-4a3b-9f71-5e2a8c1d7b06',
    name: 'Sam Okafor (supervisor)',
  },
];
export const VIEWER_URL = `https://apps.mypurecloud.com/cobrowse/view/${SESSION}?token=demo`;

/** Every `disconnectType` Genesys Cloud documents for a participant's communication. */
export const DISCONNECT_TYPES = [
  'endpoint',
  'client',
  'system',
  'timeout',
  'transfer',
  'transfer.conference',
  'transfer.consult',
  'transfer.forward',
  'transfer.noanswer',
  'transfer.notavailable',
  'transport.failure',
  'error',
  'peer',
  'other',
  'spam',
  'uncallable',
];

/** A clock for one playback: `at(s)` is an ISO time `s` seconds after the scenario started. */
export function clock(start = Date.now()) {
  return (seconds) => new Date(start + seconds * 1000).toISOString();
}

let correlation = 0;
const envelope = (topicName, eventBody) => ({
  topicName,
  version: '2',
  eventBody,
  metadata: { CorrelationId: `demo-${Date.now().toString(36)}-${++correlation}` },
});

/**
 * One conversation notification. `customer` and `agents` hold the fields of each participant's cobrowse (or
 * screenshare) leg; an agent entry of `undefined` leaves that agent out. `participantFields` adds fields on the
 * customer participant itself (e.g. `screenRecordingState`).
 */
export function conversation(at, seconds, { media = 'cobrowsesessions', customer, agents = [], participantFields }) {
  const time = at(seconds);
  const customerLeg = {
    id: CUSTOMER.communication,
    ...(media === 'cobrowsesessions' ? { cobrowseSessionId: SESSION, cobrowseRole: 'sharer', controlling: [] } : {}),
    ...(media === 'screenshares' ? { sharing: true, provider: 'Genesys Cloud', context: `${SESSION}@conference` } : {}),
    providerEventTime: time,
    ...customer,
  };
  const participants = [
    {
      id: CUSTOMER.participant,
      purpose: 'customer',
      name: CUSTOMER.name,
      startTime: at(0),
      ...participantFields,
      [media]: [customerLeg],
    },
  ];
  agents.forEach((leg, i) => {
    if (!leg) return;
    const agent = AGENTS[i];
    participants.push({
      id: agent.participant,
      purpose: i === 2 ? 'user' : 'agent',
      name: agent.name,
      userId: agent.userId,
      startTime: at(0),
      [media]: [
        {
          id: agent.communication,
          ...(media === 'cobrowsesessions'
            ? { cobrowseSessionId: SESSION, cobrowseRole: 'viewer', controlling: [] }
            : { sharing: false }),
          providerEventTime: time,
          ...leg,
        },
      ],
    });
  });
  return envelope(`v2.conversations.${media}.${CONVERSATION}`, { id: CONVERSATION, participants });
}

/** The same conversation in the CobrowseMediaParticipant model (participants carry the media fields flat). */
export function mediaParticipants(at, seconds, { customer, agent }) {
  const time = at(seconds);
  const participants = [
    {
      id: CUSTOMER.participant,
      name: CUSTOMER.name,
      purpose: 'customer',
      direction: 'inbound',
      cobrowseSessionId: SESSION,
      cobrowseRole: 'sharer',
      controlling: [],
      startTime: at(0),
      providerEventTime: time,
      ...customer,
    },
    {
      id: AGENTS[0].participant,
      name: AGENTS[0].name,
      purpose: 'agent',
      user: { id: AGENTS[0].userId, name: AGENTS[0].name },
      cobrowseSessionId: SESSION,
      cobrowseRole: 'viewer',
      controlling: [],
      startTime: at(0),
      providerEventTime: time,
      ...agent,
    },
  ];
  return envelope(`v2.conversations.cobrowsesessions.${CONVERSATION}`, { id: CONVERSATION, participants });
}

// ---- Web Messaging: the guest WebSocket a site on Genesys Web Messaging already has open ----------------------
// Frames `{ type, class, code, body }` (SDK models WebMessagingMessage, WebMessagingEvent, WebMessagingEventCoBrowse).
// The co-browse offer comes as a StructuredMessage event; everything else on that socket (the session response,
// chat text, typing, presence, pongs) is chat the widget accepts and ignores, so a site can pipe the socket in.
const JOIN_TOKEN = 'jt-7f3a9c';
const structured = (at, seconds, body) => ({
  type: 'message',
  class: 'StructuredMessage',
  code: 200,
  body: { direction: 'Outbound', id: `wm-${seconds}-${++correlation}`, channel: { time: at(seconds) }, ...body },
});
const guestEvent = (at, seconds, event) => structured(at, seconds, { type: 'Event', events: [event] });
export const GUEST = {
  session: () => ({
    type: 'response',
    class: 'SessionResponse',
    code: 200,
    body: { connected: true, newSession: true },
  }),
  pong: () => ({ type: 'response', class: 'string', code: 200, body: 'pong' }),
  presence: (at, seconds) => guestEvent(at, seconds, { eventType: 'Presence', presence: { type: 'Join' } }),
  typing: (at, seconds) => guestEvent(at, seconds, { eventType: 'Typing', typing: { type: 'On', duration: 5000 } }),
  text: (at, seconds, text, originatingEntity = 'Human') =>
    structured(at, seconds, { type: 'Text', text, originatingEntity }),
  /** `type`: Offering, OfferingExpired, OfferingAccepted or OfferingRejected. */
  coBrowse: (at, seconds, type) =>
    guestEvent(at, seconds, {
      eventType: 'CoBrowse',
      coBrowse: { type, sessionId: SESSION, sessionJoinToken: JOIN_TOKEN },
    }),
};

/**
 * Where the console's payloads come from. `notifications` sends them as written (notification-service envelopes,
 * Messenger's offer events); `webmessaging` sends every Messenger offer event as the Web Messaging guest frame that
 * carries it instead, so any scenario with an offer also plays over the guest socket's vocabulary.
 */
export const SOURCES = {
  notifications: (payload) => payload,
  webmessaging: function asGuestFrames(payload, at, seconds = 0) {
    if (Array.isArray(payload)) return payload.map((item) => asGuestFrames(item, at, seconds));
    const offer = payload && typeof payload === 'object' && /^Offering/i.test(payload.type ?? '') && !payload.class;
    return offer ? GUEST.coBrowse(at, seconds, payload.type) : payload;
  },
};

// ---- a large web-messaging conversation, as the REST model lists it -------------------------------------------
const QUEUES = [
  { id: '4b1e7c30-5a2d-4f69-8e03-1d7a9c2b6f54', name: 'Support' },
  { id: '8c2f5a19-3e7b-4d06-b1a8-6f0d2c9e4a73', name: 'Billing' },
];
/** Seventeen agents the queue alerted who never answered. */
const ALERTED = Array.from({ length: 17 }, (_, i) => ({
  id: `a17e${String(i).padStart(4, '0')}-0000-4000-8000-00000000${String(i).padStart(4, '0')}`,
  name: `Alerted agent ${i + 1}`,
}));

/**
 * One snapshot of a web-messaging conversation at `seconds`, as far as `stage` says it got: 1 the bot and the
 * Support queue; 2 Dana answered and co-browses; 3 seventeen more agents were alerted and never answered; 4 Dana
 * transferred to Billing (her legs ended); 5 Priya took it and co-browses, with Sam monitoring her.
 */
export function largeConversation(at, seconds, stage) {
  const time = at(seconds);
  const message = (id, state, extra = {}) => ({ id, state, type: 'webmessaging', ...extra });
  const cobrowse = (id, role, state, extra = {}) => ({
    id,
    state,
    cobrowseSessionId: SESSION,
    cobrowseRole: role,
    controlling: [],
    providerEventTime: time,
    ...extra,
  });
  const [dana, priya, sam] = AGENTS;
  const participants = [
    {
      id: CUSTOMER.participant,
      purpose: 'customer',
      name: CUSTOMER.name,
      startTime: at(0),
      messages: [message('m-customer', 'connected')],
      ...(stage >= 2 && {
        cobrowsesessions: [cobrowse(CUSTOMER.communication, 'sharer', 'connected', { connectedTime: at(2) })],
      }),
    },
    {
      id: 'b07a1d52-9e3c-4f18-a6b0-2c8d5e7f1a93',
      purpose: 'workflow',
      name: 'Virtual assistant',
      messages: [message('m-bot', 'disconnected', { disconnectType: 'transfer' })],
    },
    ...QUEUES.slice(0, stage >= 4 ? 2 : 1).map((queue, i) => ({
      id: `${queue.id.slice(0, -4)}acd${i}`,
      purpose: 'acd',
      name: queue.name,
      messages: [message(`m-acd-${i}`, 'disconnected')],
    })),
  ];
  if (stage >= 2) {
    const left = stage >= 4;
    participants.push({
      id: dana.participant,
      purpose: 'agent',
      name: dana.name,
      userId: dana.userId,
      messages: [message('m-dana', left ? 'disconnected' : 'connected', left ? { disconnectType: 'transfer' } : {})],
      cobrowsesessions: [
        cobrowse(
          dana.communication,
          'viewer',
          left ? 'disconnected' : 'connected',
          left ? { disconnectType: 'transfer', disconnectedTime: time } : { connectedTime: at(2) },
        ),
      ],
    });
  }
  if (stage >= 3) {
    for (const agent of ALERTED) {
      participants.push({
        id: agent.id,
        purpose: 'agent',
        name: agent.name,
        messages: [message(`m-${agent.id}`, 'disconnected', { disconnectType: 'transfer.noanswer' })],
      });
    }
  }
  if (stage >= 5) {
    participants.push(
      {
        id: priya.participant,
        purpose: 'agent',
        name: priya.name,
        userId: priya.userId,
        messages: [message('m-priya', 'connected')],
        cobrowsesessions: [cobrowse(priya.communication, 'viewer', 'connected', { connectedTime: time })],
      },
      {
        id: sam.participant,
        purpose: 'agent',
        // (The name without the demo's "(supervisor)": the widget says "(monitoring)" itself.)
        name: 'Sam Okafor',
        userId: sam.userId,
        monitoredParticipantId: priya.participant,
        messages: [message('m-sam', 'connected')],
      },
    );
  }
  return envelope(`v2.conversations.messages.${CONVERSATION}`, { id: CONVERSATION, participants });
}

// Building blocks, each a function of the playback clock.
const offered = (at, s = 0) =>
  conversation(at, s, { customer: { state: 'alerting', startAlertingTime: at(0) }, agents: [{ state: 'dialing' }] });
const viewing = (at, s, { controlling = false, customer = {} } = {}) =>
  conversation(at, s, {
    customer: { state: 'connected', startAlertingTime: at(0), connectedTime: at(2), ...customer },
    agents: [{ state: 'connected', connectedTime: at(2), controlling: controlling ? [CUSTOMER.participant] : [] }],
  });
const ended = (at, s, disconnectType, customer = {}) =>
  conversation(at, s, {
    customer: {
      state: 'disconnected',
      startAlertingTime: at(0),
      connectedTime: at(2),
      disconnectedTime: at(s),
      disconnectType,
      ...customer,
    },
    agents: [{ state: 'disconnected', connectedTime: at(2), disconnectedTime: at(s), disconnectType: 'peer' }],
  });
const controlRequest = (at, s, agent = AGENTS[0]) => ({
  type: 'cobrowse.controlRequest',
  participantId: agent.participant,
  name: agent.name,
  communicationId: CUSTOMER.communication,
  time: at(s),
  expiresAt: at(s + 30),
});

const END_DISCONNECTED = { connection: 'disconnected', kind: 'cobrowse', 'session-role': 'sharer', controlled: false };

/**
 * @typedef {{ label: string, payload?: (at: (s: number) => string) => unknown, drop?: boolean, offline?: boolean,
 *   resync?: boolean, expect?: Record<string, string | boolean>, expectView?: Record<string, unknown> }} Step
 * `expect`: attributes the badge must reflect right after this step; `expectView`: dotted paths into the derived
 * view and their values. The console marks a step that misses either; the demo test fails on it. A scenario's
 * `end` and `endView` are the same, checked once it has played.
 */

/** @type {{ name: string, title: string, steps: Step[], end: Record<string, string | boolean>, transport?: string }[]} */
export const SCENARIOS = [
  {
    name: 'full-session',
    title: 'Offer -> accept -> viewing -> control requested -> allowed -> taken back -> stopped',
    steps: [
      {
        label: 'An agent asks to co-browse (alerting)',
        payload: (at) => offered(at, 0),
        expect: { connection: 'alerting', kind: 'cobrowse', 'session-role': 'sharer' },
      },
      {
        label: 'The offer expires in 30 s (cobrowse.offerExpiry)',
        payload: (at) => ({
          type: 'cobrowse.offerExpiry',
          communicationId: CUSTOMER.communication,
          expiresAt: at(30),
        }),
      },
      {
        label: 'The customer accepts (contacting)',
        expect: { connection: 'connecting' },
        payload: (at) =>
          conversation(at, 1, {
            customer: { state: 'contacting', startAlertingTime: at(0) },
            agents: [{ state: 'dialing' }],
          }),
      },
      {
        label: 'The agent is viewing (connected)',
        payload: (at) => viewing(at, 2),
        expect: { connection: 'connected', 'peer-count': '1', controlled: false },
      },
      {
        label: 'The agent asks for control (cobrowse.controlRequest)',
        payload: (at) => controlRequest(at, 5),
        expect: { connection: 'connected', controlled: false },
        expectView: { 'control.request.participantId': AGENTS[0].participant, 'control.request.name': AGENTS[0].name },
      },
      {
        label: 'Control allowed: the agent controls the page',
        payload: (at) => viewing(at, 8, { controlling: true }),
        expect: { connection: 'connected', controlled: true },
      },
      {
        label: 'The customer takes control back',
        payload: (at) => viewing(at, 14),
        expect: { connection: 'connected', controlled: false },
      },
      { label: 'The customer stops sharing (disconnected: client)', payload: (at) => ended(at, 20, 'client') },
    ],
    end: { ...END_DISCONNECTED, 'peer-count': '0' },
    endView: { disconnectType: 'client', 'control.request': undefined },
  },
  {
    name: 'offer-expired',
    title: 'Messenger offer that nobody answers',
    steps: [
      {
        label: 'Messenger: Offering',
        payload: () => ({ type: 'Offering', sessionId: SESSION, sessionJoinToken: 'jt-7f3a9c' }),
      },
      {
        label: 'The offer expires in 2 s (cobrowse.offerExpiry)',
        payload: (at) => ({ type: 'cobrowse.offerExpiry', sessionId: SESSION, expiresAt: at(2) }),
      },
      {
        label: 'Messenger: OfferingExpired',
        payload: () => ({ type: 'OfferingExpired', sessionId: SESSION, sessionJoinToken: 'jt-7f3a9c' }),
      },
    ],
    end: { connection: 'disconnected' },
  },
  {
    name: 'declined',
    title: 'The customer declines the offer',
    steps: [
      { label: 'An agent asks to co-browse (alerting)', payload: (at) => offered(at, 0) },
      {
        label: 'The customer declines (disconnected: client, never connected)',
        payload: (at) =>
          conversation(at, 4, {
            customer: {
              state: 'disconnected',
              startAlertingTime: at(0),
              disconnectedTime: at(4),
              disconnectType: 'client',
            },
            agents: [{ state: 'disconnected', disconnectedTime: at(4), disconnectType: 'peer' }],
          }),
      },
    ],
    end: { ...END_DISCONNECTED, 'peer-count': '0' },
  },
  {
    name: 'screenshare-three-viewers',
    title: 'The customer shares their screen with three viewers',
    steps: [
      {
        label: 'Screen share offered (alerting)',
        payload: (at) =>
          conversation(at, 0, {
            media: 'screenshares',
            customer: { state: 'alerting', startAlertingTime: at(0), peerCount: 0 },
          }),
      },
      ...[1, 2, 3].map((viewers) => ({
        label: `${viewers} viewer${viewers > 1 ? 's' : ''} watching (peerCount ${viewers})`,
        expect: { connection: 'connected', kind: 'screenshare', 'peer-count': String(viewers) },
        payload: (at) =>
          conversation(at, viewers, {
            media: 'screenshares',
            customer: { state: 'connected', startAlertingTime: at(0), connectedTime: at(1), peerCount: viewers },
            agents: AGENTS.slice(0, viewers).map((_, i) => ({
              state: 'connected',
              connectedTime: at(i + 1),
              peerId: CUSTOMER.communication,
            })),
          }),
      })),
    ],
    end: {
      connection: 'connected',
      kind: 'screenshare',
      'session-role': 'sharer',
      'peer-count': '3',
      controlled: false,
    },
  },
  {
    name: 'customer-viewer',
    title: 'The customer views the agent’s page through a viewer link',
    steps: [
      {
        label: 'The agent shares; the customer is a viewer (alerting)',
        payload: (at) =>
          conversation(at, 0, {
            customer: { state: 'alerting', cobrowseRole: 'viewer', startAlertingTime: at(0), viewerUrl: VIEWER_URL },
            agents: [{ state: 'connected', cobrowseRole: 'sharer', connectedTime: at(0) }],
          }),
      },
      {
        label: 'The customer opens the viewer link (connected)',
        payload: (at) =>
          conversation(at, 2, {
            customer: {
              state: 'connected',
              cobrowseRole: 'viewer',
              startAlertingTime: at(0),
              connectedTime: at(2),
              viewerUrl: VIEWER_URL,
            },
            agents: [{ state: 'connected', cobrowseRole: 'sharer', connectedTime: at(0) }],
          }),
      },
    ],
    end: { connection: 'connected', kind: 'cobrowse', 'session-role': 'viewer', controlled: false },
    endView: { viewerUrl: VIEWER_URL },
  },
  {
    name: 'held',
    title: 'The agent puts the session on hold, then resumes (CobrowseMediaParticipant model)',
    steps: [
      {
        label: 'Connected',
        expect: { connection: 'connected' },
        payload: (at) =>
          mediaParticipants(at, 1, {
            customer: { state: 'connected', connectedTime: at(1) },
            agent: { state: 'connected', connectedTime: at(1) },
          }),
      },
      {
        label: 'On hold (held: true)',
        payload: (at) =>
          mediaParticipants(at, 5, {
            customer: { state: 'connected', connectedTime: at(1), held: true, startHoldTime: at(5) },
            agent: { state: 'connected', connectedTime: at(1) },
          }),
      },
    ],
    end: { connection: 'held', kind: 'cobrowse', 'session-role': 'sharer', controlled: false },
  },
  {
    name: 'recording',
    title: 'The session is recorded (screenRecordingState)',
    steps: [
      { label: 'The agent is viewing', payload: (at) => viewing(at, 2) },
      {
        label: 'Recording requested',
        payload: (at) =>
          conversation(at, 4, { ...viewingLegs(at), participantFields: { screenRecordingState: 'requested' } }),
      },
      {
        label: 'Recording active',
        payload: (at) =>
          conversation(at, 6, { ...viewingLegs(at), participantFields: { screenRecordingState: 'active' } }),
      },
    ],
    end: { connection: 'connected', kind: 'cobrowse', 'session-role': 'sharer', 'peer-count': '1', controlled: false },
    endView: { screenRecordingState: 'active' },
  },
  ...DISCONNECT_TYPES.map((reason) => ({
    name: `disconnect-${reason}`,
    title: `Session ends: disconnectType "${reason}"`,
    steps: [
      { label: 'The agent is viewing', payload: (at) => viewing(at, 2) },
      { label: `Disconnected: ${reason}`, payload: (at) => ended(at, 9, reason) },
    ],
    end: { ...END_DISCONNECTED, 'peer-count': '0' },
    endView: { disconnectType: reason },
  })),
  {
    name: 'reconnecting-socket',
    title: 'The WebSocket drops mid-session; the widget shows it reconnecting, then catches up by resync',
    transport: 'websocket',
    steps: [
      {
        label: 'The agent is viewing',
        payload: (at) => viewing(at, 2),
        expect: { connection: 'connected', controlled: false },
        expectView: { link: 'open' },
      },
      {
        label: 'The relay drops the customer’s socket and refuses it for a while: the widget shows reconnecting',
        drop: true,
        expect: { connection: 'connected' },
        expectView: { link: 'reconnecting' },
      },
      {
        label: 'While the page is offline, the agent takes control',
        payload: (at) => viewing(at, 12, { controlling: true }),
        offline: true,
      },
      {
        label: 'The page reconnects (backoff) and asks for a resync: it shows the control it missed',
        resync: true,
        expect: { connection: 'connected', controlled: true },
        expectView: { link: 'open' },
      },
      { label: 'A stale event, delivered late (ignored)', payload: (at) => viewing(at, 6) },
    ],
    end: { connection: 'connected', kind: 'cobrowse', 'session-role': 'sharer', 'peer-count': '1', controlled: true },
    endView: { link: 'open', 'control.controlledBy.0.name': AGENTS[0].name },
  },
  {
    name: 'out-of-order-burst',
    title: 'A burst of events arrives shuffled and duplicated; the newest wins',
    steps: [
      {
        label: 'One batch: connected(t2), ended(t9), alerting(t0), controlled(t5), connected(t2) again',
        payload: (at) => [
          viewing(at, 2),
          ended(at, 9, 'endpoint'),
          offered(at, 0),
          viewing(at, 5, { controlling: true }),
          viewing(at, 2),
        ],
      },
      { label: 'A late duplicate: controlled(t5)', payload: (at) => viewing(at, 5, { controlling: true }) },
    ],
    end: { ...END_DISCONNECTED, 'peer-count': '0' },
  },
  {
    name: 'web-messaging',
    title: 'Web Messaging guest socket: chat frames, then a co-browse offer, accepted',
    steps: [
      {
        label: 'SessionResponse (the guest session is configured)',
        payload: () => GUEST.session(),
        expect: { connection: 'idle' },
      },
      { label: 'Presence: Join', payload: (at) => GUEST.presence(at, 0) },
      { label: 'The bot says hello (Text)', payload: (at) => GUEST.text(at, 1, 'Hi! How can I help?', 'Bot') },
      { label: 'The agent is typing (Typing)', payload: (at) => GUEST.typing(at, 2) },
      { label: 'pong', payload: () => GUEST.pong(), expect: { connection: 'idle' } },
      {
        label: 'CoBrowse Offering (StructuredMessage event)',
        payload: (at) => GUEST.coBrowse(at, 3, 'Offering'),
        expect: { connection: 'alerting', kind: 'cobrowse' },
        expectView: { sessionId: SESSION },
      },
      {
        label: 'Chat goes on during the offer (Text, Typing)',
        payload: (at) => [GUEST.text(at, 4, 'I sent you a co-browse request.'), GUEST.typing(at, 4)],
        expect: { connection: 'alerting' },
      },
      {
        label: 'CoBrowse OfferingAccepted',
        payload: (at) => GUEST.coBrowse(at, 5, 'OfferingAccepted'),
        expect: { connection: 'connecting' },
      },
      {
        label: 'The agent is viewing (notification service)',
        payload: (at) => viewing(at, 6),
        expect: { connection: 'connected', 'peer-count': '1' },
      },
    ],
    end: { connection: 'connected', kind: 'cobrowse', 'session-role': 'sharer', 'peer-count': '1', controlled: false },
  },
  {
    name: 'large-conversation',
    title: 'A large web-messaging conversation: a bot, two queues, a transfer, 17 unanswered agents, a supervisor',
    steps: [
      {
        label: 'The bot and the Support queue (no co-browse yet: nothing to show)',
        payload: (at) => largeConversation(at, 1, 1),
        expect: { connection: 'idle' },
      },
      {
        label: 'Dana answers and co-browses',
        payload: (at) => largeConversation(at, 2, 2),
        expect: { connection: 'connected', 'peer-count': '1' },
        expectView: { 'peers.length': 1, 'peers.0.name': AGENTS[0].name },
      },
      {
        label: 'Seventeen agents were alerted and never answered (ended message legs): not listed',
        payload: (at) => largeConversation(at, 3, 3),
        expect: { connection: 'connected', 'peer-count': '1' },
        expectView: { 'peers.length': 1 },
      },
      {
        label: 'Dana transfers to Billing: her legs end (transfer), the customer stays',
        payload: (at) => largeConversation(at, 4, 4),
        expect: { connection: 'connected', 'peer-count': '0' },
        expectView: { 'peers.length': 0 },
      },
      {
        label: 'Priya takes the transfer and co-browses; Sam monitors her (disclosed, not counted)',
        payload: (at) => largeConversation(at, 5, 5),
        expect: { connection: 'connected', 'peer-count': '1' },
        expectView: {
          'peers.length': 2,
          // (Sorted by participant id: Sam's sorts first.)
          'peers.0.name': 'Sam Okafor',
          'peers.0.monitoring': true,
          'peers.1.name': AGENTS[1].name,
        },
      },
    ],
    end: { connection: 'connected', kind: 'cobrowse', 'session-role': 'sharer', 'peer-count': '1', controlled: false },
    endView: { peerCount: 1, 'peers.length': 2 },
  },
];

function viewingLegs(at) {
  return {
    customer: { state: 'connected', startAlertingTime: at(0), connectedTime: at(2) },
    agents: [{ state: 'connected', connectedTime: at(2) }],
  };
}

/** Single events for the console's buttons: each builds one payload on the console's running clock. */
export const SINGLE_EVENTS = [
  { label: 'Offer (alerting)', payload: (at, s) => offered(at, s) },
  { label: 'Agent viewing', payload: (at, s) => viewing(at, s) },
  {
    label: 'Second viewer joins',
    payload: (at, s) =>
      conversation(at, s, {
        ...viewingLegs(at),
        agents: [
          { state: 'connected', connectedTime: at(2) },
          { state: 'connected', connectedTime: at(s) },
        ],
      }),
  },
  { label: 'Control request', payload: (at, s) => controlRequest(at, s) },
  { label: 'Agent takes control', payload: (at, s) => viewing(at, s, { controlling: true }) },
  { label: 'Control released', payload: (at, s) => viewing(at, s) },
  {
    label: 'Navigation request',
    payload: (at, s) => ({
      type: 'cobrowse.navigationRequest',
      participantId: AGENTS[0].participant,
      name: AGENTS[0].name,
      communicationId: CUSTOMER.communication,
      url: 'https://www.example.com/claims/new',
      time: at(s),
    }),
  },
  {
    label: 'Hold',
    payload: (at, s) =>
      mediaParticipants(at, s, {
        customer: { state: 'connected', connectedTime: at(2), held: true, startHoldTime: at(s) },
        agent: { state: 'connected', connectedTime: at(2) },
      }),
  },
  {
    label: 'Recording active',
    payload: (at, s) =>
      conversation(at, s, { ...viewingLegs(at), participantFields: { screenRecordingState: 'active' } }),
  },
  { label: 'Disconnected (peer)', payload: (at, s) => ended(at, s, 'peer') },
  {
    label: 'Messenger Offering',
    payload: () => ({ type: 'Offering', sessionId: SESSION, sessionJoinToken: 'jt-7f3a9c' }),
  },
  {
    label: 'Heartbeat',
    payload: () => ({ topicName: 'channel.metadata', eventBody: { message: 'WebSocket Heartbeat' } }),
  },
  {
    label: 'Unknown state (kept verbatim)',
    payload: (at, s) => conversation(at, s, { customer: { state: 'Converting', startAlertingTime: at(0) } }),
  },
  { label: 'Web Messaging: CoBrowse Offering', payload: (at, s) => GUEST.coBrowse(at, s, 'Offering') },
  { label: 'Web Messaging: Text', payload: (at, s) => GUEST.text(at, s, 'Anything else I can help with?') },
  { label: 'Web Messaging: Typing', payload: (at, s) => GUEST.typing(at, s) },
  { label: 'Web Messaging: pong', payload: () => GUEST.pong() },
  { label: 'Invalid payload (error)', payload: () => ({ id: 42, state: ['connected'] }) },
];
