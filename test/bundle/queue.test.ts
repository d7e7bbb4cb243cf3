// The loader queue under random interleavings of stub calls and the script's arrival: every call runs once, in
// the order the page made it, whether the stub or the real API received it.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { cobrowsesession } from '../fixtures/sessions.js';
import { BUILDS, SNIPPET, page } from './frames.js';
import type { FrameWindow } from './frames.js';

type Call = 'ingest' | 'subscribe' | 'reset';
type Gap = 'sync' | 'microtask' | 'task';

const gap = (kind: Gap) =>
  kind === 'sync'
    ? undefined
    : kind === 'microtask'
      ? Promise.resolve()
      : new Promise((resolve) => setTimeout(resolve, 0));

for (const { name, src } of BUILDS) {
  describe(`${name} loader queue`, () => {
    it('replays queued calls in order, exactly once, however the calls and the load interleave', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({
              call: fc.constantFrom<Call>('ingest', 'subscribe', 'reset'),
              gap: fc.constantFrom<Gap>('sync', 'microtask', 'task'),
              style: fc.constantFrom('string', 'method'),
            }),
            { minLength: 1, maxLength: 12 },
          ),
          fc.nat(12),
          async (calls, loadAt) => {
            const { win, doc, frame } = await page('', `<script>${SNIPPET}</script>`);
            try {
              let loaded: Promise<unknown> | undefined;
              const startLoad = () => {
                const script = doc.createElement('script');
                script.async = true;
                script.src = src;
                loaded = new Promise((resolve) => (script.onload = resolve));
                doc.head.append(script);
              };
              // Each subscriber records the states it saw. Ingests alternate two states with rising times, so each one
              // changes the view; a reset lets an older payload in again, so a queue replayed twice shows up as extra
              // entries, and a replay out of order as missing ones (the store drops the older of two updates).
              const seen: string[][] = [];
              const expected: string[][] = [];
              let ingests = 0;
              for (const [i, { call, gap: wait, style }] of calls.entries()) {
                if (i === loadAt) startLoad();
                await gap(wait);
                const api = (win as FrameWindow).CobrowseWidget;
                // The method form exists only once the real API is in; the stub takes the string form.
                const viaMethod = style === 'method' && typeof api.ingest === 'function';
                const args: unknown[] = [];
                if (call === 'subscribe') {
                  const log: string[] = [];
                  seen.push(log);
                  expected.push([]);
                  args.push((view: { connection: string; rawState?: string }) => {
                    if (view.connection !== 'idle') log.push(view.rawState!);
                  });
                } else if (call === 'ingest') {
                  ingests++;
                  const state = ingests % 2 ? 'alerting' : 'connected';
                  args.push(cobrowsesession(state, 10 + ingests));
                  for (const list of expected) list.push(state);
                }
                if (viaMethod) (api[call] as (...a: unknown[]) => unknown)(...args);
                else api(call, ...args);
              }
              if (!loaded) startLoad();
              await loaded;
              // The core loads the session UI for the first session payload; with none queued, the page asks.
              await (win as FrameWindow).CobrowseWidget.load();
              expect(seen).to.deep.equal(expected);
              expect(win.CobrowseWidget.q ?? []).to.have.length(0);
              expect(win.errors).to.deep.equal([]);
            } finally {
              frame.remove();
            }
          },
        ),
        { numRuns: 25 },
      );
    });
  });
}
