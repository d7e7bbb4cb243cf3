import { expect } from '@open-wc/testing';
import { DEFAULT_LIMITS, parseInput } from '../../src/model/index.js';
import type { NormalizedInput, ParseResult } from '../../src/model/index.js';
import {
  cobrowseMediaParticipantInfo,
  cobrowsesession,
  cobrowsesessionNormalized,
  conversation,
  envelope,
  envelopeNormalized,
  heartbeat,
  offers,
  offersNormalized,
  participantInfo,
  socketClosing,
  toSnake,
  vocabulary,
  vocabularyNormalized,
} from '../fixtures/genesys/index.js';

function value(result: ParseResult): NormalizedInput {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('model: shapes', () => {
  it('a conversation yields its participants and each communication, tagged with the conversation id', () => {
    const out = value(parseInput(conversation));
    expect(out.conversations).to.deep.equal([
      { id: 'conv-1', participants: [participantInfo, { id: 'acd-1', name: 'Support', purpose: 'acd' }] },
    ]);
    expect(out.communications.map((c) => [c.id, c.kind, c.conversationId, c.participant?.id])).to.deep.equal([
      ['cb-comm-1', 'cobrowse', 'conv-1', 'customer-participant-1'],
      ['ss-comm-1', 'screenshare', 'conv-1', 'customer-participant-1'],
    ]);
  });

  it('an envelope is unwrapped; a CobrowseMediaParticipant becomes a communication keyed by participant id', () => {
    expect(value(parseInput(envelope))).to.deep.equal(envelopeNormalized);
    expect(value(parseInput(envelope)).communications[0].participant).to.deep.equal(cobrowseMediaParticipantInfo);
  });

  it('a heartbeat yields one heartbeat signal and nothing else; a system topic is ignored with a warning', () => {
    expect(value(parseInput(heartbeat))).to.deep.equal({
      conversations: [],
      communications: [],
      signals: [{ type: 'heartbeat' }],
    });
    const closing = parseInput(socketClosing);
    expect(value(closing)).to.deep.equal({ conversations: [], communications: [], signals: [] });
    expect(closing.warnings.map((w) => [w.code, w.path])).to.deep.equal([['ignored', 'topicName']]);
  });

  it('Messenger offer events, matched case-insensitively, become offer signals', () => {
    expect(value(parseInput(offers)).signals).to.deep.equal(offersNormalized);
  });

  it('our vocabulary, in any casing, becomes signals with times in epoch ms', () => {
    expect(value(parseInput(vocabulary)).signals).to.deep.equal(vocabularyNormalized);
    expect(value(parseInput(toSnake(vocabulary))).signals).to.deep.equal(vocabularyNormalized);
  });

  it('a batch keeps its order across kinds, and a JSON string parses like the value', () => {
    const batch = [cobrowsesession, heartbeat, offers[0]];
    const out = value(parseInput(JSON.stringify(batch)));
    expect(out.communications).to.deep.equal([cobrowsesessionNormalized]);
    expect(out.signals).to.deep.equal([{ type: 'heartbeat' }, offersNormalized[0]]);
    expect(value(parseInput(batch))).to.deep.equal(out);
  });

  it('timestamps: ISO-8601 with or without ms, with an offset or none (UTC), epoch ms, and a Date', () => {
    const ms = Date.UTC(2026, 10, 22, 10, 0, 0);
    const times = [
      '2026-11-22T10:00:00Z',
      '2026-11-22T10:00:00.000Z',
      '2026-11-22T10:00:00.0000000Z',
      '2026-11-22T11:00:00+01:00',
      '2026-11-22T05:30:00-0430',
      '2026-11-22T10:00:00',
      ms,
      new Date(ms),
    ];
    for (const time of times) {
      const out = value(parseInput({ id: 'c', providerEventTime: time }));
      expect(out.communications[0].providerEventTime, String(time)).to.equal(ms);
    }
    expect(
      value(parseInput({ id: 'c', connectedTime: '2026-11-22T10:00:00.1234Z' })).communications[0].connectedTime,
    ).to.equal(ms + 123);
  });

  it('enums fold case-insensitively; unknown values are kept verbatim with an unknown-enum warning', () => {
    const states = ['Scheduled', 'PARKED', 'converting', 'Uploading', 'transmitting', 'Terminated', 'none'];
    for (const state of states) {
      const result = parseInput({ id: 'c', state });
      expect(value(result).communications[0].state).to.equal(state.toLowerCase());
      expect(result.warnings).to.deep.equal([]);
    }
    const disconnectTypes = ['transfer.noanswer', 'Transport.Failure', 'SPAM', 'uncallable', 'transfer.conference'];
    for (const disconnectType of disconnectTypes) {
      expect(value(parseInput({ id: 'c', disconnectType })).communications[0].disconnectType).to.equal(
        disconnectType.toLowerCase(),
      );
    }
    const result = parseInput({
      participants: [
        {
          id: 'p',
          purpose: 'Robot',
          screenRecordingState: 'Rewinding',
          cobrowsesessions: [{ id: 'c', state: 'Teleporting', cobrowseRole: 'Pilot' }],
        },
      ],
    });
    const comm = value(result).communications[0];
    expect([
      comm.state,
      comm.rawState,
      comm.role,
      comm.participant?.purpose,
      comm.participant?.screenRecordingState,
    ]).to.deep.equal(['Teleporting', 'Teleporting', 'Pilot', 'Robot', 'Rewinding']);
    expect(result.warnings.map((w) => [w.code, w.path, w.value])).to.deep.equal([
      ['unknown-enum', 'participants[0].purpose', 'Robot'],
      ['unknown-enum', 'participants[0].screenRecordingState', 'Rewinding'],
      ['unknown-enum', 'participants[0].cobrowsesessions[0].state', 'Teleporting'],
      ['unknown-enum', 'participants[0].cobrowsesessions[0].cobrowseRole', 'Pilot'],
    ]);
  });

  it('warning paths use the caller casing', () => {
    const result = parseInput({ Participants: [{ Id: 'p', Cobrowsesessions: [{ Id: 'c', State: 'Teleporting' }] }] });
    expect(result.warnings[0].path).to.equal('Participants[0].Cobrowsesessions[0].State');
  });

  it('viewerUrl and navigation urls: https anywhere, http only on localhost, anything else dropped with a warning', () => {
    const kept = ['https://viewer.example.com/s/1', 'http://localhost:8080/v', 'http://127.0.0.1/v', 'http://[::1]/v'];
    for (const viewerUrl of kept) {
      expect(value(parseInput({ id: 'c', viewerUrl })).communications[0].viewerUrl).to.equal(viewerUrl);
    }
    const dropped = [
      'javascript:alert(1)',
      'http://viewer.example.com/',
      'data:text/html,x',
      'not a url',
      '//evil.example',
    ];
    for (const viewerUrl of dropped) {
      const result = parseInput({ id: 'c', viewerUrl });
      expect(value(result).communications[0]).to.not.have.property('viewerUrl');
      expect(result.warnings).to.deep.equal([
        {
          path: 'viewerUrl',
          code: 'unsafe-url',
          message: `dropped ${JSON.stringify(viewerUrl)}: only https: (or http: on localhost) URLs are kept`,
          value: viewerUrl,
        },
      ]);
    }
    const nav = parseInput({ type: 'cobrowse.navigationRequest', participantId: 'p', url: 'javascript:alert(1)' });
    expect(value(nav).signals).to.deep.equal([{ type: 'navigation-request', participantId: 'p', active: true }]);
    expect(nav.warnings[0].code).to.equal('unsafe-url');
  });

  it('nulls count as absent and unknown nested objects are accepted, not interpreted', () => {
    const out = value(
      parseInput({ ...cobrowsesession, disconnectType: null, journeyContext: { a: [1, { b: 2 }] }, wrapup: null }),
    );
    expect(out.communications).to.deep.equal([cobrowsesessionNormalized]);
  });

  it('exposes its default limits', () => {
    expect(DEFAULT_LIMITS).to.deep.equal({
      maxBytes: 1024 * 1024,
      maxParticipants: 200,
      maxStringLength: 8192,
      maxBatch: 1000,
      maxDepth: 32,
    });
  });
});
