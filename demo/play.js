// A short scripted session: alerting -> connected -> disconnected, as Genesys' notification service sends it.
const start = Date.now();
const iso = (seconds) => new Date(start + seconds * 1000).toISOString();

function update(state, seconds, extra = {}) {
  return {
    topicName: 'v2.users.demo-user.conversations',
    version: '2',
    eventBody: {
      id: 'demo-comm-1',
      state,
      cobrowseSessionId: 'demo-session',
      cobrowseRole: 'sharer',
      controlling: [],
      providerEventTime: iso(seconds),
      startAlertingTime: iso(0),
      ...extra,
    },
    metadata: { CorrelationId: `demo-${seconds}` },
  };
}

export const SCRIPT = [
  { label: 'An agent asks to see the page (alerting)', payload: update('alerting', 0) },
  { label: 'The customer accepted (connected)', payload: update('connected', 3, { connectedTime: iso(3) }) },
  {
    label: 'The agent left (disconnected)',
    payload: update('disconnected', 8, { connectedTime: iso(3), disconnectedTime: iso(8), disconnectType: 'peer' }),
  },
];

const log = document.getElementById('log');
const step = document.getElementById('step');
let timers = [];
// `?step=ms` speeds the script up (the demo test uses it).
const stepMs = Number(new URLSearchParams(location.search).get('step')) || 2500;

function play() {
  timers.forEach(clearTimeout);
  log.replaceChildren();
  window.CobrowseWidget('reset');
  timers = SCRIPT.map(({ label, payload }, i) =>
    setTimeout(() => {
      window.CobrowseWidget('ingest', payload);
      step.textContent = label;
      const item = document.createElement('li');
      item.textContent = label;
      log.append(item);
    }, i * stepMs),
  );
}

document.getElementById('replay').addEventListener('click', play);
play();
