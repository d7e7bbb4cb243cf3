import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { createSessionStore } from '../../src/store/index.js';
import { connect } from '../../src/transport/index.js';
import type { Connection } from '../../src/transport/index.js';
import { cobrowsesession } from '../fixtures/sessions.js';
import { ACTION, countingStore, failureOf, sleep, until } from './helpers.js';

const GOOD = 'https://good.example';
const session = cobrowsesession('connected', 10);

/** A synthetic MessageEvent on this window: the only way to give a message an origin no test frame can have. */
function deliver(origin: string, source: Window | null = window, data: unknown = session) {
  window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
}

/** A srcdoc frame (same origin as the page unless sandboxed) that records what it receives in `window.got`. */
async function frame(sandbox?: string): Promise<HTMLIFrameElement> {
  const el = document.createElement('iframe');
  if (sandbox !== undefined) el.setAttribute('sandbox', sandbox);
  el.srcdoc = '<!doctype html><title>peer</title>';
  const loaded = new Promise((resolve) => el.addEventListener('load', resolve, { once: true }));
  document.body.append(el);
  await loaded;
  return el;
}

/** Runs `code` inside a same-origin frame's own realm, so its postMessage carries that frame as `source`. */
function runIn(el: HTMLIFrameElement, code: string) {
  const script = el.contentDocument!.createElement('script');
  script.textContent = code;
  el.contentDocument!.body.append(script);
}

describe('transport: postMessage', () => {
  let connection: Connection | undefined;
  const frames: HTMLIFrameElement[] = [];

  afterEach(() => {
    connection?.close();
    connection = undefined;
    for (const el of frames.splice(0)) el.remove();
    sinon.restore();
  });

  it('requires exact origins: none, *, null, a path or a bare host is refused', () => {
    const store = createSessionStore();
    for (const origins of [[], ['*'], ['null'], [`${GOOD}/`], [`${GOOD}/app`], ['good.example'], [GOOD, '*']]) {
      expect(() => connect(store, { postMessage: { origins } }), JSON.stringify(origins)).to.throw(TypeError);
    }
    expect(() => connect(store, { postMessage: {} as never })).to.throw(TypeError);
  });

  it('ingests the allowed origin and ignores look-alikes (synthetic MessageEvents on this window)', () => {
    const { store, ingested } = countingStore();
    connection = connect(store, { postMessage: { origins: [GOOD] } });
    for (const origin of [
      'https://good.example.evil.com',
      'https://evil.com',
      'null',
      'http://good.example',
      'https://good.example:8443',
      'https://sub.good.example',
      'https://GOOD.example.',
      '',
    ]) {
      deliver(origin);
      expect(ingested, origin).to.have.length(0);
    }
    expect(store.getState().connection).to.equal('idle');
    expect(connection.status).to.equal('connecting'); // nobody to answer yet
    deliver(GOOD);
    expect(ingested).to.have.length(1);
    expect(store.getState().connection).to.equal('connected');
    expect(connection.status).to.equal('open');
  });

  it('hands every accepted message to the model, which reports what it refuses', () => {
    const store = createSessionStore();
    const errors: unknown[] = [];
    store.on('error', (error) => errors.push(error));
    connection = connect(store, { postMessage: { origins: [GOOD] } });
    deliver(GOOD, window, { id: 42, state: ['not a state'] });
    deliver(GOOD, window, '{not json');
    expect(errors).to.have.length(2);
    expect(store.getState().connection).to.equal('idle');
  });

  it('ignores a real sandboxed frame (origin "null") even though it is on the page', async () => {
    const { store, ingested } = countingStore();
    connection = connect(store, { postMessage: { origins: [location.origin] } });
    const seen: string[] = [];
    const spy = (event: MessageEvent) => seen.push(event.origin);
    window.addEventListener('message', spy);
    const el = document.createElement('iframe');
    el.setAttribute('sandbox', 'allow-scripts');
    el.srcdoc = `<script>parent.postMessage(${JSON.stringify(JSON.stringify(session))}, '*')</script>`;
    frames.push(el);
    document.body.append(el);
    await until(() => seen.length === 1, 'the sandboxed frame posts');
    window.removeEventListener('message', spy);
    expect(seen).to.deep.equal(['null']);
    expect(ingested).to.have.length(0);
  });

  it('accepts only the expected source window (real same-origin frames)', async () => {
    const [expected, other] = [await frame(), await frame()];
    frames.push(expected, other);
    const { store, ingested } = countingStore();
    connection = connect(store, { postMessage: { origins: [location.origin], source: expected.contentWindow! } });
    const message = JSON.stringify(JSON.stringify(session));
    runIn(other, `parent.postMessage(${message}, '*')`);
    deliver(location.origin, window); // right origin, wrong (synthetic) source
    deliver(location.origin, null);
    await sleep(50);
    expect(ingested).to.have.length(0);
    runIn(expected, `parent.postMessage(${message}, '*')`);
    await until(() => ingested.length === 1, 'the expected frame is heard');
    expect(store.getState().connection).to.equal('connected');
  });

  it('posts the resync and actions to the target at its exact origin, and settles on the ack', async () => {
    const el = await frame();
    frames.push(el);
    runIn(el, `window.got = []; addEventListener('message', (e) => got.push({ origin: e.origin, data: e.data }))`);
    const target = el.contentWindow! as Window & { got: { origin: string; data: { type: string; id?: string } }[] };
    const post = sinon.spy(target, 'postMessage');
    const store = createSessionStore();
    connection = connect(store, { postMessage: { origins: [location.origin], target } });
    expect(connection.status).to.equal('open');
    const { id } = store.act(ACTION);
    await until(() => target.got.length === 2, 'resync and action arrive');
    expect(target.got.map((m) => [m.origin, m.data.type, m.data.id])).to.deep.equal([
      [location.origin, 'cobrowse.resync', undefined],
      [location.origin, 'cobrowse.action', id],
    ]);
    expect(post.args.map((args) => args[1])).to.deep.equal([location.origin, location.origin]);
    expect(store.getState().pending?.id).to.equal(id);
    runIn(el, `parent.postMessage({ type: 'cobrowse.ack', actionId: ${JSON.stringify(id)}, ok: true }, '*')`);
    await until(() => store.getState().pending === undefined, 'ack clears pending');
  });

  it('never reaches a target whose origin is not the allowed one (no "*")', async () => {
    const el = await frame(); // this page's origin, but only GOOD is allowed: the browser must drop the post
    frames.push(el);
    runIn(el, `window.got = []; addEventListener('message', (e) => got.push(e.data))`);
    const post = sinon.spy(el.contentWindow!, 'postMessage');
    connection = connect(createSessionStore(), { postMessage: { origins: [GOOD], target: el.contentWindow! } });
    expect(post.args.map((args) => args[1])).to.deep.equal([GOOD]);
    await sleep(100);
    expect((el.contentWindow as unknown as { got: unknown[] }).got).to.have.length(0);
  });

  it('replies to the window and origin the last accepted message came from when no target is given', async () => {
    const el = await frame();
    frames.push(el);
    runIn(el, `window.got = []; addEventListener('message', (e) => got.push(e.data))`);
    const store = createSessionStore();
    connection = connect(store, { postMessage: { origins: ['https://other.example', location.origin] } });
    const { id } = store.act(ACTION); // waits: nobody to send it to yet
    runIn(el, `parent.postMessage(${JSON.stringify(JSON.stringify(session))}, '*')`);
    await until(() => connection!.status === 'open', 'open once a peer is heard');
    const got = (el.contentWindow as unknown as { got: { type: string; id?: string }[] }).got;
    await until(() => got.length === 2, 'resync and the queued action');
    expect(got.map((m) => m.type)).to.deep.equal(['cobrowse.resync', 'cobrowse.action']);
    expect(got[1].id).to.equal(id);
  });

  it('close() removes its message listener and fails what still waits', () => {
    const add = sinon.spy(window, 'addEventListener');
    const remove = sinon.spy(window, 'removeEventListener');
    const { store, ingested, listeners } = countingStore();
    connection = connect(store, { postMessage: { origins: [GOOD] } });
    const { id } = store.act(ACTION);
    connection.close();
    const added = add.args.filter(([type]) => type === 'message');
    expect(added).to.have.length(1);
    expect(remove.args.filter(([type, fn]) => type === 'message' && fn === added[0][1])).to.have.length(1);
    expect(listeners()).to.equal(0);
    deliver(GOOD);
    expect(ingested).to.have.length(0);
    expect(failureOf(store, id)).to.equal('connection closed');
  });
});
