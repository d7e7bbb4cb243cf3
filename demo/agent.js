// The agent console plays the backend and the agent: it sends Genesys-shaped payloads through the relay
// (scripts/demo-server.mjs) to every customer page on its channel, where the PRODUCT's WebSocket transport
// (`CobrowseWidget.connect`) ingests them; it hears the customer's actions (`cobrowse.action`) and acknowledges them
// (`cobrowse.ack`), and answers a page's `cobrowse.resync` with the session so far. Beside each raw payload the
// timeline shows the view the widget derived, which the site reports over the demo's inspection channel.
// `window.demoConsole.play(name)` is what the test drives.
import { CHANNEL, OUTAGE_MS, STEP_MS, ingestKey, inspector, relayUrl } from './channel.js';
import { SCENARIOS, SINGLE_EVENTS, SOURCES, clock } from './scenarios.js';

const $ = (id) => document.getElementById(id);
const timeline = $('timeline');
const params = new URLSearchParams(location.search);
let stepMs = STEP_MS;
$('step').value = String(stepMs);
$('step').addEventListener('change', () => (stepMs = Math.max(0, Number($('step').value) || 0)));
/** The source the payloads come from (scenarios.js SOURCES): the notification service, or Web Messaging. */
const source = () => SOURCES[$('source').value] ?? SOURCES.notifications;

const waiters = new Set();
/** Resolves with the first message (from the relay or a customer page) that passes `test`, or null after `ms`. */
function waitFor(test, ms) {
  return new Promise((resolve) => {
    const waiter = { test, resolve };
    waiters.add(waiter);
    setTimeout(() => {
      if (waiters.delete(waiter)) resolve(null);
    }, ms);
  });
}
function hear(msg) {
  for (const waiter of [...waiters]) {
    if (waiter.test(msg)) {
      waiters.delete(waiter);
      waiter.resolve(msg);
    }
  }
}

// ---- the relay: this console's own socket (demo plumbing: it opens once; reload the page if the server restarts)
let sites = 0;
const showRelay = (state) =>
  ($('relay').textContent =
    `relay: ${state}${state === 'open' ? `, ${sites} customer page${sites === 1 ? '' : 's'}` : ''}`);
const socket = new WebSocket(relayUrl('console'));
const outbox = [];
socket.addEventListener('open', () => {
  showRelay('open');
  for (const text of outbox.splice(0)) socket.send(text);
});
socket.addEventListener('close', () => showRelay('closed (reload the console to reconnect)'));
socket.addEventListener('message', (event) => {
  let msg;
  try {
    msg = JSON.parse(event.data);
  } catch {
    return;
  }
  if (msg.kind === 'sites') {
    sites = msg.sites;
    showRelay('open');
  }
  if (msg.kind === 'site') onSite(msg.site, msg.message);
  if (msg.kind === 'refused')
    addRow({
      label: `The relay refused a reconnect attempt (503), ${msg.afterMs} ms after the drop`,
      note: 'the widget’s transport backs off (jittered, growing delays) and tries again',
    });
  hear(msg);
});

/** Sends one envelope to the relay; resolves with `{ sites }` (how many customer pages got it) or null. */
function relay(body, ms = 4000) {
  const id = crypto.randomUUID();
  const answer = waitFor((msg) => msg.kind === 'relayed' && msg.re === id, ms);
  const text = JSON.stringify({ ...body, id });
  if (socket.readyState === WebSocket.OPEN) socket.send(text);
  else outbox.push(text);
  return answer;
}

// ---- the inspection channel: what each customer page did with what it received --------------------------------
const inspect = inspector('console', hear);

/** Asks the customer page to reset, switch attributes or report; resolves with its answer (or null after `ms`). */
function request(kind, body = {}, ms = 4000) {
  const id = crypto.randomUUID();
  const answer = waitFor((msg) => msg.kind === 'result' && msg.re === id, ms);
  inspect.send({ kind, id, ...body });
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
          el('pre', {
            className: 'derived',
            textContent: `${summary(answer?.view)}${answer?.reflected?.badge?.label ? `\nbadge: “${answer.reflected.badge.label}”` : ''}`,
          }),
        ),
  );
  if (failed && !note) row.setAttribute('aria-invalid', 'true');
  timeline.prepend(row);
  return row;
}

// ---- the session so far, for a page's resync ---------------------------------------------------------------------
// Every payload sent since the last reset, but acks, heartbeats and what the widget refused: a reconnecting page
// gets them all as one batch and keeps what is newer than what it has (the widget drops stale and equal updates).
const history = [];
function remember(payload) {
  const key = ingestKey(payload);
  let value;
  try {
    value = JSON.parse(key);
  } catch {
    return;
  }
  if (!value || typeof value !== 'object' || value.type === 'cobrowse.ack' || value.topicName === 'channel.metadata')
    return;
  history.push({ key, value });
  if (history.length > 200) history.shift();
}
function forget(key) {
  const index = history.findLastIndex((entry) => entry.key === key);
  if (index >= 0) history.splice(index, 1);
}

async function reset() {
  history.length = 0;
  return request('reset');
}

/**
 * Sends `payload` through the relay (to one page with `to`) and resolves with what the page reported: its ingest
 * result, the derived view and the reflected attributes. With no page on the relay, resolves `{ offline: true }`.
 */
async function ingest(label, payload, expected, { to, record = true } = {}) {
  const key = ingestKey(payload);
  const reported = waitFor((msg) => msg.kind === 'ingested' && msg.key === key, 4000);
  const relayed = await relay({ kind: 'payload', payload, to });
  if (record) remember(payload);
  if (!relayed?.sites) {
    addRow({
      label,
      payload,
      note: relayed ? 'no customer page on the relay: it gets this in its resync' : 'the relay did not answer',
    });
    return { offline: true };
  }
  const answer = await reported;
  if (answer && !answer.result?.ok) forget(key);
  addRow({ label, payload, answer, expected });
  return answer;
}

// ---- the customer's actions come back here, as a backend would receive them -----------------------------------
const resyncs = [];
function onSite(site, message) {
  if (message?.type === 'cobrowse.action') onCustomerAction(site, message);
  else if (message?.type === 'cobrowse.resync') onResync(site);
}

async function onCustomerAction(site, action) {
  addRow({ label: `Customer pressed “${action.action}”`, payload: action, note: `cobrowse.action ${action.id}` });
  if (!$('auto-ack').checked) return;
  const payload = { type: 'cobrowse.ack', actionId: action.id, ok: true };
  const settled = waitFor((msg) => msg.kind === 'settled' && msg.actionId === action.id, 4000);
  const relayed = await relay({ kind: 'payload', payload, to: site });
  const answer = relayed?.sites ? await settled : null;
  addRow({
    label: 'Backend acknowledges (cobrowse.ack)',
    payload,
    answer: answer && { ...answer, result: { ok: true } },
  });
}

/** A page (re)opened its socket and asked for the session: send it everything since the last reset, as one batch. */
async function onResync(site) {
  const payloads = history.map((entry) => entry.value);
  let answer = null;
  if (payloads.length) {
    const label = `Resync: a customer page (re)connected; resending ${payloads.length} payload(s)`;
    answer = await ingest(label, payloads, undefined, { to: site, record: false });
  } else {
    addRow({ label: 'A customer page connected and asked for a resync', note: 'nothing sent since the last reset' });
  }
  for (const resolve of resyncs.splice(0)) resolve(answer);
}

// ---- scenarios ---------------------------------------------------------------------------------------------------
const pause = () => (stepMs > 0 ? new Promise((resolve) => setTimeout(resolve, stepMs)) : Promise.resolve());

let resynced = Promise.resolve(null);
/** The relay drops the page's socket and refuses it for OUTAGE_MS: the product's transport must show it. */
async function dropSocket(step) {
  const down = waitFor((msg) => msg.kind === 'link' && msg.link === 'reconnecting', 5000);
  resynced = new Promise((resolve) => {
    resyncs.push(resolve);
    setTimeout(() => resolve(null), OUTAGE_MS + 30_000);
  });
  const relayed = await relay({ kind: 'drop', outageMs: OUTAGE_MS });
  const link = await down;
  const answer = link && { ...link, result: { ok: true } };
  addRow({
    label: step.label,
    payload: { relay: 'drop', outageMs: OUTAGE_MS },
    answer,
    expected: step,
    note: !relayed?.sites ? '✗ no customer socket to drop' : link ? undefined : '✗ the page never said reconnecting',
  });
  return answer;
}

async function awaitResync(step) {
  const answer = await resynced;
  addRow({ label: step.label, answer, expected: step });
  return answer;
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
    addRow({ label: `▶ ${scenario.title}`, note: `scenario ${name}` });
    // A scenario that drops the socket needs a page that is on the relay now.
    const before = await request('ping', {}, 5000);
    if (scenario.transport === 'websocket' && before?.view?.link !== 'open') {
      addRow({ label: '✗ No customer page on the WebSocket relay (is this `npm start`?)', note: 'skipped' });
      return { ok: false, answers: [], endMismatches: [] };
    }
    await reset();
    const at = tracked(clock());
    const answers = [];
    let ok = true;
    for (const [i, step] of scenario.steps.entries()) {
      let answer;
      if (step.drop) answer = await dropSocket(step);
      else if (step.resync) answer = await awaitResync(step);
      else answer = await ingest(step.label, source()(step.payload(at), at, i), step);
      answers.push({ ...answer, step: step.label, mismatches: mismatches(step, answer) });
      // An `offline` step is sent while the page is down: reaching no page is what it expects.
      ok = ok && (step.offline ? answer?.offline === true : Boolean(answer?.result?.ok));
      await pause();
    }
    // The end state, read afresh: what the widget and the view show once the scenario is over.
    const final = await request('ping');
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
    const at = tracked(clock(now - 30_000));
    const payload = source()(event.payload(at, 30), at, 30);
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
    : answer.offline
      ? 'no customer page on the relay'
      : JSON.stringify(result.ok ? { ok: true, changed: result.changed } : { ok: false, error: result.error });
});
$('reset').addEventListener('click', async () => addRow({ label: 'Reset', answer: await reset() }));
$('clear').addEventListener('click', () => timeline.replaceChildren());

for (const select of $('switchers').querySelectorAll('select')) {
  select.addEventListener('change', () => request('attrs', { attrs: { [select.name]: select.value } }));
}

setInterval(() => {
  const own = window.__demoErrors?.length ?? 0;
  const site = $('site').contentWindow?.__demoErrors?.length ?? 0;
  $('page-errors').textContent = own + site ? `${own + site} page error(s): see the browser console` : '';
}, 1000);

// The embedded customer site joins the relay (and the inspection channel) on this console's channel.
const siteParams = new URLSearchParams({ channel: CHANNEL });
if (params.has('reconnect')) siteParams.set('reconnect', params.get('reconnect'));
$('site').src = `./index.html?${siteParams}`;

window.demoConsole = { scenarios: SCENARIOS, play, request };
