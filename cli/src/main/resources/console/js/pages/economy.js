// The alliance's economy: tokens, money and stake per member (chart), contributions over time
// (tokens issued per member per range of heights, chart), contributions and rewards from the
// latest amelioration report (anomalies highlighted), DAO proposals with live tallies,
// committee cases and OTC swaps.
import { get, find, all } from '../api.js';
import { h, badge, card, short, table, num, command } from '../dom.js';
import { barChart, lineChart } from '../charts.js';

const A = 'alliance';

function percent(part, whole) {
  return whole > 0 ? ((100 * part) / whole).toFixed(1) + '%' : '0%';
}

function proposalArticle(ctx, p) {
  const voted = p.votes.some((v) => v.member === ctx.status.member);
  const yesShare = p.totalWeight > 0 ? (100 * p.yesWeight) / p.totalWeight : 0;
  const noShare = p.totalWeight > 0 ? (100 * p.noWeight) / p.totalWeight : 0;
  const bar = h('div', { class: 'tally', role: 'img',
    'aria-label': 'yes ' + percent(p.yesWeight, p.totalWeight) + ', no ' + percent(p.noWeight, p.totalWeight) + ' of the stake' });
  const yes = h('div', { class: 'yes' });
  const no = h('div', { class: 'no' });
  // Widths are set through the CSSOM, which the console's CSP allows (style attributes it does not).
  yes.style.width = yesShare + '%';
  no.style.width = noShare + '%';
  bar.append(yes, no);
  return h('article', { id: 'proposal-' + p.id, 'data-proposal': p.id },
    h('h3', {}, '#' + p.id + ' ' + p.action + ' ', badge(p.status + (p.held ? ' (held)' : ''),
      p.status === 'open' ? 'warn' : p.status === 'passed' || p.status === 'executed' ? 'ok' : 'neutral')),
    h('p', { class: 'muted' }, 'proposed by ' + p.proposer + ', heights ' + p.openHeight + ' to ' + p.closeHeight +
      '; quorum ' + p.quorumPpm / 10000 + '% of the stake, passes above ' + p.passPpm / 10000 + '% yes'),
    bar,
    h('p', { class: 'tally-text', 'data-yes': p.yesWeight, 'data-no': p.noWeight, 'data-votes': p.votes.length },
      'yes ' + num(p.yesWeight) + ' (' + percent(p.yesWeight, p.totalWeight) + ') \u00b7 no ' + num(p.noWeight) +
      ' (' + percent(p.noWeight, p.totalWeight) + ') \u00b7 stake ' + num(p.totalWeight) + ' \u00b7 ' + p.votes.length + ' vote(s): ' +
      p.votes.map((v) => v.member + ' ' + (v.yes ? 'yes' : 'no')).join(', ')),
    p.status === 'open' && !voted ? [command(A + ' dao vote ' + p.id + ' yes ' + ctx.profile), command(A + ' dao vote ' + p.id + ' no ' + ctx.profile)] : null);
}

function proposalsBody(ctx, list) {
  const open = list.proposals.filter((p) => p.status === 'open');
  const closed = list.proposals.filter((p) => p.status !== 'open');
  return [
    open.length ? open.map((p) => proposalArticle(ctx, p)) : h('p', {}, 'No open proposal.'),
    closed.length ? h('details', {}, h('summary', {}, closed.length + ' closed proposal(s)'), closed.map((p) => proposalArticle(ctx, p))) : null,
    h('p', { class: 'muted' }, 'Open one: '), command(A + ' dao propose --set reward-standard-tokens=120 ' + ctx.profile),
  ];
}

const CONTRIBUTION_BUCKETS = 20;

/** [fromHeights, tokens of member 0, tokens of member 1, ...] from GET /contributions. */
function contributionData(c) {
  return [c.buckets.map((b) => b.fromHeight)].concat(c.members.map((m, i) => c.buckets.map((b) => b.tokens[i])));
}

function contributionTotals(c) {
  return table(['Member', ['Tokens issued', 'num']], c.members.map((m) => h('tr', { 'data-member': m.member || m.publicKey },
    h('th', { scope: 'row' }, m.member || short(m.publicKey)), h('td', { class: 'num' }, num(m.total)))), { id: 'contrib-totals' });
}

function reportSection(report) {
  if (!report) return h('p', { class: 'muted', id: 'report' }, 'No amelioration report yet (the first one comes at the end of the first report period).');
  const flagged = new Set();
  for (const a of report.anomalies) for (const m of a.members) flagged.add(m);
  return h('div', { id: 'report' },
    h('p', {}, 'Blocks ' + report.fromHeight + ' to ' + report.toHeight + ': ',
      report.clean ? badge('clean', 'ok') : badge(report.anomalies.length + ' anomal' + (report.anomalies.length === 1 ? 'y' : 'ies'), 'bad')),
    table(['Member', ['Contributions', 'num'], ['Value', 'num'], ['Rewards', 'num'], ['Cancellations', 'num'], ['Total contributions', 'num'], ['Total rewards', 'num']],
      report.members.map((m) => h('tr', { class: flagged.has(m.member) ? 'anomaly' : null },
        h('th', { scope: 'row' }, m.member, flagged.has(m.member) ? [' ', badge('anomaly', 'bad')] : null),
        h('td', { class: 'num' }, num(m.contributions)), h('td', { class: 'num' }, num(m.contributionValue)),
        h('td', { class: 'num' }, num(m.rewards)), h('td', { class: 'num' }, num(m.cancellations)),
        h('td', { class: 'num' }, num(m.totalContributions)), h('td', { class: 'num' }, num(m.totalRewards))))),
    report.anomalies.length ? [h('h3', {}, 'Anomalies'), table(['Kind', 'Members', 'Detail'], report.anomalies.map((a) =>
      h('tr', { class: 'anomaly' }, h('th', { scope: 'row' }, a.kind), h('td', {}, a.members.join(', ')), h('td', {}, a.detail))))] : null,
    report.defects.length ? [h('h3', {}, 'Defects'), table(['Contract', 'Kind', 'Reason', ['Height', 'num']], report.defects.map((d) =>
      h('tr', {}, h('th', { scope: 'row' }, d.contractId), h('td', {}, d.kind), h('td', {}, d.reason), h('td', { class: 'num' }, d.height))))] : null);
}

function casesSection(ctx, cases) {
  if (!cases.cases.length) return h('p', { class: 'muted' }, 'No committee case.');
  return table(['Case', 'Kind', 'Contract', 'Reason', 'State', 'Votes'], cases.cases.map((c) => h('tr', {},
    h('th', { scope: 'row' }, '#' + c.id),
    h('td', {}, c.kind), h('td', {}, c.contractId || ''), h('td', {}, c.reason || ''),
    h('td', {}, c.decided ? badge('decided: ' + c.awardPerMille + '\u2030', 'ok') : badge('open', 'warn')),
    h('td', {}, c.votes.map((v) => v.member + ' ' + v.awardPerMille + '\u2030').join(', '),
      !c.decided ? command(A + ' committee decide ' + c.id + ' --award-per-mille 500 ' + ctx.profile) : null))));
}

function swapsSection(swaps) {
  if (!swaps.swaps.length) return h('p', { class: 'muted' }, 'No swap offer.');
  return table(['Offer', 'Maker', 'Side', ['Tokens', 'num'], ['Money', 'num'], 'Taker', 'Status'], swaps.swaps.map((s) => h('tr', {},
    h('th', { scope: 'row', class: 'mono' }, short(s.id)), h('td', {}, s.maker), h('td', {}, s.side),
    h('td', { class: 'num' }, num(s.tokens)), h('td', { class: 'num' }, num(s.money)), h('td', {}, s.taker || 'anyone'), h('td', {}, s.status))));
}

export async function render(ctx) {
  const contributionsPath = '/contributions?buckets=' + CONTRIBUTION_BUCKETS;
  const [accounts, proposals, cases, swaps, report, contributions] = await Promise.all([
    all(ctx.members, (m) => get('/accounts/' + m.publicKey)),
    get('/proposals'), get('/cases'), get('/swaps'), find('/report'), get(contributionsPath),
  ]);
  const contribBox = h('div', { class: 'chart', id: 'contrib-chart', role: 'img',
    'aria-label': 'Contributions over time: tokens issued to each member per range of block heights' });
  const contribTotals = h('div', {}, contributionTotals(contributions));
  const chartBox = h('div', { class: 'chart', id: 'stake-chart', role: 'img', 'aria-label': 'Tokens and stake per member' });
  const proposalsBox = h('div', { id: 'proposals', 'aria-live': 'polite' }, proposalsBody(ctx, proposals));
  const element = h('div', {},
    h('h1', {}, 'Economy'),
    h('section', { 'aria-labelledby': 'tok-h' }, h('h2', { id: 'tok-h' }, 'Tokens and stake per member'),
      chartBox,
      table(['Member', ['Tokens', 'num'], ['Stake', 'num'], ['Money', 'num']], accounts.map((a, i) => h('tr', {},
        h('th', { scope: 'row' }, ctx.members[i].name), h('td', { class: 'num' }, num(a.tokens)),
        h('td', { class: 'num' }, num(a.stake)), h('td', { class: 'num' }, num(a.money)))), { id: 'accounts' })),
    h('section', { 'aria-labelledby': 'ctb-h' }, h('h2', { id: 'ctb-h' }, 'Contributions over time'),
      h('p', { class: 'muted' }, 'Tokens the ledger issued to each member for its contributions (contracts, committee awards), ' +
        'summed per range of block heights; each step starts at the range\u2019s first height.'),
      contribBox,
      h('details', {}, h('summary', {}, 'Totals per member'), contribTotals)),
    h('section', { 'aria-labelledby': 'dao-h' }, h('h2', { id: 'dao-h' }, 'DAO proposals (live tallies, stake-weighted)'), proposalsBox),
    h('section', { 'aria-labelledby': 'rep-h' }, h('h2', { id: 'rep-h' }, 'Amelioration report and contributions'), reportSection(report)),
    h('section', { 'aria-labelledby': 'cas-h' }, h('h2', { id: 'cas-h' }, 'Committee cases'), casesSection(ctx, cases)),
    h('section', { 'aria-labelledby': 'swp-h' }, h('h2', { id: 'swp-h' }, 'OTC swaps'), swapsSection(swaps)));
  let chart = null;
  let contribChart = null;
  let contribMembers = contributions.members.length;
  const drawContributions = (c) => {
    if (contribChart) contribChart.dispose();
    contribMembers = c.members.length;
    contribChart = lineChart(contribBox, 'Tokens issued per range of heights',
      c.members.map((m) => ({ label: m.member || short(m.publicKey), step: true })),
      contributionData(c), { yLabel: 'tokens', time: false, xLabel: 'from height' });
  };
  let refreshing = false;
  return {
    element,
    mounted() {
      drawContributions(contributions);
      chart = barChart(chartBox, 'Tokens and stake', ctx.members.map((m) => m.name),
        [{ label: 'tokens', values: accounts.map((a) => a.tokens) }, { label: 'stake', values: accounts.map((a) => a.stake) }],
        { yLabel: 'tokens' });
    },
    async onEvent(kind) {
      if (kind !== 'block' || refreshing) return;
      refreshing = true;
      try {
        proposalsBox.replaceChildren(...proposalsBody(ctx, await get('/proposals')).flat(Infinity).filter((x) => x));
        const c = await get(contributionsPath);
        if (c.members.length !== contribMembers) drawContributions(c);
        else if (contribChart) contribChart.update(contributionData(c));
        contribTotals.replaceChildren(contributionTotals(c));
      } finally {
        refreshing = false;
      }
    },
    dispose() {
      if (chart) chart.dispose();
      if (contribChart) contribChart.dispose();
    },
  };
}
