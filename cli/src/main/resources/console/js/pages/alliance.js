// The alliance: members, roles, validators, which nodes are up, view and primary, height, and a
// live commit-rate chart (blocks per minute and transactions per block, from block timestamps).
import { get, all } from '../api.js';
import { h, badge, card, short, num } from '../dom.js';
import { lineChart } from '../charts.js';

const BLOCKS_SEEDED = 40;
const RATE_WINDOW_SECONDS = 60;
const POINTS_MAX = 300;

function ratePoints(headers) {
  // headers sorted by height; blocks per minute over the trailing window at each block
  const xs = [], perMinute = [], txs = [];
  for (let i = 0; i < headers.length; i++) {
    const t = headers[i].timestampMillis / 1000;
    let n = 0;
    for (let j = i; j >= 0 && headers[j].timestampMillis / 1000 > t - RATE_WINDOW_SECONDS; j--) n++;
    xs.push(t);
    perMinute.push(Math.round((n * 60) / RATE_WINDOW_SECONDS));
    txs.push(headers[i].txCount);
  }
  return [xs, perMinute, txs];
}

function memberRows(ctx, status) {
  const peers = new Map(status.peers.map((p) => [p.publicKey, p]));
  return ctx.members.map((m) => {
    const self = m.publicKey === status.publicKey;
    const peer = peers.get(m.publicKey);
    const up = self || (peer && peer.connected);
    const primary = status.consensus && status.consensus.primary === m.name;
    return h('tr', { 'data-member': m.name },
      h('th', { scope: 'row' }, m.name, self ? h('span', { class: 'muted' }, ' (this node)') : null),
      h('td', {}, m.roles.join(', ')),
      h('td', {}, m.validator ? badge(primary ? 'validator \u00b7 primary' : 'validator', 'ok') : badge('no', 'neutral')),
      h('td', {}, up ? badge('up', 'ok') : badge('down', 'bad')),
      h('td', { class: 'num' }, self ? '' : peer && peer.roundTripMicros !== null ? (peer.roundTripMicros / 1000).toFixed(2) + ' ms' : '\u2014'),
      h('td', { class: 'mono' }, h('span', { title: m.publicKey }, short(m.publicKey, 16))),
      h('td', { class: 'mono' }, h('span', { title: m.address }, short(m.address, 14))));
  });
}

function summary(status) {
  const c = status.consensus;
  return h('div', { class: 'cards' },
    card('Alliance', status.alliance),
    card('Mode', status.mode),
    card('Chain id', status.chainId),
    card('Height', num(status.height), { id: 'height' }),
    card('Head', short(status.headHash, 16), { title: status.headHash }),
    card('View', c ? num(c.view) : 'not a validator'),
    card('Primary', c ? c.primary : '\u2014', { id: 'primary' }),
    card('Phase', c ? c.phase : '\u2014'),
    card('View changes', c ? num(c.viewChanges) : '\u2014'),
    card('Mempool', num(status.mempoolSize)));
}

export async function render(ctx) {
  const status = ctx.status;
  const from = Math.max(1, status.height - BLOCKS_SEEDED + 1);
  const heights = [];
  for (let x = from; x <= status.height; x++) heights.push(x);
  const headers = (await all(heights, (x) => get('/blocks/' + x).then((b) => b.header).catch(() => null)))
    .filter((x) => x !== null);

  const summaryBox = h('section', { 'aria-labelledby': 'sum-h' }, h('h2', { id: 'sum-h' }, 'Now'), summary(status));
  const membersBody = h('tbody', {}, memberRows(ctx, status));
  const membersTable = h('div', { class: 'table-wrap' }, h('table', { id: 'members' },
    h('caption', { class: 'muted' }, 'Up/down as seen by this node\u2019s peer links.'),
    h('thead', {}, h('tr', {}, ['Member', 'Roles', 'Validator', 'Node', 'Round trip', 'Public key', 'Address']
      .map((x) => h('th', { scope: 'col' }, x)))),
    membersBody));
  const chartBox = h('div', { class: 'chart', id: 'commit-rate', role: 'img',
    'aria-label': 'Commit rate: blocks per minute and transactions per block over time' });
  const lastBlock = h('p', { id: 'last-block', class: 'muted' },
    headers.length ? 'Last block #' + headers[headers.length - 1].height + ' with ' + headers[headers.length - 1].txCount + ' transactions.' : 'No block yet.');

  const element = h('div', {},
    h('h1', {}, 'Alliance'),
    summaryBox,
    h('section', { 'aria-labelledby': 'mem-h' }, h('h2', { id: 'mem-h' }, 'Members'), membersTable),
    h('section', { 'aria-labelledby': 'rate-h' }, h('h2', { id: 'rate-h' }, 'Commit rate (live)'), chartBox, lastBlock));

  let chart = null;
  let refreshing = false;
  return {
    element,
    mounted() {
      chart = lineChart(chartBox, 'Commit rate', [{ label: 'blocks / min' }, { label: 'transactions / block', scale: 'right' }],
        ratePoints(headers), { yLabel: 'blocks / min', rightLabel: 'tx / block' });
    },
    async onEvent(kind, data) {
      if (kind !== 'block') return;
      const block = await get('/blocks/' + data.height).catch(() => null);
      if (block) {
        headers.push(block.header);
        while (headers.length > POINTS_MAX) headers.shift();
        if (chart) chart.update(ratePoints(headers));
        lastBlock.textContent = 'Last block #' + block.height + ' with ' + block.header.txCount + ' transactions.';
      }
      if (refreshing) return;
      refreshing = true;
      try {
        const fresh = await get('/status');
        summaryBox.replaceChildren(h('h2', { id: 'sum-h' }, 'Now'), summary(fresh));
        membersBody.replaceChildren(...memberRows(ctx, fresh));
      } finally {
        refreshing = false;
      }
    },
    dispose() {
      if (chart) chart.dispose();
    },
  };
}


