// React 19 renders custom elements natively: `store={...}` sets the property, `oncobrowse-action` adds a listener
// for the `cobrowse-action` event. (React 18 passes everything as attributes: use `cobrowse-widget/react` there.)
// The widget comes from the package's npm build (dist/), as an app bundling it from npm would get it.
import { StrictMode, useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { createSessionStore } from '../../dist/index.js';
import '../../dist/define.js';
import { SCENARIOS, clock } from '../scenarios.js';
import { STEP_MS } from '../channel.js';

const params = new URLSearchParams(location.search);

function useSession(store) {
  return useSyncExternalStore(
    useCallback((onChange) => store.subscribe(onChange), [store]),
    () => store.getState(),
  );
}

async function playInto(store, scenario) {
  store.reset();
  const at = clock();
  for (const step of scenario.steps) {
    if (step.payload) store.ingest(step.payload(at));
    if (STEP_MS > 0) await new Promise((resolve) => setTimeout(resolve, STEP_MS));
  }
}

function App() {
  // One store for this React tree, handed to the element as a property: no global state.
  const store = useMemo(() => createSessionStore(), []);
  const view = useSession(store);
  const [actions, setActions] = useState([]);
  const [theme, setTheme] = useState('');
  // A scenario that needs a socket cannot play here: this page feeds its own store.
  const playable = SCENARIOS.filter((s) => !s.transport);

  const onAction = useCallback((event) => {
    setActions((list) => [`${event.detail.action} (${event.detail.sessionId || 'no session'})`, ...list].slice(0, 8));
  }, []);

  const play = useCallback(
    async (scenario) => {
      await playInto(store, scenario);
      document.documentElement.dataset.played = scenario.name;
    },
    [store],
  );

  // `?play=name` plays one scenario on load (the demo test uses it). StrictMode runs effects twice in
  // development; `playInto` resets the store first, so a second run replays the same events.
  useEffect(() => {
    const scenario = SCENARIOS.find((s) => s.name === params.get('play') && !s.transport);
    if (scenario) play(scenario);
  }, [play]);

  return (
    <>
      <header>
        <h1>React 19 + &lt;cobrowse-widget&gt;</h1>
        <nav aria-label="Demo pages">
          <a href="./index.html">Customer site</a> <a href="./agent.html">Agent console</a>
        </nav>
      </header>
      <main>
        <p>
          The element below gets its store as a property and reports actions through <code>oncobrowse-action</code>.
        </p>
        <p className="row">
          <label>
            Theme{' '}
            <select value={theme} onChange={(e) => setTheme(e.target.value)}>
              <option value="">(auto)</option>
              <option>light</option>
              <option>dark</option>
            </select>
          </label>
        </p>
        <ul className="buttons">
          {playable.map((s) => (
            <li key={s.name}>
              <button type="button" data-scenario={s.name} onClick={() => play(s)}>
                {s.title}
              </button>
            </li>
          ))}
        </ul>
        <h2>State, as React sees it</h2>
        <pre id="view">
          {JSON.stringify(
            { connection: view.connection, kind: view.kind, role: view.role, peerCount: view.peerCount },
            null,
            1,
          )}
        </pre>
        <h2>Actions</h2>
        <ol id="actions">
          {actions.map((a, i) => (
            <li key={i}>{a}</li>
          ))}
        </ol>
      </main>
      <cobrowse-widget store={store} theme={theme || undefined} oncobrowse-action={onAction}></cobrowse-widget>
    </>
  );
}

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
