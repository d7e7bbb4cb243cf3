import { expect } from '@open-wc/testing';
import { connectionOf } from '../../src/store/index.js';
import { derive, nextDeadline } from '../../src/store/derive.js';
import { INITIAL_STATE, reduce } from '../../src/store/reduce.js';
import { comm, input, iso, ms, OPTIONS, person, stateOf, viewOf } from './helpers.js';

describe('store: reduce + derive (normalised input)', () => {
  describe('connection from each Genesys state', () => {
    const table: [string, boolean, string][] = [
      ['alerting', false, 'alerting'],
      ['offering', false, 'alerting'],
      ['dialing', false, 'connecting'],
      ['contacting', false, 'connecting'],
      ['scheduled', false, 'connecting'],
      ['connected', false, 'connected'],
      ['connected', true, 'held'],
      ['parked', false, 'held'],
      ['disconnected', false, 'disconnected'],
      ['terminated', false, 'disconnected'],
    ];
    for (const [state, held, connection] of table) {
      it(`${state}${held ? ' + held' : ''} -> ${connection}`, () => {
        const view = viewOf([input(comm('c1', state, 1, { held }))]);
        expect(view.connection).to.equal(connection);
        expect(view.rawState).to.equal(state);
        expect(connectionOf(state, held)).to.equal(connection);
      });
    }

    it('is idle when nothing is known', () => {
      expect(viewOf([]).connection).to.equal('idle');
      expect(viewOf([input()]).connection).to.equal('idle');
    });

    it('keeps an unknown state verbatim and reads it as connecting when nothing came before', () => {
      const view = viewOf([input(comm('c1', 'Frobnicating', 1))]);
      expect(view).to.include({ connection: 'connecting', rawState: 'Frobnicating' });
    });

    it('reads an unknown state as the last known one (never connected after the end)', () => {
      expect(viewOf([input(comm('c1', 'connected', 1)), input(comm('c1', 'transmitting', 2))])).to.include({
        connection: 'connected',
        rawState: 'transmitting',
      });
      expect(viewOf([input(comm('c1', 'disconnected', 1)), input(comm('c1', 'outdated_sdk_version', 2))])).to.include({
        connection: 'disconnected',
        rawState: 'outdated_sdk_version',
      });
    });

    it('keeps the raw spelling while mapping the folded state', () => {
      const view = viewOf([input(comm('c1', 'connected', 1, { rawState: 'CONNECTED' }))]);
      expect(view).to.include({ connection: 'connected', rawState: 'CONNECTED' });
    });
  });

  describe('ordering', () => {
    it('ignores an older update and treats an equal one as a no-op', () => {
      const newer = input(comm('c1', 'connected', 10));
      const state = stateOf([newer, input(comm('c1', 'alerting', 5))]);
      expect(derive(state, ms(100)).connection).to.equal('connected');
      const again = reduce(state, newer, ms(100), OPTIONS);
      expect(derive(again, ms(100))).to.deep.equal(derive(state, ms(100)));
    });

    it('keeps disconnected final against an equal time, but a strictly newer update reopens', () => {
      expect(viewOf([input(comm('c1', 'disconnected', 10)), input(comm('c1', 'connected', 10))]).connection).to.equal(
        'disconnected',
      );
      expect(viewOf([input(comm('c1', 'connected', 10)), input(comm('c1', 'disconnected', 10))]).connection).to.equal(
        'disconnected',
      );
      expect(viewOf([input(comm('c1', 'disconnected', 10)), input(comm('c1', 'connected', 11))]).connection).to.equal(
        'connected',
      );
    });

    it('orders by the newest timestamp when there is no providerEventTime', () => {
      const view = viewOf([
        input(comm('c1', 'disconnected', undefined, { connectedTime: ms(5), disconnectedTime: ms(9) })),
        input(comm('c1', 'connected', undefined, { connectedTime: ms(5) })),
      ]);
      expect(view.connection).to.equal('disconnected');
    });

    it('falls back to arrival order for updates without any time, but never reopens an ended one', () => {
      expect(
        viewOf([input(comm('c1', 'alerting', undefined)), input(comm('c1', 'connected', undefined))]).connection,
      ).to.equal('connected');
      expect(
        viewOf([input(comm('c1', 'disconnected', undefined)), input(comm('c1', 'connected', undefined))]).connection,
      ).to.equal('disconnected');
    });

    it('keeps identity fields a newer update lacks, and takes state fields only from the newest', () => {
      const view = viewOf([
        input(
          comm('c1', 'connected', 1, {
            role: 'sharer',
            cobrowseSessionId: 's1',
            viewerUrl: 'https://viewer.example/s1',
            controlling: ['p9'],
            startAlertingTime: ms(0),
            connectedTime: ms(1),
          }),
        ),
        input(comm('c1', 'connected', 2)),
      ]);
      expect(view).to.include({
        role: 'sharer',
        sessionId: 's1',
        viewerUrl: 'https://viewer.example/s1',
        alertingSince: iso(0),
        connectedSince: iso(1),
      });
      expect(view.control.controlling).to.deep.equal([]);
    });

    it('drops the viewer URL, control and the end reason of a live session once it ends', () => {
      const view = viewOf([
        input(comm('c1', 'connected', 1, { viewerUrl: 'https://viewer.example', controlling: ['p2'] })),
        input(comm('c1', 'disconnected', 2, { disconnectType: 'endpoint', disconnectedTime: ms(2) })),
      ]);
      expect(view).to.include({ connection: 'disconnected', disconnectType: 'endpoint', disconnectedAt: iso(2) });
      expect(view.viewerUrl).to.equal(undefined);
      expect(view.control.controlling).to.deep.equal([]);
    });

    it('never mutates the state it is given', () => {
      const state = stateOf([input(comm('c1', 'alerting', 1))]);
      const copy = JSON.stringify(state);
      reduce(state, input(comm('c1', 'connected', 2), comm('c2', 'alerting', 3)), ms(100), OPTIONS);
      expect(JSON.stringify(state)).to.equal(copy);
      expect(INITIAL_STATE.comms).to.deep.equal({});
    });

    it('remembers at most maxCommunications, forgetting ended ones first', () => {
      let state = INITIAL_STATE;
      const options = { ...OPTIONS, maxCommunications: 3 };
      state = reduce(state, input(comm('live', 'connected', 1)), ms(100), options);
      for (let i = 0; i < 5; i++)
        state = reduce(state, input(comm(`old${i}`, 'disconnected', 2 + i)), ms(100), options);
      expect(Object.keys(state.comms).sort()).to.deep.equal(['live', 'old3', 'old4']);
    });
  });

  describe('roles and kinds', () => {
    it('takes the role from cobrowseRole, verbatim when unknown', () => {
      expect(viewOf([input(comm('c1', 'connected', 1, { role: 'viewer' }))])).to.include({
        role: 'viewer',
        kind: 'cobrowse',
      });
      expect(viewOf([input(comm('c1', 'connected', 1, { role: 'observer' }))]).role).to.equal('observer');
    });

    it("reads a screenshare's role from `sharing` and its peerCount as given", () => {
      const sharing = viewOf([input(comm('s1', 'connected', 1, { kind: 'screenshare', sharing: true, peerCount: 2 }))]);
      expect(sharing).to.include({ kind: 'screenshare', role: 'sharer', peerCount: 2, sessionId: 's1' });
      const watching = viewOf([
        input(comm('s1', 'connected', 1, { kind: 'screenshare', sharing: false, peerCount: 0 })),
      ]);
      expect(watching).to.include({ role: 'viewer', peerCount: 0 });
    });
  });

  describe('me, peers and control', () => {
    const conversation = {
      id: 'conv1',
      participants: [
        person('p-cust', 'customer', { screenRecordingState: 'active' }),
        person('p-agent', 'agent'),
        person('p-sup', 'user', { monitoredParticipantId: 'p-agent' }),
        person('p-acd', 'acd'),
      ],
    };
    const mine = (seconds: number, extra = {}) =>
      comm('c-cust', 'connected', seconds, {
        role: 'sharer',
        cobrowseSessionId: 's1',
        participant: { id: 'p-cust', purpose: 'customer' },
        conversationId: 'conv1',
        ...extra,
      });
    const agent = (seconds: number, controlling: string[] = [], state = 'connected') =>
      comm('c-agent', state, seconds, {
        role: 'viewer',
        cobrowseSessionId: 's1',
        controlling,
        participant: { id: 'p-agent', purpose: 'agent', name: 'Ann' },
        conversationId: 'conv1',
      });
    const supervisor = comm('c-sup', 'connected', 1, {
      role: 'viewer',
      cobrowseSessionId: 's1',
      participant: { id: 'p-sup', purpose: 'user' },
      conversationId: 'conv1',
    });

    it('finds me as the customer, lists the agent and the monitoring supervisor, and counts only the agent', () => {
      const view = viewOf([input(conversation, mine(1), agent(1), supervisor)]);
      expect(view).to.include({
        participantId: 'p-cust',
        communicationId: 'c-cust',
        conversationId: 'conv1',
        role: 'sharer',
        peerCount: 1,
        screenRecordingState: 'active',
      });
      expect(view.peers).to.deep.equal([
        { id: 'p-agent', name: 'Ann', purpose: 'agent', role: 'viewer', connection: 'connected', controlling: false },
        {
          id: 'p-sup',
          name: 'user p-sup',
          purpose: 'user',
          role: 'viewer',
          connection: 'connected',
          controlling: false,
          monitoring: true,
        },
      ]);
    });

    it('treats mediaRoles monitor / coach as monitoring too', () => {
      const coach = { ...conversation, participants: [person('p-x', 'user', { mediaRoles: ['coach'] } as never)] };
      const view = viewOf([input(conversation, coach, mine(1))]);
      expect(view.peers.find((p) => p.id === 'p-x')?.monitoring).to.equal(true);
    });

    it('lists only peers with a live leg in my session: not a participant state alone, not an ended leg', () => {
      // (Issue 16: a participant with no co-browse or screen-share leg, or whose leg ended, saw nothing.)
      const view = viewOf([
        input(
          {
            id: 'conv1',
            participants: [person('p-cust', 'customer'), person('p-agent', 'agent', { state: 'connected' })],
          },
          mine(1),
        ),
      ]);
      expect(view.peers).to.deep.equal([]);
      expect(view.peerCount).to.equal(0);
      const left = viewOf([input(conversation, mine(1), agent(1)), input(agent(2, [], 'disconnected'))]);
      expect(left.peers.map((p) => p.id)).to.deep.equal(['p-sup']);
      expect(left.peerCount).to.equal(0);
      const alerted = viewOf([input(conversation, mine(1), agent(1, [], 'alerting'))]);
      expect(alerted.peers.map((p) => p.id)).to.deep.equal(['p-sup']);
    });

    it('uses selfId, by participant id or by communication id', () => {
      expect(viewOf([input(conversation, mine(1), agent(1))], { selfId: 'p-agent' })).to.include({
        participantId: 'p-agent',
        communicationId: 'c-agent',
        role: 'viewer',
      });
      expect(viewOf([input(conversation, mine(1), agent(1))], { selfId: 'c-agent' })).to.include({
        participantId: 'p-agent',
        communicationId: 'c-agent',
      });
    });

    it('grants control through the peer `controlling` my participant id, and revokes it', () => {
      const granted = viewOf([input(conversation, mine(1), agent(1)), input(agent(2, ['p-cust']))]);
      expect(granted.control.controlledBy.map((p) => p.id)).to.deep.equal(['p-agent']);
      expect(granted.peers[0].controlling).to.equal(true);
      const revoked = viewOf([
        input(conversation, mine(1), agent(1)),
        input(agent(2, ['p-cust'])),
        input(agent(3, [])),
      ]);
      expect(revoked.control.controlledBy).to.deep.equal([]);
    });

    it('matches my communication id and my cobrowse session id too', () => {
      for (const id of ['c-cust', 's1']) {
        const view = viewOf([input(conversation, mine(1), agent(2, [id]))]);
        expect(
          view.control.controlledBy.map((p) => p.id),
          id,
        ).to.deep.equal(['p-agent']);
      }
      expect(viewOf([input(conversation, mine(1), agent(2, ['someone-else']))]).control.controlledBy).to.deep.equal([]);
    });

    it('lists whose pages I control from my own `controlling`', () => {
      expect(
        viewOf([input(conversation, mine(1, { controlling: ['p-agent'] }), agent(1))]).control.controlling,
      ).to.deep.equal(['p-agent']);
    });

    it('nobody controls me once my session ended', () => {
      const view = viewOf([
        input(conversation, mine(1), agent(2, ['p-cust'])),
        input(mine(3, { state: 'disconnected' })),
      ]);
      expect(view.connection).to.equal('disconnected');
      expect(view.control.controlledBy).to.deep.equal([]);
    });

    it('leaves out participants of another conversation', () => {
      const other = { id: 'conv2', participants: [person('p-other', 'agent')] };
      expect(viewOf([input(conversation, other, mine(1))]).peers.map((p) => p.id)).to.not.include('p-other');
    });
  });

  it('gives a full view for a bare Cobrowsesession with no participants', () => {
    const view = viewOf([
      input(
        comm('c1', 'connected', 5, {
          cobrowseSessionId: 's1',
          role: 'sharer',
          connectedTime: ms(5),
          startAlertingTime: ms(1),
        }),
      ),
    ]);
    expect(view).to.deep.equal({
      connection: 'connected',
      rawState: 'connected',
      kind: 'cobrowse',
      role: 'sharer',
      sessionId: 's1',
      communicationId: 'c1',
      participantId: undefined,
      conversationId: undefined,
      peerCount: 0,
      control: { controlledBy: [], controlling: [], request: undefined },
      peers: [],
      alertingSince: iso(1),
      connectedSince: iso(5),
      disconnectedAt: undefined,
      offerExpiresAt: undefined,
      disconnectType: undefined,
      viewerUrl: undefined,
      screenRecordingState: undefined,
      navigationRequest: undefined,
      pending: undefined,
      failed: undefined,
      link: 'none',
      others: [],
    });
    expect(Object.isFrozen(view) && Object.isFrozen(view.control) && Object.isFrozen(view.peers)).to.equal(true);
  });

  describe('several communications', () => {
    it('prefers the one that needs me (alerting), then the live one; the rest go in `others`', () => {
      const view = viewOf([
        input(comm('cob', 'connected', 1, { role: 'sharer' }), comm('ss', 'alerting', 2, { kind: 'screenshare' })),
      ]);
      expect(view).to.include({ communicationId: 'ss', connection: 'alerting', kind: 'screenshare' });
      expect(view.others).to.deep.equal([
        { communicationId: 'cob', sessionId: 'cob', kind: 'cobrowse', connection: 'connected', role: 'sharer' },
      ]);
    });

    it('prefers a live session over an ended one even when the ended one is newer', () => {
      const view = viewOf([input(comm('a', 'connected', 1), comm('b', 'disconnected', 9))]);
      expect(view.communicationId).to.equal('a');
      expect(view.others.map((o) => o.connection)).to.deep.equal(['disconnected']);
    });

    it('picks the newest among equals', () => {
      expect(viewOf([input(comm('a', 'connected', 3), comm('b', 'connected', 2))]).communicationId).to.equal('a');
    });
  });

  describe('offers', () => {
    const offer = (
      event: 'offering' | 'offeringexpired' | 'offeringaccepted' | 'offeringrejected',
      seconds: number,
      expiresIn?: number,
    ) =>
      ({
        type: 'offer',
        event,
        sessionId: 's1',
        time: ms(seconds),
        ...(expiresIn === undefined ? {} : { expiresAt: ms(seconds + expiresIn) }),
      }) as const;

    it('an offer alone is an alerting session with its expiry', () => {
      const view = viewOf([input(offer('offering', 1, 30))], { now: ms(10) });
      expect(view).to.include({
        connection: 'alerting',
        sessionId: 's1',
        offerExpiresAt: iso(31),
        alertingSince: iso(1),
      });
    });

    it('an expired offer ends the alerting state (event or time passed)', () => {
      expect(
        viewOf([input(offer('offering', 1, 30)), input(offer('offeringexpired', 31))], { now: ms(40) }),
      ).to.include({
        connection: 'disconnected',
        disconnectType: 'timeout',
      });
      expect(viewOf([input(offer('offering', 1, 30))], { now: ms(31) })).to.include({
        connection: 'disconnected',
        disconnectType: 'timeout',
        disconnectedAt: iso(31),
      });
    });

    it('accepted reads as connecting until the session connects; rejected ends it', () => {
      expect(viewOf([input(offer('offering', 1)), input(offer('offeringaccepted', 2))]).connection).to.equal(
        'connecting',
      );
      expect(viewOf([input(offer('offering', 1)), input(offer('offeringrejected', 2))]).connection).to.equal(
        'disconnected',
      );
    });

    it('an offer for a known communication gives it offerExpiresAt, and offer-expiry does too', () => {
      const alerting = comm('c1', 'alerting', 1, { cobrowseSessionId: 's1' });
      expect(viewOf([input(alerting, offer('offering', 1, 20))], { now: ms(5) })).to.include({
        communicationId: 'c1',
        offerExpiresAt: iso(21),
      });
      const expiry = { type: 'offer-expiry', communicationId: 'c1', expiresAt: ms(12) } as const;
      expect(viewOf([input(alerting, expiry)], { now: ms(5) }).offerExpiresAt).to.equal(iso(12));
      expect(viewOf([input(alerting, expiry)], { now: ms(12) }).connection).to.equal('disconnected');
      // Once connected, an old expiry no longer matters.
      expect(viewOf([input(alerting, expiry), input(comm('c1', 'connected', 8))], { now: ms(20) }).connection).to.equal(
        'connected',
      );
    });
  });

  describe('nextDeadline (when the view next changes by itself)', () => {
    it('is the earliest future expiry of an active request, an offer or a pending action, else none', () => {
      const request = { type: 'control-request', participantId: 'p', time: ms(2), active: true } as const;
      const offer = { type: 'offer', event: 'offering', sessionId: 's', expiresAt: ms(20) } as const;
      expect(nextDeadline(stateOf([input(comm('c1', 'connected', 1))]), ms(3))).to.equal(undefined);
      expect(nextDeadline(stateOf([input(request)]), ms(3))).to.equal(ms(32));
      expect(nextDeadline(stateOf([input(request, offer)]), ms(3))).to.equal(ms(20));
      expect(nextDeadline(stateOf([input(request, offer)]), ms(20))).to.equal(ms(32));
      expect(nextDeadline(stateOf([input(request, offer)]), ms(32))).to.equal(undefined);
      expect(
        nextDeadline(stateOf([input(request), input({ ...request, active: false, time: ms(3) })]), ms(3)),
      ).to.equal(undefined);
      expect(nextDeadline({ ...stateOf([]), pendingDeadline: ms(9) }, ms(3))).to.equal(ms(9));
    });
  });

  describe('control and navigation requests', () => {
    const base = [input(comm('c1', 'connected', 1, { cobrowseSessionId: 's1', role: 'sharer' }))];
    const request = (seconds: number, active = true, extra = {}) =>
      ({
        type: 'control-request',
        participantId: 'p-agent',
        name: 'Ann',
        time: ms(seconds),
        active,
        ...extra,
      }) as const;

    it('shows a request with its expiry, then hides it once it expired', () => {
      const inputs = [...base, input(request(2))];
      expect(viewOf(inputs, { now: ms(3) }).control.request).to.deep.equal({
        participantId: 'p-agent',
        name: 'Ann',
        requestedAt: iso(2),
        expiresAt: iso(32),
      });
      expect(viewOf(inputs, { now: ms(32) }).control.request).to.equal(undefined);
    });

    it('honours an explicit expiry, and a withdrawal whichever arrives first', () => {
      expect(viewOf([...base, input(request(2, true, { expiresAt: ms(5) }))], { now: ms(5) }).control.request).to.equal(
        undefined,
      );
      expect(viewOf([...base, input(request(2)), input(request(3, false))], { now: ms(4) }).control.request).to.equal(
        undefined,
      );
      expect(viewOf([...base, input(request(3, false)), input(request(2))], { now: ms(4) }).control.request).to.equal(
        undefined,
      );
    });

    it('ignores a request for another session', () => {
      expect(viewOf([...base, input(request(2, true, { sessionId: 's2' }))], { now: ms(3) }).control.request).to.equal(
        undefined,
      );
      expect(
        viewOf([...base, input(request(2, true, { sessionId: 's1' }))], { now: ms(3) }).control.request,
      ).to.not.equal(undefined);
    });

    it('clears a request once granted, and a later revoke does not bring it back', () => {
      const agent = (seconds: number, controlling: string[]) =>
        comm('c-agent', 'connected', seconds, { controlling, participant: { id: 'p-agent', purpose: 'agent' } });
      const me = comm('c1', 'connected', 1, { participant: { id: 'p-cust', purpose: 'customer' } });
      const granted = [input(me, request(2)), input(agent(3, ['p-cust']))];
      expect(viewOf(granted, { now: ms(4) }).control.request).to.equal(undefined);
      expect(viewOf([...granted, input(agent(5, []))], { now: ms(6) }).control.request).to.equal(undefined);
    });

    it('keeps a navigation request from a peer who controls me', () => {
      const agent = comm('c-agent', 'connected', 3, {
        controlling: ['p-cust'],
        participant: { id: 'p-agent', purpose: 'agent' },
      });
      const me = comm('c1', 'connected', 1, { participant: { id: 'p-cust', purpose: 'customer' } });
      const nav = { type: 'navigation-request', participantId: 'p-agent', time: ms(4), active: true } as const;
      const view = viewOf([input(me, agent, nav)]);
      expect(view.control.controlledBy.length).to.equal(1);
      expect(view.navigationRequest?.participantId).to.equal('p-agent');
    });

    it('shows a navigation request until withdrawn', () => {
      const nav = {
        type: 'navigation-request',
        participantId: 'p-agent',
        url: 'https://shop.example/cart',
        time: ms(2),
        active: true,
      } as const;
      expect(viewOf([...base, input(nav)]).navigationRequest).to.deep.equal({
        participantId: 'p-agent',
        name: undefined,
        url: 'https://shop.example/cart',
        requestedAt: iso(2),
      });
      expect(viewOf([...base, input(nav), input({ ...nav, active: false, time: ms(3) })]).navigationRequest).to.equal(
        undefined,
      );
    });
  });
});
