// Blocks and transactions: the latest blocks (live), one block with its transactions and the
// validators who signed its commit certificate, one transaction's status, search by height or hash.
import { get, find, all } from '../api.js';
import { h, badge, card, short, table, errorBox } from '../dom.js';

const BLOCKS_LISTED = 20;
const HASH = /^[0-9a-f]{64}$/;

function when(millis) {
  return new Date(millis).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

function blockRow(ctx, b) {
  return h('tr', { 'data-height': b.height },
    h('th', { scope: 'row' }, h('a', { href: '#/blocks/' + b.height }, '#' + b.height)),
    h('td', { class: 'mono' }, h('span', { title: b.hash }, short(b.hash, 16))),
    h('td', { class: 'num' }, b.header.txCount),
    h('td', { class: 'num' }, b.header.view),
    h('td', {}, ctx.nameOf(b.header.proposer) || short(b.header.proposer)),
    h('td', { class: 'num' }, b.certificate.votes.length + ' / ' + ctx.validators.length),
    h('td', {}, when(b.header.timestampMillis)));
}

function searchForm(ctx, message) {
  const input = h('input', { id: 'search', name: 'q', type: 'search', autocomplete: 'off',
    placeholder: 'height, or transaction / block hash (64 hex)', 'aria-describedby': 'search-help' });
  const out = h('div', { id: 'search-result', role: 'status' }, message || '');
  const form = h('form', { class: 'search', role: 'search', onsubmit: async (e) => {
    e.preventDefault();
    const q = input.value.trim().toLowerCase();
    out.replaceChildren();
    if (/^\d+$/.test(q)) {
      location.hash = '#/blocks/' + q;
    } else if (HASH.test(q)) {
      const tx = await get('/tx/' + q).catch(() => null);
      if (tx && tx.status !== 'unknown') {
        location.hash = '#/tx/' + q;
        return;
      }
      // Not a transaction: look for a block with that hash among the recent ones.
      const head = (await get('/status')).height;
      for (let x = head; x >= Math.max(1, head - 200); x--) {
        const b = await find('/blocks/' + x);
        if (b && b.hash === q) {
          location.hash = '#/blocks/' + x;
          return;
        }
      }
      out.replaceChildren(errorBox('No transaction with that hash, and no block among the latest 200.'));
    } else {
      out.replaceChildren(errorBox('Enter a block height or a 64-digit hex hash.'));
    }
  } },
  h('label', { for: 'search' }, 'Search'), input, h('button', { type: 'submit' }, 'Find'),
  h('span', { id: 'search-help', class: 'muted' }, 'Transactions are found on any height; blocks by hash among the latest 200.'));
  return h('div', {}, form, out);
}

async function list(ctx) {
  const head = ctx.status.height;
  const heights = [];
  for (let x = head; x >= 1 && heights.length < BLOCKS_LISTED; x--) heights.push(x);
  const blocks = (await all(heights, (x) => find('/blocks/' + x))).filter((b) => b);
  const body = h('tbody', {}, blocks.map((b) => blockRow(ctx, b)));
  const element = h('div', {},
    h('h1', {}, 'Blocks'),
    searchForm(ctx),
    h('h2', {}, 'Latest blocks (live)'),
    h('div', { class: 'table-wrap' }, h('table', { id: 'blocks' },
      h('thead', {}, h('tr', {}, [['Height'], ['Hash'], ['Txs', 'num'], ['View', 'num'], ['Proposer'], ['Signed', 'num'], ['Time']]
        .map(([x, c]) => h('th', { scope: 'col', class: c }, x)))),
      body)));
  return {
    element,
    async onEvent(kind, data) {
      if (kind !== 'block') return;
      const b = await find('/blocks/' + data.height);
      if (!b || body.querySelector('tr[data-height="' + b.height + '"]')) return;
      body.prepend(blockRow(ctx, b));
      while (body.children.length > BLOCKS_LISTED) body.lastElementChild.remove();
    },
  };
}

function txStatusBadge(t) {
  if (t.status !== 'committed') return badge(t.status, t.status === 'pending' ? 'warn' : 'neutral');
  return t.success ? badge('ok', 'ok') : badge('refused: ' + t.code, 'bad');
}

async function detail(ctx, heightText) {
  const b = await find('/blocks/' + encodeURIComponent(heightText));
  if (!b) {
    return { element: h('div', {}, h('h1', {}, 'Block ' + heightText), searchForm(ctx), errorBox('No block at height ' + heightText + '.')) };
  }
  const statuses = await all(b.transactions, (x) => get('/tx/' + x));
  const hd = b.header;
  const signedBy = new Set(b.certificate.votes.map((v) => v.validator));
  const element = h('div', {},
    h('h1', {}, 'Block #' + b.height),
    h('p', {},
      b.height > 1 ? h('a', { href: '#/blocks/' + (b.height - 1) }, '\u2190 #' + (b.height - 1)) : null, ' ',
      h('a', { href: '#/blocks/' + (b.height + 1) }, '#' + (b.height + 1) + ' \u2192'), ' \u00b7 ',
      h('a', { href: '#/blocks' }, 'latest blocks')),
    searchForm(ctx),
    h('div', { class: 'cards' },
      card('Hash', short(b.hash, 20), { title: b.hash }),
      card('Time', when(hd.timestampMillis)),
      card('View', hd.view),
      card('Proposer', ctx.nameOf(hd.proposer) || short(hd.proposer)),
      card('Transactions', hd.txCount),
      card('Previous', short(hd.previousHash, 16), { title: hd.previousHash }),
      card('Tx root', short(hd.txRoot, 16), { title: hd.txRoot }),
      card('State root of #' + hd.executedHeight, short(hd.executedStateRoot, 16), { title: hd.executedStateRoot })),
    h('h2', {}, 'Transactions'),
    b.transactions.length === 0 ? h('p', { class: 'muted' }, 'No transactions in this block.') :
      table(['#', 'Hash', 'Status', 'Detail'], statuses.map((t, i) => h('tr', { 'data-tx': t.hash },
        h('td', { class: 'num' }, i),
        h('td', { class: 'mono' }, h('a', { href: '#/tx/' + t.hash }, t.hash)),
        h('td', {}, txStatusBadge(t)),
        h('td', {}, t.detail || ''))), { id: 'block-txs' }),
    h('h2', {}, 'Commit certificate'),
    h('p', {}, 'Signed by ' + signedBy.size + ' of ' + ctx.validators.length + ' validators in view ' + b.certificate.view +
      ' (a quorum is 2f+1 of n = 3f+1).'),
    table(['Validator', 'Index', 'Signed', 'Signature'], ctx.validators.map((key, i) => {
      const vote = b.certificate.votes.find((v) => v.validator === i);
      return h('tr', { 'data-validator': ctx.nameOf(key) },
        h('th', { scope: 'row' }, ctx.nameOf(key) || short(key)),
        h('td', { class: 'num' }, i),
        h('td', {}, vote ? badge('signed', 'ok') : badge('no vote in certificate', 'neutral')),
        h('td', { class: 'mono' }, vote ? h('span', { title: vote.signature }, short(vote.signature, 24)) : ''));
    }), { id: 'certificate' }));
  return { element };
}

async function tx(ctx, hash) {
  const t = HASH.test(hash) ? await get('/tx/' + hash) : null;
  if (!t) return { element: h('div', {}, h('h1', {}, 'Transaction'), searchForm(ctx), errorBox('Not a transaction hash.')) };
  const body = () => h('div', { class: 'cards', id: 'tx-status' },
    card('Status', txStatusBadge(t)),
    t.height !== null ? card('Block', h('a', { href: '#/blocks/' + t.height }, '#' + t.height)) : null,
    t.index !== null ? card('Index in block', t.index) : null,
    t.code ? card('Code', t.code) : null,
    t.detail ? card('Detail', t.detail) : null);
  const box = h('div', {}, body());
  const element = h('div', {}, h('h1', {}, 'Transaction'), h('p', { class: 'mono' }, hash), searchForm(ctx), box);
  return {
    element,
    async onEvent(kind) {
      if (kind !== 'block' || t.status === 'committed') return;
      Object.assign(t, await get('/tx/' + hash));
      box.replaceChildren(body());
    },
  };
}

export async function render(ctx, args) {
  if (args[0] === 'tx') return tx(ctx, (args[1] || '').toLowerCase());
  if (args.length && args[0] !== '') return detail(ctx, args[0]);
  return list(ctx);
}


