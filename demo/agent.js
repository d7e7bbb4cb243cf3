// The agent console: plays named scenarios and single events into the customer site, shows each raw payload beside
// the view the widget derived from it, and marks errors. `window.demoConsole.play(name)` is what the test drives.
import { CHANNEL, STEP_MS, openChannel } from './channel.js';
import { SCENARIOS, SINGLE_EVENTS, clock } from './scenarios.js';

const $ = (id) => document.getElementById(id);
const timeline = $('timeline');
const params = new URLSearchParams(location.search);
let stepMs = STEP_MS;
$('step').value = String(stepMs);
$('step').addEventListener('change', () => (stepMs = Math.max(0, Number($('step').value) || 0)));

const waiters = new Set();
function waitFor(test, ms) {
  return new Promise((resolve) => {
    const waiter = { test, resolve };
    waiters.add(waiter);
    setTimeout(() => {
      if (waiters.delete(waiter)) resolve(null);
    }, ms);
  });
}

const channel = openChannel('console', {
  onMessage(msg) {
    for (const waiter of [...waiters]) {
      if (waiter.test(msg)) {
        waiters.delete(waiter);
        waiter.resolve(msg);
      }
    }
    if (msg.kind === 'action') onCustomerAction(msg.pending);
  },
  onLink: (link) => ($('relay').textContent = `relay: ${link}`),
});

/** Sends one message to the customer site and resolves with its answer (or null after `ms`). */
function request(kind, body = {}, route = $('route').value, ms = 4000) {
  const id = crypto.randomUUID();
  const answer = waitFor((msg) => msg.kind === 'result' && msg.re === id, ms);
  channel.send({ kind, id, ...body }, route);
  return answer;
}

// ---- the timeline --------------------------------------------------------------------------------------------
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children.filter((child) => child !== undefined));
  return node;
}

function summary(view) {
  if (!view) return '(no view)';
  const pick = {
    connection: view.connection,
    rawState: view.rawState,
    kind: view.kind,
    role: view.role,
    peerCount: view.peerCount,
    controlledBy: view.control?.controlledBy?.map((p) => p.name ?? p.id),
    controlRequest: view.control?.request?.name ?? view.control?.request?.participantId,
    navigationRequest: view.navigationRequest?.url,
    offerExpiresAt: view.offerExpiresAt,
    disconnectType: view.disconnectType,
    viewerUrl: view.viewerUrl,
    screenRecordingState: view.screenRecordingState,
    pending: view.pending?.action,
    link: view.link,
  };
  return JSON.stringify(
    Object.fromEntries(Object.entries(pick).filter(([, v]) => v !== undefined && v !== null)),
    null,
    1,
  );
}

const valueAt = (object, path) => path.split('.').reduce((value, key) => value?.[key], object);

/**
 * What the page shows that a step (or a scenario's end) did not expect: `expect` names attributes the badge
 * reflects, `expectView` dotted paths into the derived view. Each mismatch reads `name: shown (expected)`.
 */
export function mismatches({ expect, expectView } = {}, answer) {
  const shown = answer?.reflected?.badge ?? {};
  const wrong = [];
  for (const [name, value] of Object.entries(expect ?? {})) {
    if (shown[name] !== value)
      wrong.push(`${name}: ${JSON.stringify(shown[name] ?? null)} (expected ${JSON.stringify(value)})`);
  }
  for (const [path, value] of Object.entries(expectView ?? {})) {
    const actual = valueAt(answer?.view, path);
    if (actual !== value)
      wrong.push(`view.${path}: ${JSON.stringify(actual ?? null)} (expected ${JSON.stringify(value)})`);
  }
  return wrong;
}

function addRow({ label, payload, answer, note, expected }) {
  const result = answer?.result;
  const wrong = mismatches(expected, answer);
  const failed = !answer || !result?.ok || wrong.length > 0;
  const verdict = wrong.length
    ? `the widget shows ${wrong.join(', ')}`
    : !answer
      ? 'no customer page answered'
      : result.ok
        ? `ok${result.changed === false ? ' (no change)' : ''}${result.warnings?.length ? `, ${result.warnings.length} warning(s)` : ''}`
        : `error: ${result.error?.message ?? 'unknown'}`;
  const row = el(
    'li',
    { className: failed && !note ? 'error' : '' },
    el('span', { className: 'time', textContent: new Date().toLocaleTimeString() }),
    el('strong', { textContent: `${failed && !note ? '✗ ' : ''}${label}` }),
    el('span', { className: 'verdict', textContent: note ?? verdict }),
    payload === undefined
      ? undefined
      : el(
          'div',
          { className: 'pair' },
          el('pre', { className: 'raw', textContent: JSON.stringify(payload, null, 1) }),
          el('pre', { className: 'derived', textContent: summary(answer?.view) }),
        ),
  );
  if (failed && !note) row.setAttribute('aria-invalid', 'true');
  timeline.prepend(row);
  return row;
}

async function ingest(label, payload, route, expected) {
  const answer = await request('ingest', { payload }, route);
  addRow({ label, payload, answer, expected });
  return answer;
}

// ---- the customer's actions come back here, as a backend would receive them -----------------------------------
async function onCustomerAction(pending) {
  addRow({ label: `Customer pressed “${pending.action}”`, note: `action ${pending.id}` });
  if ($('auto-ack').checked)
    await ingest('Backend acknowledges', { type: 'cobrowse.ack', actionId: pending.id, ok: true });
}

// ---- scenarios ---------------------------------------------------------------------------------------------------
const pause = () => (stepMs > 0 ? new Promise((resolve) => setTimeout(resolve, stepMs)) : Promise.resolve());

async function dropSocket() {
  const back = waitFor((msg) => msg.kind === 'hello', 15000);
  channel.send({ kind: 'relay-drop', id: crypto.randomUUID() }, 'websocket');
  addRow({ label: 'Relay drops the customer’s WebSocket', note: 'waiting for the page to reconnect…' });
  const hello = await back;
  addRow({
    label: hello ? 'The customer page reconnected' : '✗ The customer page did not reconnect',
    note: hello ? 'socket open' : 'timeout',
  });
  return Boolean(hello);
}

// The newest event time sent so far (ms).
let newest = 0;
const tracked = (at) => (seconds) => {
  const time = at(seconds);
  newest = Math.max(newest, Date.parse(time));
  return time;
};

let playing = Promise.resolve();
/** Plays one scenario to its end; resolves with `{ ok, answers }` (ok: every step answered as expected). */
function play(name) {
  const run = async () => {
    const scenario = SCENARIOS.find((s) => s.name === name);
    if (!scenario) throw new Error(`no scenario ${name}`);
    const route = scenario.transport ?? $('route').value;
    addRow({ label: `▶ ${scenario.title}`, note: `scenario ${name} over ${route}` });
    if (route === 'websocket' && !(await request('ping', {}, 'websocket', 5000))) {
      addRow({ label: '✗ No customer page on the WebSocket relay (is this `npm start`?)', note: 'skipped' });
      return { ok: false, answers: [] };
    }
    await request('reset', {}, route);
    const at = tracked(clock());
    const answers = [];
    let ok = true;
    for (const step of scenario.steps) {
      if (step.drop) ok = (await dropSocket()) && ok;
      else {
        const answer = await ingest(step.label, step.payload(at), route, step);
        answers.push({ ...answer, step: step.label, mismatches: mismatches(step, answer) });
        ok = ok && Boolean(answer?.result?.ok);
      }
      await pause();
    }
    // The end state, read afresh: what the widget and the view show once the scenario is over.
    const final = await request('ping', {}, route);
    const endMismatches = mismatches({ expect: scenario.end, expectView: scenario.endView }, final);
    addRow({
      label: `■ End of ${name}`,
      answer: final,
      expected: { expect: scenario.end, expectView: scenario.endView },
    });
    document.documentElement.dataset.played = name;
    return { ok, answers, endMismatches };
  };
  playing = playing.then(run, run);
  return playing;
}

for (const scenario of SCENARIOS) {
  const button = el('button', { type: 'button', textContent: scenario.title, title: scenario.name });
  button.dataset.scenario = scenario.name;
  button.addEventListener('click', () => play(scenario.name));
  $('scenarios').append(el('li', {}, button));
}

// Single events happen "now", and always after the newest time sent so far (scenarios run on simulated time that
// can be ahead of the wall clock), so the widget never drops one as stale.
for (const event of SINGLE_EVENTS) {
  const button = el('button', { type: 'button', textContent: event.label });
  button.addEventListener('click', () => {
    const now = Math.max(Date.now(), newest + 1000);
    const payload = event.payload(tracked(clock(now - 30_000)), 30);
    $('json').value = JSON.stringify(payload, null, 2);
    ingest(event.label, payload);
  });
  $('singles').append(el('li', {}, button));
}

$('ingest').addEventListener('click', async () => {
  // Sent as the string typed: the widget accepts JSON strings, and reports its own parse errors.
  const answer = await ingest('JSON box', $('json').value);
  const result = answer?.result;
  $('json-result').textContent = !answer
    ? 'no customer page answered'
    : JSON.stringify(result.ok ? { ok: true, changed: result.changed } : { ok: false, error: result.error });
});
$('reset').addEventListener('click', async () => addRow({ label: 'Reset', answer: await request('reset') }));
$('clear').addEventListener('click', () => timeline.replaceChildren());

for (const select of $('switchers').querySelectorAll('select')) {
  select.addEventListener('change', () => request('attrs', { attrs: { [select.name]: select.value } }));
}

setInterval(() => {
  const own = window.__demoErrors?.length ?? 0;
  const site = $('site').contentWindow?.__demoErrors?.length ?? 0;
  $('page-errors').textContent = own + site ? `${own + site} page error(s): see the browser console` : '';
}, 1000);

// The embedded customer site listens on the same channel as this console.
const siteParams = new URLSearchParams({ channel: CHANNEL });
if (params.has('reconnect')) siteParams.set('reconnect', params.get('reconnect'));
$('site').src = `./index.html?${siteParams}`;

window.demoConsole = { scenarios: SCENARIOS, play, request };
