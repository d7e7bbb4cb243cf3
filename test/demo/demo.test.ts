// Loads every demo page as a visitor would (each in a frame, from the same server and with the same WebSocket relay
// as `npm start`), plays every scenario of the agent console to its end, checks the attributes the widget and the
// badge reflect, and finds no console error, uncaught error or CSP violation on any page.
import { expect, waitUntil } from '@open-wc/testing';
import { DISCONNECT_TYPES, SCENARIOS, SOURCES, clock } from '../../demo/scenarios.js';
import { DISCONNECT_TYPES as MODEL_DISCONNECT_TYPES } from '../../src/model/values.js';
import type { EndState, Scenario } from '../../demo/scenarios.js';

type DemoWindow = Window &
  typeof globalThis & {
    __demoErrors?: string[];
    demoConsole?: {
      play(name: string): Promise<{
        ok: boolean;
        answers: Answer[];
        endMismatches: string[];
      }>;
      request(kind: string, body?: object, ms?: number): Promise<unknown>;
    };
    CobrowseWidget?: { store: { getState(): Record<string, unknown> } };
    __linkHistory?: string[];
  };

/** One step as the console saw it: the page's ingest result (or `offline`), its view and what it reflected. */
interface Answer {
  result?: { ok: boolean };
  offline?: boolean;
  step: string;
  mismatches: string[];
  view?: Record<string, unknown>;
  reflected?: Record<'badge' | 'widget', Record<string, unknown> & { label?: string }>;
}

const ATTRS = ['connection', 'kind', 'session-role', 'peer-count', 'controlled'] as const;

async function openPage(src: string): Promise<{ iframe: HTMLIFrameElement; win: DemoWindow }> {
  const iframe = document.createElement('iframe');
  iframe.src = src;
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  document.body.append(iframe);
  await loaded;
  return { iframe, win: iframe.contentWindow as DemoWindow };
}

const isReady = (win: DemoWindow | null | undefined) => win?.document.documentElement.dataset.ready === 'true';

function reflected(el: Element | null | undefined): EndState {
  expect(el ?? null, 'element present').to.not.equal(null);
  const out: Record<string, string | boolean | undefined> = {};
  for (const name of ATTRS)
    out[name] = name === 'controlled' ? el!.hasAttribute(name) : (el!.getAttribute(name) ?? undefined);
  return out as EndState;
}

/** The attributes the scenario names, read from `el`. */
function pick(actual: EndState, expected: EndState): EndState {
  return Object.fromEntries(Object.keys(expected).map((key) => [key, actual[key as keyof EndState]])) as EndState;
}

async function settled(doc: Document) {
  const nodes = [...doc.querySelectorAll('cobrowse-widget, cobrowse-badge')] as (Element & {
    updateComplete?: Promise<unknown>;
  })[];
  await Promise.all(nodes.map((node) => node.updateComplete));
}

describe('demo/scenarios.js', () => {
  it('plays every disconnectType the model knows (the two lists are one list)', () => {
    expect(DISCONNECT_TYPES).to.deep.equal(MODEL_DISCONNECT_TYPES);
  });

  it('the Web Messaging source sends each Messenger offer event as its guest frame, and the rest as written', () => {
    const at = clock(0);
    const heartbeat = { topicName: 'channel.metadata', eventBody: {} };
    const sent = SOURCES.webmessaging([{ type: 'OfferingExpired', sessionId: 's-1' }, heartbeat], at, 3) as {
      class?: string;
      body?: { channel: { time: string }; events: { coBrowse: unknown }[] };
    }[];
    expect(sent[0].class).to.equal('StructuredMessage');
    expect(sent[0].body!.channel.time).to.equal(at(3));
    expect(sent[0].body!.events[0].coBrowse).to.deep.include({ type: 'OfferingExpired' });
    expect(sent[1]).to.equal(heartbeat);
    expect(SOURCES.notifications(heartbeat, at)).to.equal(heartbeat);
  });
});

describe('demo/index.html (customer site)', () => {
  it('loads under its strict CSP, mounts the widget from the script tag, and logs no error', async () => {
    const { iframe, win } = await openPage(`/demo/index.html?channel=site-${Math.random()}`);
    await waitUntil(() => isReady(win), 'the site never got ready', { timeout: 10000 });
    const doc = win.document;
    expect(doc.querySelectorAll('cobrowse-widget')).to.have.length(1);
    await settled(doc);
    expect(doc.querySelector('cobrowse-widget')!.getAttribute('connection')).to.equal('idle');
    expect(doc.querySelector('cobrowse-badge')!.getAttribute('connection')).to.equal('idle');
    expect(win.__demoErrors).to.deep.equal([]);
    iframe.remove();
  });
});

describe('demo/agent.html (agent console)', function () {
  let frame: { iframe: HTMLIFrameElement; win: DemoWindow };
  let site: DemoWindow;

  before(async () => {
    frame = await openPage(`/demo/agent.html?step=0&reconnect=50&outage=1000&channel=agent-${Math.random()}`);
    await waitUntil(
      () =>
        frame.win.demoConsole &&
        isReady(frame.win.document.querySelector<HTMLIFrameElement>('#site')?.contentWindow as DemoWindow),
      'the console and its customer site never got ready',
      { timeout: 10000 },
    );
    site = frame.win.document.querySelector<HTMLIFrameElement>('#site')!.contentWindow as DemoWindow;
    // The reconnecting-socket scenario needs the customer page on the relay.
    await waitUntil(() => site.document.getElementById('link')?.textContent === 'relay: open', 'no relay', {
      timeout: 10000,
    });
  });

  after(() => frame.iframe.remove());

  afterEach(() => {
    expect(frame.win.__demoErrors, 'console page errors').to.deep.equal([]);
    expect(site.__demoErrors, 'customer page errors').to.deep.equal([]);
  });

  it('offers a button for every scenario', () => {
    const buttons = [...frame.win.document.querySelectorAll<HTMLButtonElement>('[data-scenario]')];
    expect(buttons.map((b) => b.dataset.scenario)).to.deep.equal(SCENARIOS.map((s) => s.name));
  });

  for (const scenario of SCENARIOS as Scenario[]) {
    it(`plays ${scenario.name} to its end state`, async () => {
      const { ok, answers, endMismatches } = await frame.win.demoConsole!.play(scenario.name);
      expect(
        answers.every((answer) => answer.result || answer.offline),
        'the customer page answered every step (but those sent while it was offline)',
      ).to.equal(true);
      expect(ok, `every step of ${scenario.name} was accepted`).to.equal(true);
      // Steps with an `expect` are checked as they play: the badge showed each intermediate state.
      const wrong = answers
        .filter((answer) => answer.mismatches.length)
        .map((a) => `${a.step}: ${a.mismatches.join(', ')}`);
      expect(wrong, 'intermediate states').to.deep.equal([]);
      expect(endMismatches, 'end state (attributes and view) as the console checks it').to.deep.equal([]);
      await settled(site.document);
      const widget = site.document.querySelector('cobrowse-widget');
      const badge = site.document.querySelector('header cobrowse-badge');
      expect(pick(reflected(badge), scenario.end), '<cobrowse-badge>').to.deep.equal(scenario.end);
      expect(pick(reflected(widget), scenario.end), '<cobrowse-widget>').to.deep.equal(scenario.end);
    });
  }

  it('plays the offer scenarios from the Web Messaging source: guest frames, the same end states', async () => {
    const doc = frame.win.document;
    const select = doc.querySelector<HTMLSelectElement>('#source')!;
    select.value = 'webmessaging';
    try {
      for (const name of ['offer-expired', 'web-messaging']) {
        const scenario = (SCENARIOS as Scenario[]).find((s) => s.name === name)!;
        const timeline = doc.querySelector('#timeline')!;
        timeline.replaceChildren();
        const { ok, answers, endMismatches } = await frame.win.demoConsole!.play(name);
        expect(ok, name).to.equal(true);
        expect(answers.flatMap((answer) => answer.mismatches)).to.deep.equal([]);
        expect(endMismatches).to.deep.equal([]);
        const raw = [...timeline.querySelectorAll('pre.raw')].map((pre) => JSON.parse(pre.textContent!));
        const offers = raw.flat().filter((payload) => /^Offering/i.test(payload.type ?? ''));
        expect(offers, 'no Messenger offer event was sent as such').to.deep.equal([]);
        expect(raw.flat().some((payload) => payload.class === 'StructuredMessage')).to.equal(true);
        expect(timeline.querySelector('.error'), 'no row marked as an error').to.equal(null);
        await settled(site.document);
        expect(pick(reflected(site.document.querySelector('header cobrowse-badge')), scenario.end)).to.deep.equal(
          scenario.end,
        );
      }
    } finally {
      select.value = 'notifications';
    }
  });

  it('lists the viewer and discloses the supervisor in large-conversation, in the customer’s panel', async () => {
    await frame.win.demoConsole!.play('large-conversation');
    await settled(site.document);
    const widget = site.document.querySelector('cobrowse-widget') as Element & { open: boolean };
    widget.open = true;
    await settled(site.document);
    const items = [...widget.shadowRoot!.querySelectorAll('[part="peers"] li')].map((li) =>
      li.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(items).to.deep.equal(['Sam Okafor (monitoring)', 'Priya Raman']);
    widget.open = false;
  });

  it('drops the page’s product socket for real in reconnecting-socket: the widget shows reconnecting, then resyncs', async () => {
    const history = site.__linkHistory!;
    const before = history.length;
    const timeline = frame.win.document.querySelector('#timeline')!;
    timeline.replaceChildren();
    const { ok, answers } = await frame.win.demoConsole!.play('reconnecting-socket');
    const refused = [...timeline.querySelectorAll('strong')].filter((row) =>
      row.textContent!.startsWith('The relay refused a reconnect attempt'),
    );
    expect(refused.length, 'the transport retried (backoff) while the relay refused it').to.be.greaterThan(0);
    expect(ok).to.equal(true);
    // The product's connection status (CobrowseWidget.connect(...).onStatus), not a demo loop.
    expect(history.slice(before)).to.deep.equal(['reconnecting', 'open']);
    const [, down, offline, back, stale] = answers;
    expect(down.view!.link, 'the store knew the link was down').to.equal('reconnecting');
    expect(down.reflected!.badge.label, 'the header badge said so').to.contain('Reconnecting…');
    expect(down.reflected!.widget.label, 'the widget’s badge said so').to.contain('Reconnecting…');
    expect(offline.offline, 'the relay had no socket to deliver to while the page was down').to.equal(true);
    expect(back.view!.link).to.equal('open');
    expect(back.reflected!.badge.controlled, 'the control sent while down arrived by resync').to.equal(true);
    expect(back.reflected!.badge.label).to.not.contain('Reconnecting…');
    expect(stale.result).to.deep.include({ ok: true, changed: false });
    expect(stale.view!.link, 'the store knows the link is open again').to.equal('open');
  });

  it('sends the customer’s action through the product transport; the console’s cobrowse.ack settles it', async () => {
    const doc = frame.win.document;
    const timeline = doc.querySelector('#timeline')!;
    const rows = () => [...timeline.querySelectorAll('strong')].map((row) => row.textContent);
    const offer = [...doc.querySelectorAll<HTMLButtonElement>('#singles button')].find(
      (b) => b.textContent === 'Offer (alerting)',
    )!;
    const state = () => site.CobrowseWidget!.store.getState();
    const accept = async () => {
      await frame.win.demoConsole!.request('reset');
      offer.click();
      await waitUntil(() => state().connection === 'alerting', 'the offer never arrived');
      await settled(site.document);
      const button = deepQuery(site.document.querySelector('cobrowse-widget')!, 'button[data-action="accept"]');
      expect(button, 'an accept button in the widget').to.not.equal(null);
      (button as HTMLButtonElement).click();
      await waitUntil(() => rows().includes('Customer pressed “accept”'), 'the console never heard the action');
    };

    // Without the ack, the action stays pending: the widget waits for the backend.
    doc.querySelector<HTMLInputElement>('#auto-ack')!.checked = false;
    timeline.replaceChildren();
    await accept();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((state().pending as { action?: string } | undefined)?.action).to.equal('accept');
    expect(rows()).to.not.include('Backend acknowledges (cobrowse.ack)');

    doc.querySelector<HTMLInputElement>('#auto-ack')!.checked = true;
    timeline.replaceChildren();
    await accept();
    await waitUntil(() => rows().includes('Backend acknowledges (cobrowse.ack)'), 'no ack');
    expect(state().pending, 'the ack settled the action').to.equal(undefined);
    expect(state().failed).to.equal(undefined);
    expect(timeline.querySelector('.error'), 'no row marked as an error').to.equal(null);
  });

  it('sends every single event; only the invalid one is marked as an error', async () => {
    const doc = frame.win.document;
    const timeline = doc.querySelector('#timeline')!;
    timeline.replaceChildren();
    const buttons = [...doc.querySelectorAll<HTMLButtonElement>('#singles button')];
    expect(buttons.length).to.be.greaterThan(10);
    for (const [i, button] of buttons.entries()) {
      button.click();
      await waitUntil(() => timeline.children.length === i + 1, `no answer to ${button.textContent}`, {
        timeout: 5000,
      });
    }
    const marked = [...timeline.children].filter((row) => row.classList.contains('error'));
    expect(marked.map((row) => row.querySelector('strong')!.textContent)).to.deep.equal(['✗ Invalid payload (error)']);
  });

  it('marks an invalid payload as an error in the timeline, and the page keeps its state', async () => {
    await frame.win.demoConsole!.play('recording');
    const doc = frame.win.document;
    doc.querySelector<HTMLTextAreaElement>('#json')!.value = '{"id": 42, "state": "connected"}';
    doc.querySelector<HTMLButtonElement>('#ingest')!.click();
    await waitUntil(() => doc.querySelector('#json-result')!.textContent !== '', 'no result shown');
    expect(JSON.parse(doc.querySelector('#json-result')!.textContent!)).to.include({ ok: false });
    expect(doc.querySelector('#timeline li')!.classList.contains('error')).to.equal(true);
    await settled(site.document);
    expect(site.document.querySelector('header cobrowse-badge')!.getAttribute('connection')).to.equal('connected');
  });

  it('switches theme, locale, position and direction on the widget', async () => {
    const doc = frame.win.document;
    const set = async (name: string, value: string) => {
      const select = doc.querySelector<HTMLSelectElement>(`#switchers select[name="${name}"]`)!;
      select.value = value;
      select.dispatchEvent(new Event('change'));
      const widget = site.document.querySelector('cobrowse-widget')!;
      await waitUntil(() => widget.getAttribute(name) === value, `${name} never reached the widget`);
    };
    await set('theme', 'dark');
    const text = () => deepText(site.document.querySelector('cobrowse-widget')!);
    await set('lang', 'en');
    const english = text();
    await set('lang', 'de');
    await waitUntil(() => text() !== english, 'the widget did not switch to German (dist/locales/de.min.js)');
    await set('lang', 'ar');
    await set('dir', 'rtl');
    await set('position', 'top-start');
    expect(site.document.documentElement.dir).to.equal('rtl');
  });
});

describe('demo/react.html (React 19)', () => {
  for (const scenario of (SCENARIOS as Scenario[]).filter((s) => !s.transport)) {
    it(`plays ${scenario.name} into <cobrowse-widget store={...}> and logs no error`, async () => {
      const { iframe, win } = await openPage(`/demo/react.html?step=0&play=${scenario.name}`);
      await waitUntil(() => win.document.documentElement.dataset.played === scenario.name, 'never played', {
        timeout: 10000,
      });
      await settled(win.document);
      expect(win.__demoErrors).to.deep.equal([]);
      const widget = win.document.querySelector('cobrowse-widget')!;
      expect(pick(reflected(widget), scenario.end), '<cobrowse-widget>').to.deep.equal(scenario.end);
      const badge = widget.shadowRoot!.querySelector('cobrowse-badge');
      expect(pick(reflected(badge), scenario.end)).to.deep.equal(scenario.end);
      iframe.remove();
    });
  }

  it('hears the widget’s cobrowse-action through oncobrowse-action', async () => {
    const { iframe, win } = await openPage('/demo/react.html?step=0&play=customer-viewer');
    await waitUntil(() => win.document.documentElement.dataset.played === 'customer-viewer', 'never played');
    await settled(win.document);
    // The session's buttons are in the panel, made when it opens (as a customer opens it).
    const widget = win.document.querySelector('cobrowse-widget') as Element & { open: boolean };
    widget.open = true;
    await settled(win.document);
    const button = deepQuery(widget, 'button[data-action]') as HTMLButtonElement;
    expect(button, 'an action button in the widget').to.not.equal(null);
    button.click();
    const actions = win.document.getElementById('actions')!;
    await waitUntil(() => actions.children.length === 1, 'React did not hear the action');
    expect(actions.textContent).to.contain(button.dataset.action);
    iframe.remove();
  });
});

/** The first match of `selector` in `root`'s shadow tree or any shadow tree below it. */
function deepQuery(root: Element, selector: string): Element | null {
  const shadow = root.shadowRoot;
  if (!shadow) return null;
  const found = shadow.querySelector(selector);
  if (found) return found;
  for (const child of shadow.querySelectorAll('*')) {
    const inner = deepQuery(child, selector);
    if (inner) return inner;
  }
  return null;
}

/** The text of `root`'s shadow tree and every shadow tree below it. */
function deepText(root: Element): string {
  const shadow = root.shadowRoot;
  if (!shadow) return '';
  return [shadow.textContent ?? '', ...[...shadow.querySelectorAll('*')].map(deepText)].join(' ');
}
