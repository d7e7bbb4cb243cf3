// The demo's relay (scripts/demo-server.mjs) as the backend the product transport talks to: raw payloads and
// heartbeats to the customer pages, their resync and actions to the consoles, and a real drop with an outage.
// Real sockets on an ephemeral port; no browser (test/demo covers the pages).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { once } from 'node:events';
import WebSocket from 'ws';
import { HEARTBEAT, attachRelay } from '../../scripts/demo-server.mjs';

let server;
let relay;
let base;

before(async () => {
  server = createServer();
  relay = attachRelay(server, { heartbeatMs: 50 });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `ws://127.0.0.1:${server.address().port}/demo-relay`;
});

after(() => {
  for (const client of relay.clients) client.terminate();
  relay.close();
  server.close();
});

/** A socket on `channel` as `role`, with every text message it receives in `inbox` (heartbeats left out). */
async function join(channel, role) {
  const ws = new WebSocket(`${base}?channel=${channel}&role=${role}`);
  ws.inbox = [];
  ws.heartbeats = 0;
  ws.on('message', (data) => {
    const text = String(data);
    if (text === HEARTBEAT) ws.heartbeats++;
    else ws.inbox.push(text);
  });
  await once(ws, 'open');
  return ws;
}

async function until(test, what, ms = 2000) {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const parsed = (ws) => ws.inbox.map((text) => JSON.parse(text));
const relayed = (ws, id) => parsed(ws).find((msg) => msg.kind === 'relayed' && msg.re === id);

describe('demo relay', () => {
  test('sends a console’s payload to the sites raw (a string verbatim), only to `to` when given', async () => {
    const [consoleWs, a, b, other] = await Promise.all([
      join('one', 'console'),
      join('one', 'site'),
      join('one', 'site'),
      join('two', 'site'),
    ]);
    consoleWs.send(JSON.stringify({ kind: 'payload', id: 'p1', payload: { type: 'cobrowse.ack', actionId: 'x' } }));
    consoleWs.send(JSON.stringify({ kind: 'payload', id: 'p2', payload: '{oops' }));
    await until(() => relayed(consoleWs, 'p2'), 'p2 relayed');
    assert.equal(relayed(consoleWs, 'p1').sites, 2);
    for (const site of [a, b]) assert.deepEqual(site.inbox, ['{"type":"cobrowse.ack","actionId":"x"}', '{oops']);
    assert.deepEqual(other.inbox, [], 'another channel hears nothing');

    // A site's own messages reach the consoles, tagged with the site, so an answer can go back to it alone.
    a.send(JSON.stringify({ type: 'cobrowse.resync' }));
    await until(() => parsed(consoleWs).some((msg) => msg.kind === 'site'), 'the resync at the console');
    const { site, message } = parsed(consoleWs).find((msg) => msg.kind === 'site');
    assert.deepEqual(message, { type: 'cobrowse.resync' });
    consoleWs.send(JSON.stringify({ kind: 'payload', id: 'p3', payload: [1], to: site }));
    await until(() => relayed(consoleWs, 'p3'), 'p3 relayed');
    assert.equal(relayed(consoleWs, 'p3').sites, 1);
    assert.equal(a.inbox.at(-1), '[1]');
    assert.equal(b.inbox.length, 2);
    for (const ws of [consoleWs, a, b, other]) ws.close();
  });

  test('sends the sites a Genesys heartbeat, so the product’s idle timeout never fires on a quiet session', async () => {
    const site = await join('beat', 'site');
    await until(() => site.heartbeats >= 2, 'two heartbeats');
    site.close();
  });

  test('drop: terminates the sites’ sockets and refuses them (503) until the outage ends', async () => {
    const [consoleWs, site] = await Promise.all([join('drop', 'console'), join('drop', 'site')]);
    const closed = once(site, 'close');
    consoleWs.send(JSON.stringify({ kind: 'drop', id: 'd1', outageMs: 300 }));
    const [code] = await closed;
    assert.equal(code, 1006, 'no close frame: a crash, not a goodbye');
    await until(() => relayed(consoleWs, 'd1'), 'd1 relayed');
    assert.equal(relayed(consoleWs, 'd1').sites, 1);

    const refused = new WebSocket(`${base}?channel=drop&role=site`);
    refused.on('error', () => {});
    const [request, response] = await once(refused, 'unexpected-response');
    assert.equal(response.statusCode, 503);
    request.destroy();
    await until(() => parsed(consoleWs).some((msg) => msg.kind === 'refused'), 'the console told of the refusal');
    assert.ok(parsed(consoleWs).find((msg) => msg.kind === 'refused').afterMs < 300);
    const consoleAgain = await join('drop', 'console');
    assert.equal(consoleAgain.readyState, WebSocket.OPEN, 'only the sites are refused');
    consoleAgain.close();

    await new Promise((resolve) => setTimeout(resolve, 350));
    const back = await join('drop', 'site');
    assert.equal(back.readyState, WebSocket.OPEN, 'accepted once the outage is over');
    for (const ws of [consoleWs, back]) ws.close();
  });
});
