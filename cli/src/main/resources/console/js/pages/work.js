// The member's own work: its inbox ranked by the recommender, its requests with their offers, its
// offers, its contracts (XML with each precondition's state), the resources acknowledged, and its
// wallet with a balance history. Only records where this member is a party are shown.
import { get, find, all } from '../api.js';
import { h, badge, card, short, table, num, command } from '../dom.js';
import { lineChart } from '../charts.js';
import { pretty, preconditions } from './xml.js';

const A = 'alliance';

function phaseBadge(phase) {
  const kind = { open: 'warn', fulfilled: 'ok', cancelled: 'bad', withdrawn: 'neutral', escalated: 'bad' }[phase] || 'neutral';
  return badge(phase, kind);
}

function inboxSection(ctx, inbox) {
  return h('section', { 'aria-labelledby': 'inbox-h' },
    h('h2', { id: 'inbox-h' }, 'Inbox (' + inbox.requests.length + ')'),
    h('p', { class: 'muted' }, 'Open requests of other members, ranked for ' + ctx.status.member +
      ' by the recommender without your local ratings (`request inbox` adds them).'),
    inbox.requests.length === 0 ? h('p', {}, 'Nothing to answer.') :
      table([['Rank', 'num'], 'Request', 'From', 'Type', 'Description', ['Reward', 'num'], 'Offer with'],
        inbox.requests.map((e) => h('tr', { 'data-request': e.request.id },
          h('td', { class: 'num' }, e.rank),
          h('th', { scope: 'row' }, e.request.id),
          h('td', {}, e.request.requesterMember || short(e.request.requester)),
          h('td', {}, e.request.type),
          h('td', {}, e.request.description),
          h('td', { class: 'num' }, num(e.request.reward)),
          h('td', {}, command(A + ' offer make ' + e.request.id + ' ' + ctx.profile)))), { id: 'inbox' }));
}

function offersTable(ctx, r) {
  if (!r.offers.length) return h('p', { class: 'muted' }, 'No offers yet.');
  return table(['Offer', 'Provider', 'Description', 'Status', ['Share', 'num']], r.offers.map((o) => h('tr', {},
    h('th', { scope: 'row' }, o.id),
    h('td', {}, o.providerMember || o.providerName || short(o.provider)),
    h('td', {}, o.description),
    h('td', {}, badge(o.status, o.status === 'accepted' ? 'ok' : o.status === 'rejected' ? 'bad' : 'warn')),
    h('td', { class: 'num' }, o.sharePart === null ? '' : o.sharePart))));
}

function myRequests(ctx, mine) {
  return h('section', { 'aria-labelledby': 'req-h' },
    h('h2', { id: 'req-h' }, 'My requests (' + mine.length + ')'),
    mine.length === 0 ? h('p', {}, 'No requests.') : mine.map((r) => h('article', { 'data-request': r.id },
      h('h3', {}, r.id + ' \u2014 ' + r.description + ' ', phaseBadge(r.phase)),
      h('p', { class: 'muted' }, r.type + ', quantity ' + r.quantity + ', reward ' + num(r.reward) +
        (r.contractId ? ', contract ' + r.contractId : '')),
      offersTable(ctx, r),
      r.phase === 'open' && r.offers.some((o) => o.status === 'open') ? [
        command(A + ' offer accept ' + r.id + ' ' + r.offers.filter((o) => o.status === 'open').map((o) => '--offer ' + o.id + ':1').join(' ') + ' ' + ctx.profile),
        command(A + ' offer reject ' + r.id + ' --offer ' + r.offers.find((o) => o.status === 'open').id + ' ' + ctx.profile),
      ] : null)));
}

function myOffers(ctx, offers) {
  return h('section', { 'aria-labelledby': 'off-h' },
    h('h2', { id: 'off-h' }, 'My offers (' + offers.length + ')'),
    offers.length === 0 ? h('p', {}, 'No offers.') :
      table(['Offer', 'Request', 'Requester', 'Status', ['Share', 'num']], offers.map(({ r, o }) => h('tr', {},
        h('th', { scope: 'row' }, o.id),
        h('td', {}, r.id + ': ' + r.description),
        h('td', {}, r.requesterMember || short(r.requester)),
        h('td', {}, badge(o.status, o.status === 'accepted' ? 'ok' : o.status === 'rejected' ? 'bad' : 'warn')),
        h('td', { class: 'num' }, o.sharePart === null ? '' : o.sharePart)))));
}

function contractArticle(ctx, c, receiver) {
  const meSigner = c.signers.indexOf(ctx.me.address);
  const pre = preconditions(c.document, c);
  return h('article', { 'data-contract': c.id },
    h('h3', {}, 'Contract ' + c.id + ' ', phaseBadge(c.state)),
    h('div', { class: 'cards' },
      card('Request', c.requestId),
      card('Signatures', c.signed.length + ' / ' + c.signers.length),
      card('Acknowledged periods', c.verifiedPeriods.length ? c.verifiedPeriods.map((p) => '#' + p).join(', ') : 'none'),
      card('Tokens issued', num(c.tokensIssued)),
      c.reason ? card('Reason', c.reason) : null),
    h('h4', {}, 'Preconditions'),
    h('ul', { class: 'pre' }, pre.map((p, i) => h('li', {}, 'precondition ' + (i + 1) + ': ',
      p.terms.map((t, j) => [j ? ' & ' : '',
        h('span', { class: t.holds === null ? 'muted' : t.holds ? 'signed' : 'unsigned',
          title: t.who }, t.text + ' ' + (t.holds === null ? '(?)' : t.holds ? '\u2713' : '\u2717'))])))),
    h('p', {}, 'Signers: ', c.signers.map((s, i) => [i ? ', ' : '', h('span', { class: c.signed.includes(s) ? 'signed' : 'unsigned' },
      (c.signerMembers[i] || short(s)) + (c.signed.includes(s) ? ' (signed)' : ' (not yet)'))])),
    meSigner >= 0 && !c.signed.includes(ctx.me.address) && c.state !== 'cancelled' ? command(A + ' contract sign ' + c.id + ' ' + ctx.profile) : null,
    receiver && c.signed.length === c.signers.length && c.state !== 'fulfilled' ? command(A + ' resource ack ' + c.id + ' --period ' + c.verifiedPeriods.length + ' ' + ctx.profile) : null,
    h('details', {}, h('summary', {}, 'Contract XML'), pretty(c.document)));
}

function resources(contracts) {
  const rows = [];
  for (const { c } of contracts) {
    for (const p of c.verifiedPeriods) {
      rows.push(h('tr', {}, h('th', { scope: 'row' }, c.id), h('td', { class: 'num' }, p), h('td', {}, badge('transferred', 'ok')),
        h('td', {}, Object.entries(c.metadata).map(([k, v]) => k + '=' + v).join(', '))));
    }
  }
  return h('section', { 'aria-labelledby': 'res-h' }, h('h2', { id: 'res-h' }, 'Resources'),
    rows.length ? table(['Contract', ['Period', 'num'], 'State', 'Reported metadata'], rows)
      : h('p', { class: 'muted' }, 'No resource transfer acknowledged yet in this member\u2019s contracts.'));
}

function walletData(history) {
  const p = history.points;
  return [p.map((x) => x.height), p.map((x) => x.tokens), p.map((x) => x.money)];
}

export async function render(ctx) {
  const historyPath = '/accounts/' + ctx.status.publicKey + '/history?points=100';
  const [inbox, list, account, history] = await Promise.all([get('/inbox'), get('/requests'),
    get('/accounts/' + ctx.status.publicKey), get(historyPath)]);
  const me = ctx.me.address;
  const mine = list.requests.filter((r) => r.requester === me);
  const offers = [];
  for (const r of list.requests) for (const o of r.offers) if (o.provider === me) offers.push({ r, o });
  const party = list.requests.filter((r) => r.contractId &&
    (r.requester === me || r.offers.some((o) => o.provider === me && o.status === 'accepted')));
  const contracts = (await all(party, async (r) => ({ r, c: await find('/contracts/' + r.contractId) }))).filter((x) => x.c);

  const walletBox = h('div', { class: 'chart', id: 'wallet-chart', role: 'img', 'aria-label': 'Wallet balance history: tokens and money' });
  const element = h('div', {},
    h('h1', {}, 'Work of ' + ctx.status.member),
    h('section', { 'aria-labelledby': 'wal-h' }, h('h2', { id: 'wal-h' }, 'Wallet'),
      h('div', { class: 'cards', id: 'wallet' },
        card('Tokens', num(account.tokens)), card('Money', num(account.money)),
        card('Stake', num(account.stake)), card('Next nonce', num(account.nonce))),
      h('p', { class: 'muted' }, 'Balance history by block height, read from the ledger\u2019s versioned state.'),
      walletBox),
    inboxSection(ctx, inbox),
    myRequests(ctx, mine),
    myOffers(ctx, offers),
    h('section', { 'aria-labelledby': 'con-h' }, h('h2', { id: 'con-h' }, 'My contracts (' + contracts.length + ')'),
      contracts.length ? contracts.map(({ r, c }) => contractArticle(ctx, c, r.requester === me)) : h('p', {}, 'No contracts.')),
    resources(contracts));
  let chart = null;
  return {
    element,
    mounted() {
      chart = lineChart(walletBox, 'Balance history', [{ label: 'tokens', step: true }, { label: 'money', scale: 'right', step: true }],
        walletData(history), { yLabel: 'tokens', rightLabel: 'money', time: false, xLabel: 'height' });
    },
    async onEvent(kind) {
      if (kind === 'block' && chart) chart.update(walletData(await get(historyPath)));
    },
    dispose() {
      if (chart) chart.dispose();
    },
  };
}
