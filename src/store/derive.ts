/**
 * State -> the one immutable view of "my" session. Pure: the same state and `now` always give the same view,
 * whatever order the events that built the state arrived in.
 */
import type { CommunicationUpdate } from '../model/index.js';
import { extreme, knownConnection, order } from './order.js';
import type { Stamp } from './order.js';
import type { Person, StoreState } from './reduce.js';
import type { CommunicationSummary, Connection, PeerView, SessionView } from './types.js';

/** A communication as the view sees it: sticky fields merged over its newest update, plus its connection. */
interface Comm extends CommunicationUpdate {
  connection: Connection;
  at: Stamp;
  known?: Connection;
  grantedAt?: number;
  offerExpiresAt?: number;
}

/** Participants that are not people: never listed as peers. */
const SYSTEM_PURPOSES: ReadonlySet<string> = new Set(['acd', 'ivr', 'workflow', 'voicemail']);
/** A peer is viewing while one of its co-browse or screen-share legs in my session is live. */
const LIVE: ReadonlySet<Connection> = new Set(['connected', 'held']);
/** `mediaRoles` that make a participant a monitoring supervisor (any case). */
const MONITOR_ROLES = /^(monitor|coach)$/i;
/** Candidates for the primary communication, best first: the one that needs the user, then the live one. */
const PRIORITY: Record<Connection, number> = {
  alerting: 4,
  connected: 3,
  held: 3,
  connecting: 2,
  idle: 1,
  disconnected: 0,
};

/** ISO strings already made: a view shows the same few times on every derive, and each Date costs. Bounded. */
const isoTimes = new Map<number, string>();
export function iso(ms: number | undefined): string | undefined {
  if (ms === undefined) return ms;
  let text = isoTimes.get(ms);
  if (text === undefined) {
    if (isoTimes.size >= 256) isoTimes.clear();
    isoTimes.set(ms, (text = new Date(ms).toISOString()));
  }
  return text;
}
/** cobrowseSessionId, else Messenger's sessionId (an offer's pseudo-communication), else the communication id. */
const sessionOf = (c: Comm) => c.cobrowseSessionId ?? c.id;
const roleOf = (c: Comm | undefined) =>
  c?.kind === 'screenshare' && c.sharing !== undefined ? (c.sharing ? 'sharer' : 'viewer') : c?.role;
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
/** Best first: by PRIORITY, then the newest, then by id (so the order never depends on arrival). */
const rank = (comms: Comm[]) =>
  [...comms].sort((a, b) => PRIORITY[b.connection] - PRIORITY[a.connection] || order(b.at, a.at) || byId(a, b));
const best = (comms: Comm[]): Comm | undefined => rank(comms)[0];

/**
 * Deep: a view has no cycles. What is frozen already is skipped: an earlier view froze it whole (a shared array),
 * or it is a pending action, frozen when made, whose fields are all strings. Walked with `for...in`, not
 * `Object.values`: a view is frozen on every derive, and the arrays those made were a visible share of the garbage.
 */
function freeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key in value) freeze(value[key]);
  }
  return value;
}

function communications(state: StoreState, now: number): Comm[] {
  const comms: Comm[] = [];
  const sessions = new Set<string>();
  for (const record of Object.values(state.comms)) {
    const c = { ...record.latest, at: record.stamp } as Comm;
    for (const key in record.sticky) (c as unknown as Record<string, unknown>)[key] = record.sticky[key].value;
    c.connection = knownConnection(c.state) ?? c.known ?? (c.state ? 'connecting' : 'idle');
    if (c.connection === 'connected' && c.held) c.connection = 'held';
    // (An absent session id adds `undefined`, which no offer's session id matches.)
    sessions.add(c.cobrowseSessionId!).add(c.id);
    comms.push(c);
  }
  // A Messenger offer for a session no communication describes yet stands for that session.
  for (const [sessionId, { value, stamp }] of Object.entries(state.offers)) {
    if (sessions.has(sessionId)) continue;
    comms.push({
      id: sessionId,
      kind: 'cobrowse',
      cobrowseSessionId: sessionId,
      // (`rawState` is absent: the view shows the state, the offer's event.)
      state: value.event,
      startAlertingTime: value.time,
      // Alerting until the offer's own outcome applies below.
      connection: 'alerting',
      at: stamp,
    });
  }
  for (const c of comms) {
    const sessionId = sessionOf(c);
    const offer = state.offers[sessionId]?.value;
    const event = offer?.event;
    c.offerExpiresAt = state.expiries[c.id] ?? state.expiries[sessionId] ?? offer?.expiresAt;
    if (c.connection !== 'alerting') continue;
    // (`undefined <= now` is false: no expiry, no expiring.)
    const expired = event === 'offeringexpired' || c.offerExpiresAt! <= now;
    if (expired || event === 'offeringrejected') {
      c.connection = 'disconnected';
      c.disconnectType ??= expired ? 'timeout' : 'client';
      // When it ended: the expiry that passed, or the time of the event that ended it (never a moving `now`).
      const ends = [c.offerExpiresAt, /(expired|rejected)$/.test(event!) ? offer?.time : undefined];
      c.disconnectedTime ??= extreme(
        Math.min,
        ends.filter((t) => t! <= now),
      );
    } else if (event === 'offeringaccepted') c.connection = 'connecting';
  }
  // Oldest first, so that where two communications say something about one participant, the newer wins.
  return comms.sort((a, b) => order(a.at, b.at) || byId(a, b));
}

/** Whether an ended communication is one the user dismissed: then it is no longer shown, nor chosen as mine. */
const dismissed = (state: StoreState, c: Comm) => c.connection === 'disconnected' && state.dismissed.includes(c.id);

/**
 * My participant id. `selfId` when given (a participant id, or a communication id whose participant is mine). Else
 * a customer: one in a session first, the one whose best communication ranks first (as the primary is chosen:
 * alerting, then live, then the newest), so a second conversation of the same customer (a callback, a message)
 * never hides the live session; else, when no customer has a co-browse or screen-share communication, the smallest
 * customer id (so the choice never depends on arrival order).
 */
function findMe(state: StoreState, people: Record<string, Person>, comms: Comm[], selfId?: string) {
  if (selfId) return people[selfId] ? selfId : comms.find((c) => c.id === selfId)?.participant?.id;
  const customers = Object.keys(people).filter((id) => people[id].purpose === 'customer');
  const customerIds = new Set(customers);
  const inSession = best(comms.filter((c) => customerIds.has(c.participant?.id as string) && !dismissed(state, c)));
  return inSession?.participant!.id ?? customers.sort()[0];
}

/** A supervisor monitoring or coaching: `monitoredParticipantId`, or `mediaRoles` saying monitor / coach. */
const isMonitoring = (person: Person) =>
  !!(person.monitoredParticipantId || person.mediaRoles?.some((role) => MONITOR_ROLES.test(role)));

/**
 * Whether a peer's leg belongs to my session (`primary`): the same co-browse session; or, when either has no
 * session id (a screen share has none), a leg of the same kind (both are in my conversation, `listPeers` checks).
 */
const inMySession = (leg: Comm, primary: Comm) =>
  leg.cobrowseSessionId && primary.cobrowseSessionId
    ? leg.cobrowseSessionId === primary.cobrowseSessionId
    : leg.kind === primary.kind;

/**
 * Who the customer is shown, sorted by id: every participant of my conversation (not me, not a system participant)
 * with a live (connected or held) co-browse or screen-share leg in my session. A participant whose only legs are
 * other media (the model keeps none of those), whose leg only alerted, or whose leg ended (they left, or were
 * transferred away) is not listed. A monitoring supervisor is the exception, disclosed with `monitoring: true` unless
 * known to have left (every leg of theirs ended, or their own state says so): it may watch through another medium,
 * or through none the payload describes, and is never hidden.
 */
function listPeers(
  people: Record<string, Person>,
  comms: Comm[],
  mine: { me?: string; primary: Comm; conversationId?: string; ids: (string | undefined)[]; ended: boolean },
): PeerView[] {
  const legsByParticipant = new Map<string, Comm[]>();
  for (const c of comms) {
    if (!c.participant) continue;
    const legs = legsByParticipant.get(c.participant.id);
    if (legs) legs.push(c);
    else legsByParticipant.set(c.participant.id, [c]);
  }
  const peers: PeerView[] = [];
  for (const person of Object.values(people).sort(byId)) {
    if (person.id === mine.me || SYSTEM_PURPOSES.has(person.purpose!)) continue;
    const theirs = legsByParticipant.get(person.id) ?? [];
    const other = person.conversationId ?? theirs[0]?.conversationId;
    if (mine.conversationId && other && other !== mine.conversationId) continue;
    const inSession = theirs.filter((c) => inMySession(c, mine.primary));
    // A live leg first: one that connected says they are viewing, whatever another leg of theirs (a second
    // invitation still alerting, say) says.
    const leg = best(inSession.filter((c) => LIVE.has(c.connection))) ?? best(inSession);
    const monitoring = isMonitoring(person);
    const connection = monitoring
      ? (leg?.connection ?? best(theirs)?.connection ?? knownConnection(person.state) ?? 'idle')
      : leg?.connection;
    if (monitoring ? connection === 'disconnected' : !LIVE.has(connection!)) continue;
    peers.push({
      id: person.id,
      name: person.name,
      purpose: person.purpose,
      role: roleOf(leg),
      connection: connection!,
      controlling:
        !mine.ended && connection !== 'disconnected' && !!leg?.controlling?.some((id) => mine.ids.includes(id)),
      ...(monitoring && { monitoring }),
    });
  }
  return peers;
}

export function derive(state: StoreState, now: number, selfId?: string): SessionView {
  const comms = communications(state, now);
  const people: Record<string, Person> = { ...state.people };
  for (const c of comms)
    if (c.participant) people[c.participant.id] = { ...people[c.participant.id], ...c.participant };

  const me = findMe(state, people, comms, selfId);
  let mine = comms.filter((c) => c.id === selfId || (me !== undefined && c.participant?.id === me));
  if (!mine.length) mine = comms.filter((c) => !c.participant);
  mine = rank(mine.filter((c) => !dismissed(state, c)));

  const primary = mine[0];
  if (!primary) {
    return freeze({
      connection: 'idle',
      peerCount: 0,
      control: { controlledBy: [], controlling: [] },
      peers: [],
      link: state.link,
      others: [],
      pending: state.pending,
      failed: state.failed,
    });
  }
  const sessionId = sessionOf(primary);
  const ended = primary.connection === 'disconnected';
  const myself = me ? people[me] : undefined;
  const conversationId = primary.conversationId ?? myself?.conversationId;
  const peers = listPeers(people, comms, {
    me,
    primary,
    conversationId,
    ids: [me, selfId, primary.id, primary.cobrowseSessionId],
    ended,
  });
  const controlledBy = peers.filter((p) => p.controlling);

  const requests = Object.values(state.requests)
    .filter(
      ({ value }) =>
        !ended &&
        value.active &&
        // (No expiry, no expiring: `undefined <= now` is false.)
        !(value.expiresAt! <= now) &&
        (value.communicationId ?? value.sessionId ?? sessionId) === (value.communicationId ? primary.id : sessionId) &&
        // A control request is answered once the requester controls me, or controlled someone since it asked.
        (value.type !== 'control-request' ||
          (!controlledBy.some((p) => p.id === value.participantId) &&
            !comms.some((c) => (c.participant?.id ?? c.id) === value.participantId && c.grantedAt! >= value.time!))),
    )
    .sort((a, b) => order(b.stamp, a.stamp))
    .map(({ value }) => value);
  // What both kinds of request show.
  const asked = (r: (typeof requests)[number]) => ({
    participantId: r.participantId,
    name: r.name ?? people[r.participantId]?.name,
    requestedAt: iso(r.time)!,
  });
  const control = requests.find((r) => r.type === 'control-request');
  const navigation = requests.find((r) => r.type === 'navigation-request');

  // The view starts with the primary communication's summary, the fields each of `others` has. (In the view's key
  // order, so only `rawState` moved, after them.)
  const [first, ...others] = mine.map((c): CommunicationSummary => ({
    connection: c.connection,
    kind: c.kind,
    role: roleOf(c),
    sessionId: sessionOf(c),
    communicationId: c.id,
  }));

  return freeze({
    ...first,
    rawState: primary.rawState ?? primary.state,
    participantId: me,
    conversationId,
    // The communication's own count when it gives one, but never fewer than the viewers listed (live, not
    // monitoring, not the sharer), so the panel and the badge's "N viewing" agree.
    peerCount: Math.max(
      primary.peerCount ?? 0,
      peers.filter((p) => LIVE.has(p.connection) && !p.monitoring && p.role !== 'sharer').length,
    ),
    control: {
      controlledBy,
      controlling: ended ? [] : (primary.controlling ?? []),
      request: control && { ...asked(control), expiresAt: iso(control.expiresAt)! },
    },
    peers,
    alertingSince: iso(primary.startAlertingTime),
    connectedSince: iso(primary.connectedTime),
    disconnectedAt: ended ? iso(primary.disconnectedTime) : undefined,
    offerExpiresAt: primary.connection === 'alerting' ? iso(primary.offerExpiresAt) : undefined,
    disconnectType: ended ? primary.disconnectType : undefined,
    viewerUrl: ended ? undefined : primary.viewerUrl,
    screenRecordingState: myself?.screenRecordingState,
    navigationRequest: navigation && { ...asked(navigation), url: navigation.url },
    pending: state.pending,
    failed: state.failed,
    link: state.link,
    others,
  });
}

/** The next moment the view changes by itself (a request or an offer expires), if any. */
export function nextDeadline(state: StoreState, now: number): number | undefined {
  const times = [state.pendingDeadline, ...Object.values(state.expiries)];
  for (const { value } of Object.values(state.requests)) if (value.active) times.push(value.expiresAt);
  for (const { value } of Object.values(state.offers)) times.push(value.expiresAt);
  return extreme(
    Math.min,
    times.filter((t) => t! > now),
  );
}
