// Every connection x role x kind: reflected attributes, the badge's words, the buttons, and axe in light, dark, RTL.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { Connection, SessionView } from '../../src/store/index.js';
import { $, actionsOf, statusText, updated, viewStore, mount } from './view-store.js';

const CONNECTIONS: Connection[] = ['idle', 'alerting', 'connecting', 'connected', 'held', 'disconnected'];
const ROLES = ['sharer', 'viewer'] as const;
const KINDS = ['cobrowse', 'screenshare'] as const;

function viewFor(connection: Connection, role: string, kind: 'cobrowse' | 'screenshare'): Partial<SessionView> {
  if (connection === 'idle') return {};
  return {
    connection,
    role,
    kind,
    connectedSince: connection === 'connected' || connection === 'held' ? new Date().toISOString() : undefined,
    disconnectType: connection === 'disconnected' ? 'endpoint' : undefined,
    viewerUrl: role === 'viewer' ? 'https://viewer.example/s/1' : undefined,
  };
}

function expectedText(connection: Connection, role: string, kind: string): string {
  const viewer = role === 'viewer';
  switch (connection) {
    case 'idle':
      return 'No session';
    case 'alerting':
      if (viewer) return 'You are invited to view a shared session';
      return kind === 'screenshare' ? 'An agent asks to see your screen' : 'An agent asks to see this page';
    case 'connecting':
      return 'Connecting…';
    case 'connected':
      if (viewer) return 'You are viewing a shared session';
      return kind === 'screenshare' ? 'You are sharing your screen' : 'You are sharing this page';
    case 'held':
      return 'Session on hold';
    case 'disconnected':
      return 'Session ended: the agent left';
  }
}

function expectedActions(connection: Connection, role: string): string[] {
  if (connection === 'idle') return [];
  if (connection === 'alerting') return ['accept', 'decline'];
  if (connection === 'disconnected') return ['dismiss'];
  return role === 'viewer' ? ['request-control', 'open-viewer', 'end'] : ['end'];
}

describe('every connection x role x kind', () => {
  for (const connection of CONNECTIONS) {
    for (const role of connection === 'idle' ? ['sharer'] : ROLES) {
      for (const kind of connection === 'idle' ? (['cobrowse'] as const) : KINDS) {
        it(`${connection} / ${role} / ${kind}`, async () => {
          const store = viewStore(viewFor(connection, role, kind));
          const wrapper = await mount(
            html`<div>
              <cobrowse-badge .store=${store}></cobrowse-badge>
              <cobrowse-controls .store=${store}></cobrowse-controls>
              <cobrowse-widget .store=${store} open hide-when-idle="false"></cobrowse-widget>
            </div>`,
          );
          // The widget shows its idle card here (it hides while idle by default: test/components/idle.test.ts).
          const [badge, controls, widget] = [...wrapper.children] as HTMLElement[];
          await Promise.all([badge, controls, widget].map(updated));
          await expect(wrapper).to.be.accessible();

          for (const el of [badge, controls, widget]) {
            expect(el.getAttribute('connection')).to.equal(connection);
            expect(el.getAttribute('session-role')).to.equal(connection === 'idle' ? null : role);
            expect(el.getAttribute('kind')).to.equal(connection === 'idle' ? null : kind);
            expect(el.getAttribute('peer-count')).to.equal('0');
            expect(el.hasAttribute('controlled')).to.equal(false);
            expect(el.hasAttribute('role')).to.equal(false);
          }
          expect(statusText(badge)).to.equal(expectedText(connection, role, kind));
          expect($(badge, 'svg.icon'), 'an icon beside the words').not.to.equal(null);
          expect(actionsOf(controls)).to.deep.equal(expectedActions(connection, role));
          // The widget shows the offer as a prompt; the rest sits in its panel's controls.
          const inner = $(widget, 'cobrowse-controls')!;
          await updated(inner);
          expect(actionsOf(widget)).to.deep.equal(connection === 'alerting' ? ['accept', 'decline'] : []);
          expect(actionsOf(inner)).to.deep.equal(expectedActions(connection, role));

          for (const el of [badge, controls, widget]) el.setAttribute('theme', 'dark');
          await Promise.all([badge, controls, widget].map(updated));
          await expect(wrapper).to.be.accessible();

          for (const el of [badge, controls, widget]) el.removeAttribute('theme');
          wrapper.dir = 'rtl';
          await expect(wrapper).to.be.accessible();
        });
      }
    }
  }

  it('reflects peer-count and controlled', async () => {
    const store = viewStore({
      connection: 'connected',
      role: 'sharer',
      kind: 'cobrowse',
      peerCount: 2,
      control: {
        controlledBy: [{ id: 'p1', name: 'Ana', connection: 'connected', controlling: true }],
        controlling: [],
      },
    });
    const el = await fixture(html`<cobrowse-badge .store=${store}></cobrowse-badge>`);
    await expect(el).to.be.accessible();
    expect(el.getAttribute('peer-count')).to.equal('2');
    expect(el.hasAttribute('controlled')).to.equal(true);
    store.set({ connection: 'connected', role: 'sharer', kind: 'cobrowse', peerCount: 1 });
    await updated(el);
    expect(el.getAttribute('peer-count')).to.equal('1');
    expect(el.hasAttribute('controlled')).to.equal(false);
  });

  it('reflects the store, not what the markup said, from the first update on', async () => {
    const store = viewStore({ connection: 'idle' });
    const el = await fixture(
      html`<cobrowse-badge controlled connection="connected" kind="screenshare" .store=${store}></cobrowse-badge>`,
    );
    expect(el.getAttribute('connection')).to.equal('idle');
    expect(el.hasAttribute('controlled'), 'controlled').to.equal(false);
    expect(el.hasAttribute('kind'), 'kind').to.equal(false);
  });
});
