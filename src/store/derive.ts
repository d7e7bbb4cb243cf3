/**
 * State -> the one immutable view of "my" session. Pure: the same state and `now` always give the same view,
 * whatever order the events that built the state arrived in.
 *
 * It runs on every ingest that changed the state, so it builds little: a communication as its updates describe it
 * comes ready-made from its record (reduce builds it once per change), "best" is a scan for the minimum rather than
 * a sorted copy, and given the previous view it reuses every part of it that came out equal (the peers, the control
 * block, the summaries, ..., or the whole view), so the store's comparison and freeze skip those parts and
 * components see stable identities.
 */
import { extreme, knownConnection, order } from './order.js';
import type { Communication, Person, RequestSignal, StoreState } from './reduce.js';
import { sameValue } from './reduce.js';
import type {
  CommunicationSummary,
  ControlRequestView,
  ControlView,
  Connection,
  NavigationRequestView,
  PeerView,
  SessionView,
} from './types.js';

/** A communication as the view sees it: its record's `comm`, plus what a Messenger offer or expiry says. */
interface Comm extends Communication {
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
/** The view's empty lists: frozen, so every view may share them. */
const NONE: never[] = Object.freeze([]) as never[];

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
/** Best first: by PRIORITY, then the newest, then by id (so the order never depends on arrival). A total order. */
const byRank = (a: Comm, b: Comm) => PRIORITY[b.connection] - PRIORITY[a.connection] || order(b.at, a.at) || byId(a, b);
/**
 * `c` or `best`, whichever ranks first (`c` when there is no best yet): folded over a list, its first by `byRank`.
 * A scan, not a sorted copy: the order is total, so its minimum is the sorted list's first whatever the algorithm.
 */
const better = (c: Comm, best: Comm | undefined) => (best === undefined || byRank(c, best) < 0 ? c : best);

/**
 * Views are deep-frozen, part by part as derive makes them: each new part is frozen where it is made (`reuse`,
 * `reuseList`, `controllingOf`, `frozen`), and the view itself last, shallowly. A generic deep freeze walked every
 * key of every part on every derive, parts reused from the previous view (frozen already) included: it was about
 * a third of a derive in Chromium. test/store/frozen.test.ts checks every published view is frozen all the way down.
 */
const frozen = <T extends object | undefined>(value: T): T =>
  value === undefined || Object.isFrozen(value) ? value : Object.freeze(value);

/**
 * Whether two views are the same as JSON would tell (a key whose value is `undefined` is the same as no key), by
 * walking them: views are small trees of plain objects, arrays and primitives, and serialising both on every
 * change was a large share of an ingest.
 */
export function sameView(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameView(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let count = 0;
  for (const key in left) {
    if (left[key] === undefined) continue;
    count++;
    if (!sameView(left[key], right[key])) return false;
  }
  for (const key in right) if (right[key] !== undefined) count--;
  return count === 0;
}

/** The same, or both objects and the same as JSON would tell. */
const alike = (a: unknown, b: unknown) => a === b || (typeof a === 'object' && typeof b === 'object' && sameView(a, b));

/**
 * `sameView` for two views, field by field: as fast as `===` on the parts derive reused (the same objects), and
 * walking only the parts that are new. (A walk of the view's keys cost more than the rest of a derive's
 * comparisons together.) A field added to `SessionView` must be added here: `EVERY_FIELD_COMPARED` fails to
 * compile until it is.
 */
const sameAsShown = (a: SessionView, b: SessionView) =>
  a.connection === b.connection &&
  a.kind === b.kind &&
  a.role === b.role &&
  a.sessionId === b.sessionId &&
  a.communicationId === b.communicationId &&
  a.rawState === b.rawState &&
  a.participantId === b.participantId &&
  a.conversationId === b.conversationId &&
  a.peerCount === b.peerCount &&
  alike(a.control, b.control) &&
  alike(a.peers, b.peers) &&
  a.alertingSince === b.alertingSince &&
  a.connectedSince === b.connectedSince &&
  a.disconnectedAt === b.disconnectedAt &&
  a.offerExpiresAt === b.offerExpiresAt &&
  a.disconnectType === b.disconnectType &&
  a.viewerUrl === b.viewerUrl &&
  a.screenRecordingState === b.screenRecordingState &&
  alike(a.navigationRequest, b.navigationRequest) &&
  alike(a.pending, b.pending) &&
  alike(a.failed, b.failed) &&
  a.link === b.link &&
  alike(a.others, b.others);
/** The fields `sameAsShown` compares. */
type Compared =
  | 'connection'
  | 'kind'
  | 'role'
  | 'sessionId'
  | 'communicationId'
  | 'rawState'
  | 'participantId'
  | 'conversationId'
  | 'peerCount'
  | 'control'
  | 'peers'
  | 'alertingSince'
  | 'connectedSince'
  | 'disconnectedAt'
  | 'offerExpiresAt'
  | 'disconnectType'
  | 'viewerUrl'
  | 'screenRecordingState'
  | 'navigationRequest'
  | 'pending'
  | 'failed'
  | 'link'
  | 'others';
/** Compiles only while every field of a view is one `sameAsShown` compares (`never` when one is missing). */
export const EVERY_FIELD_COMPARED: [Exclude<keyof SessionView, Compared>] extends [never] ? true : never = true;

/**
 * Whether two plain objects have exactly the same keys, each with the same value (`===`). Stricter than
 * `sameView`: a part reused from the previous view must be deep-equal to the one derive would build (the same
 * keys, `undefined` ones included), as the view is the same as JSON would tell only as a whole. (Presence is asked
 * only of an `undefined` value: `in` and `Object.hasOwn` cost more than the rest of the comparison.)
 */
function sameKeys(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  for (const key in left) if (left[key] !== right[key] || (left[key] === undefined && !(key in right))) return false;
  for (const key in right) if (right[key] !== left[key] || (right[key] === undefined && !(key in left))) return false;
  return true;
}

/**
 * `next`, or `previous` when `same` says they are alike. Each part of the view has its own `same`, field by field
 * (a generic walk of its keys cost more than building the part): every field of the part, and so, as derive always
 * builds a part with the same keys, exactly its keys.
 */
const reuse = <T extends object>(next: T, previous: T | undefined, same: (a: T, b: T) => boolean): T =>
  previous !== undefined && same(next, previous) ? previous : Object.freeze(next);

const samePeer = (a: PeerView, b: PeerView) =>
  a.id === b.id &&
  a.name === b.name &&
  a.purpose === b.purpose &&
  a.role === b.role &&
  a.connection === b.connection &&
  a.controlling === b.controlling &&
  // (Present only when true.)
  a.monitoring === b.monitoring;

/** (A view with no session has a control block without `request`; one with a session, with it, maybe undefined.) */
const sameControl = (a: ControlView, b: ControlView) =>
  a.controlledBy === b.controlledBy &&
  a.controlling === b.controlling &&
  a.request === b.request &&
  'request' in a === 'request' in b;

const sameRequest = <T extends ControlRequestView | NavigationRequestView>(a: T, b: T) =>
  a.participantId === b.participantId &&
  a.name === b.name &&
  a.requestedAt === b.requestedAt &&
  (a as ControlRequestView).expiresAt === (b as ControlRequestView).expiresAt &&
  (a as NavigationRequestView).url === (b as NavigationRequestView).url &&
  'url' in a === 'url' in b;

/** `next` (a fresh list), or `previous` when that has the same items; a shared empty list for none. */
function reuseList<T>(next: T[], previous: T[] | undefined): T[] {
  if (!next.length) return NONE;
  if (!previous || previous.length !== next.length) return Object.freeze(next) as T[];
  for (let i = 0; i < next.length; i++) if (next[i] !== previous[i]) return Object.freeze(next) as T[];
  return previous;
}

/** The fields of `c` a Messenger offer or an offer expiry changes, applied to `c` itself (a copy of a record's). */
function applyOffer(state: StoreState, c: Comm, now: number) {
  const sessionId = sessionOf(c);
  const offer = state.offers[sessionId]?.value;
  const event = offer?.event;
  c.offerExpiresAt = state.expiries[c.id] ?? state.expiries[sessionId] ?? offer?.expiresAt;
  if (c.connection !== 'alerting') return;
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

/** Whether a map of the state holds anything. */
function any(map: object): boolean {
  for (const key in map) if (Object.hasOwn(map, key)) return true;
  return false;
}

function communications(state: StoreState, now: number): Comm[] {
  const comms: Comm[] = [];
  for (const id in state.comms) comms.push(state.comms[id].comm);
  const offers = any(state.offers);
  if (offers || any(state.expiries)) {
    // (An absent session id adds `undefined`, which no offer's session id matches.)
    const sessions = new Set<string>();
    for (const c of comms) sessions.add(c.cobrowseSessionId!).add(c.id);
    for (let i = 0; i < comms.length; i++) {
      const c = comms[i];
      const sessionId = sessionOf(c);
      // A record's communication is shared by every state that holds it: one an offer or expiry applies to is
      // copied first. (One neither applies to would only gain `offerExpiresAt: undefined`.)
      if (state.offers[sessionId] || state.expiries[c.id] !== undefined || state.expiries[sessionId] !== undefined) {
        applyOffer(state, (comms[i] = { ...c }), now);
      }
    }
    // A Messenger offer for a session no communication describes yet stands for that session.
    if (offers) {
      for (const sessionId in state.offers) {
        if (sessions.has(sessionId)) continue;
        const { value, stamp } = state.offers[sessionId];
        const c: Comm = {
          id: sessionId,
          kind: 'cobrowse',
          cobrowseSessionId: sessionId,
          // (`rawState` is absent: the view shows the state, the offer's event.)
          state: value.event,
          startAlertingTime: value.time,
          // Alerting until the offer's own outcome applies.
          connection: 'alerting',
          at: stamp,
        };
        applyOffer(state, c, now);
        comms.push(c);
      }
    }
  }
  return comms.length > 1 ? comms.sort(byParticipantThenAge) : comms;
}

/**
 * The order of the communications: each participant's oldest first, so that where two of them say something
 * about one participant, the newer wins (`peopleOf`, and `Legs.first`). Nothing reads the order between different
 * participants' communications (every other choice is a scan by `byRank`, a total order, or by a unique id), so
 * they go by participant id: the stamps, whose ties `compareJson` breaks by serialising the updates, are compared
 * only within one participant's. (The legs of one conversation event share one time: the tie was every derive's.)
 */
const byParticipantThenAge = (a: Comm, b: Comm) => {
  const left = a.participant?.id ?? '';
  const right = b.participant?.id ?? '';
  if (left !== right) return left < right ? -1 : 1;
  return order(a.at, b.at) || byId(a, b);
};

/**
 * The state's participants with what each communication says of its participant laid over them, oldest first.
 * The state's own map (or person) where no communication says anything new: nearly always, as a conversation event
 * lists the same participants its communications name.
 */
function peopleOf(state: StoreState, comms: Comm[]): Record<string, Person> {
  let people = state.people;
  for (const c of comms) {
    const participant = c.participant;
    if (!participant) continue;
    const held = people[participant.id];
    if (held && covers(held, participant)) continue;
    if (people === state.people) people = { ...people };
    people[participant.id] = { ...held, ...participant };
  }
  return people;
}

/** Whether laying `participant` over `person` would change none of its fields. */
function covers(person: Person, participant: object): boolean {
  const fields = participant as Record<string, unknown>;
  const held = person as unknown as Record<string, unknown>;
  for (const key in fields) if (!sameValue(fields[key], held[key])) return false;
  return true;
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
  if (selfId) {
    if (people[selfId]) return selfId;
    for (const c of comms) if (c.id === selfId) return c.participant?.id;
    return undefined;
  }
  let inSession: Comm | undefined;
  for (const c of comms) {
    const id = c.participant?.id;
    if (id !== undefined && people[id]?.purpose === 'customer' && !dismissed(state, c)) {
      inSession = better(c, inSession);
    }
  }
  if (inSession) return inSession.participant!.id;
  let smallest: string | undefined;
  for (const id in people)
    if (people[id].purpose === 'customer' && (smallest === undefined || id < smallest)) smallest = id;
  return smallest;
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

type NavigationSignal = Extract<RequestSignal, { type: 'navigation-request' }>;

/** What `listPeers` needs of one participant's communications (its legs), gathered in one pass over them. */
interface Legs {
  /** The oldest leg (whose conversation id stands for theirs when the participant gives none). */
  first: Comm;
  /** The best of all their legs, of those in my session, and of those in my session that are live. */
  best: Comm;
  inSession?: Comm;
  live?: Comm;
}

function legsByParticipant(comms: Comm[], primary: Comm): Map<string, Legs> {
  const legs = new Map<string, Legs>();
  for (const c of comms) {
    if (!c.participant) continue;
    let theirs = legs.get(c.participant.id);
    if (!theirs) legs.set(c.participant.id, (theirs = { first: c, best: c }));
    else theirs.best = better(c, theirs.best);
    if (!inMySession(c, primary)) continue;
    theirs.inSession = better(c, theirs.inSession);
    if (LIVE.has(c.connection)) theirs.live = better(c, theirs.live);
  }
  return legs;
}

/** The peer of `previous` with this id, if any. */
function peerIn(previous: PeerView[] | undefined, id: string): PeerView | undefined {
  if (previous) for (const peer of previous) if (peer.id === id) return peer;
  return undefined;
}

/**
 * Who the customer is shown, sorted by id: every participant of my conversation (not me, not a system participant)
 * with a live (connected or held) co-browse or screen-share leg in my session. A participant whose only legs are
 * other media (the model keeps none of those), whose leg only alerted, or whose leg ended (they left, or were
 * transferred away) is not listed. A monitoring supervisor is the exception, disclosed with `monitoring: true` unless
 * known to have left (every leg of theirs ended, or their own state says so): it may watch through another medium,
 * or through none the payload describes, and is never hidden. A peer equal to one `previous` lists is that one.
 */
function listPeers(
  people: Record<string, Person>,
  comms: Comm[],
  mine: { me?: string; primary: Comm; conversationId?: string; ids: (string | undefined)[]; ended: boolean },
  previous: PeerView[] | undefined,
): PeerView[] {
  const legs = legsByParticipant(comms, mine.primary);
  const peers: PeerView[] = [];
  for (const id in people) {
    const person = people[id];
    if (person.id === mine.me || SYSTEM_PURPOSES.has(person.purpose!)) continue;
    const theirs = legs.get(person.id);
    const other = person.conversationId ?? theirs?.first.conversationId;
    if (mine.conversationId && other && other !== mine.conversationId) continue;
    // A live leg first: one that connected says they are viewing, whatever another leg of theirs (a second
    // invitation still alerting, say) says.
    const leg = theirs?.live ?? theirs?.inSession;
    const monitoring = isMonitoring(person);
    const connection = monitoring
      ? (leg?.connection ?? theirs?.best.connection ?? knownConnection(person.state) ?? 'idle')
      : leg?.connection;
    if (monitoring ? connection === 'disconnected' : !LIVE.has(connection!)) continue;
    const peer: PeerView = {
      id: person.id,
      name: person.name,
      purpose: person.purpose,
      role: roleOf(leg),
      connection: connection!,
      controlling:
        !mine.ended && connection !== 'disconnected' && !!leg?.controlling?.some((id) => mine.ids.includes(id)),
    };
    // (Present only when true; set after the literal rather than spread into it, which is much slower.)
    if (monitoring) peer.monitoring = monitoring;
    peers.push(reuse(peer, peerIn(previous, peer.id), samePeer));
  }
  // (Sorted here rather than the people before: a participant gives at most one peer, and ids are unique.)
  return reuseList(peers.length > 1 ? peers.sort(byId) : peers, previous);
}

/** The newest active request of each kind that still stands for my session (`primary`). */
function standingRequests(
  state: StoreState,
  now: number,
  comms: Comm[],
  primary: Comm,
  controlledBy: PeerView[],
  ended: boolean,
) {
  type Entry = StoreState['requests'][string];
  const found: { 'control-request'?: Entry; 'navigation-request'?: Entry } = {};
  if (ended || !any(state.requests)) return found;
  const sessionId = sessionOf(primary);
  for (const key in state.requests) {
    const entry = state.requests[key];
    const { value } = entry;
    if (
      !value.active ||
      // (No expiry, no expiring: `undefined <= now` is false.)
      value.expiresAt! <= now ||
      (value.communicationId ?? value.sessionId ?? sessionId) !== (value.communicationId ? primary.id : sessionId)
    ) {
      continue;
    }
    // A control request is answered once the requester controls me, or controlled someone since it asked.
    if (
      value.type === 'control-request' &&
      (controlledBy.some((p) => p.id === value.participantId) ||
        comms.some((c) => (c.participant?.id ?? c.id) === value.participantId && c.grantedAt! >= value.time!))
    ) {
      continue;
    }
    // The newest of each kind (`order` is total, so this is the first of a newest-first sort).
    const held = found[value.type];
    if (!held || order(entry.stamp, held.stamp) > 0) found[value.type] = entry;
  }
  return found;
}

/** What both kinds of request show. */
const asked = ({ value }: StoreState['requests'][string], people: Record<string, Person>) => ({
  participantId: value.participantId,
  name: value.name ?? people[value.participantId]?.name,
  requestedAt: iso(value.time)!,
});

/** A communication as `others` lists it (and as the view starts: see `derive`). */
const summary = (c: Comm): CommunicationSummary => ({
  connection: c.connection,
  kind: c.kind,
  role: roleOf(c),
  sessionId: sessionOf(c),
  communicationId: c.id,
});

/** How many peers are viewing: live, not monitoring, not the sharer. */
function viewers(peers: PeerView[]): number {
  let count = 0;
  for (const p of peers) if (LIVE.has(p.connection) && !p.monitoring && p.role !== 'sharer') count++;
  return count;
}

/**
 * The view of `state` at `now`. Given `previous` (the view last derived), every part of the new view equal to its
 * part there is that part, and a view equal to it as a whole is `previous` itself.
 */
export function derive(state: StoreState, now: number, selfId?: string, previous?: SessionView): SessionView {
  const comms = communications(state, now);
  const people = peopleOf(state, comms);

  const me = findMe(state, people, comms, selfId);
  let mine: Comm[] = [];
  for (const c of comms) if (c.id === selfId || (me !== undefined && c.participant?.id === me)) mine.push(c);
  if (!mine.length) for (const c of comms) if (!c.participant) mine.push(c);
  if (state.dismissed.length) mine = mine.filter((c) => !dismissed(state, c));
  if (mine.length > 1) mine.sort(byRank);

  // (An action is frozen when made; a failed one, made by `settle`, is frozen here, once: its fields are strings.)
  const pending = previous && sameOrNone(state.pending, previous.pending) ? previous.pending : frozen(state.pending);
  const failed = previous && sameOrNone(state.failed, previous.failed) ? previous.failed : frozen(state.failed);
  const primary = mine[0];
  if (!primary) {
    const control = reuse<ControlView>({ controlledBy: NONE, controlling: NONE }, previous?.control, sameControl);
    const view: SessionView = {
      connection: 'idle',
      peerCount: 0,
      control,
      peers: NONE,
      link: state.link,
      others: NONE,
      pending,
      failed,
    };
    return previous && sameAsShown(view, previous) ? previous : Object.freeze(view);
  }
  const ended = primary.connection === 'disconnected';
  const myself = me ? people[me] : undefined;
  const conversationId = primary.conversationId ?? myself?.conversationId;
  const peers = listPeers(
    people,
    comms,
    { me, primary, conversationId, ids: [me, selfId, primary.id, primary.cobrowseSessionId], ended },
    previous?.peers,
  );
  // (No list made when nobody controls me: the usual case.)
  const controlledBy = peers.some((p) => p.controlling)
    ? reuseList(
        peers.filter((p) => p.controlling),
        previous?.control.controlledBy,
      )
    : NONE;

  const requests = standingRequests(state, now, comms, primary, controlledBy, ended);
  const control = requests['control-request'];
  const navigation = requests['navigation-request'];
  const request =
    control &&
    reuse<ControlRequestView>(
      { ...asked(control, people), expiresAt: iso(control.value.expiresAt)! },
      previous?.control.request,
      sameRequest,
    );
  const navigationRequest =
    navigation &&
    reuse<NavigationRequestView>(
      { ...asked(navigation, people), url: (navigation.value as NavigationSignal).url },
      previous?.navigationRequest,
      sameRequest,
    );

  const othersBefore = previous?.others;
  const others =
    mine.length > 1
      ? reuseList(
          mine.slice(1).map((c, i) => reuse(summary(c), othersBefore?.[i], sameKeys)),
          othersBefore,
        )
      : NONE;

  const view: SessionView = {
    // The view starts with the primary communication's summary, the fields each of `others` has (in the view's
    // key order, so only `rawState` moved, after them), written out rather than spread from `summary`.
    connection: primary.connection,
    kind: primary.kind,
    role: roleOf(primary),
    sessionId: sessionOf(primary),
    communicationId: primary.id,
    rawState: primary.rawState ?? primary.state,
    participantId: me,
    conversationId,
    // The communication's own count when it gives one, but never fewer than the viewers listed (live, not
    // monitoring, not the sharer), so the panel and the badge's "N viewing" agree.
    peerCount: Math.max(primary.peerCount ?? 0, viewers(peers)),
    control: reuse<ControlView>(
      { controlledBy, controlling: controllingOf(primary, ended, previous), request },
      previous?.control,
      sameControl,
    ),
    peers,
    alertingSince: iso(primary.startAlertingTime),
    connectedSince: iso(primary.connectedTime),
    disconnectedAt: ended ? iso(primary.disconnectedTime) : undefined,
    offerExpiresAt: primary.connection === 'alerting' ? iso(primary.offerExpiresAt) : undefined,
    disconnectType: ended ? primary.disconnectType : undefined,
    viewerUrl: ended ? undefined : primary.viewerUrl,
    screenRecordingState: myself?.screenRecordingState,
    navigationRequest,
    pending,
    failed,
    link: state.link,
    others,
  };
  return previous && sameAsShown(view, previous) ? previous : Object.freeze(view);
}

/** Whom I control: `primary`'s own list while it lasts (the previous view's when that lists the same). */
function controllingOf(primary: Comm, ended: boolean, previous: SessionView | undefined): string[] {
  const controlling = ended ? undefined : primary.controlling;
  if (!controlling?.length) return NONE;
  const before = previous?.control.controlling;
  // (The update's own list, frozen with the view, as it always was: nothing writes to a held update.)
  return before && sameValue(controlling, before) ? before : frozen(controlling);
}

/** Whether two pending (or failed) actions are alike key by key, or both absent. */
const sameOrNone = (a: object | undefined, b: object | undefined) =>
  a === b || (a !== undefined && b !== undefined && sameKeys(a, b));

/** The next moment the view changes by itself (a request or an offer expires), if any. */
export function nextDeadline(state: StoreState, now: number): number | undefined {
  let soonest = sooner(undefined, state.pendingDeadline, now);
  for (const key in state.expiries) soonest = sooner(soonest, state.expiries[key], now);
  for (const key in state.requests) {
    const { value } = state.requests[key];
    if (value.active) soonest = sooner(soonest, value.expiresAt, now);
  }
  for (const key in state.offers) soonest = sooner(soonest, state.offers[key].value.expiresAt, now);
  return soonest;
}

/** `time` when it is after `now` and before `soonest` (or there is none), else `soonest`. */
export const sooner = (soonest: number | undefined, time: number | undefined, now: number) =>
  time !== undefined && time > now && (soonest === undefined || time < soonest) ? time : soonest;
