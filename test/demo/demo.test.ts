// Loads the demo page as a visitor would and watches the badge walk through the scripted states.
import { expect, waitUntil } from '@open-wc/testing';

describe('demo/index.html', () => {
  it('plays alerting -> connected -> disconnected on the badge, with no console error', async () => {
    const iframe = document.createElement('iframe');
    iframe.src = '/demo/index.html?step=150';
    const errors: unknown[] = [];
    document.body.append(iframe);
    await new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
    const win = iframe.contentWindow as Window & typeof globalThis;
    win.addEventListener('error', (event) => errors.push(event.message));
    const seen: string[] = [];
    const badge = () => win.document.querySelector('cobrowse-badge');
    await waitUntil(
      () => {
        const connection = badge()?.getAttribute('connection');
        if (connection && seen.at(-1) !== connection) seen.push(connection);
        return connection === 'disconnected';
      },
      'the demo never reached disconnected',
      { interval: 5, timeout: 5000 },
    );
    expect(seen.filter((c) => c !== 'idle')).to.deep.equal(['alerting', 'connected', 'disconnected']);
    expect(errors).to.deep.equal([]);
    iframe.remove();
  });
});
