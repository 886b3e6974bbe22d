// The paper's figures, live: how each announcement reached this node over the LFT or TFT, hop by
// hop with times (SPEC M-8); f_ACO (eq. 1) and f_ACM (eq. 3) over time; and the trust values
// T(i,j) of eq. (2) from this member to each other member, with their inputs.
import { get, all } from '../api.js';
import { h, svg, badge, table, num, micros, ms } from '../dom.js';
import { lineChart, barChart } from '../charts.js';
import * as samples from '../samples.js';

const TREES_SHOWN = 6;

/** The hops of one route, in travel order (see Trees.Received and RouteSample). */
function hops(a, me) {
  const origin = a.origin || 'origin';
  switch (a.route) {
    case 'cooperative':
    case 'competitive_non_private':
      return a.acMicros > 0 || a.hops > 1
        ? [[origin, 'alliance node', 'CA', a.caMicros], ['alliance node', me, 'AC', a.acMicros]]
        : [[origin, me, 'CA', a.caMicros]];
    case 'competitive_private':
      return [[origin, 'private alliance node', 'CP', a.cpMicros], ['private alliance node', 'alliance node', 'PA', a.paMicros],
        ['alliance node', me, 'AC', a.acMicros]];
    case 'direct':
      return [[origin, me, 'direct', a.caMicros]];
    default:
      return [[origin, me, a.route, a.totalMicros]];
  }
}

function routePicture(a, me) {
  const path = hops(a, me);
  const nodes = [path[0][0]].concat(path.map((p) => p[1]));
  const boxW = 150, gap = 90, y = 30, boxH = 34;
  const width = nodes.length * boxW + (nodes.length - 1) * gap + 20;
  const pic = svg('svg', { class: 'tree', viewBox: '0 0 ' + width + ' 100', role: 'img',
    'aria-label': 'Route of "' + a.text + '": ' + path.map((p) => p[0] + ' to ' + p[1] + ' ' + ms(p[3])).join(', ') });
  nodes.forEach((name, i) => {
    const x = 10 + i * (boxW + gap);
    pic.append(svg('rect', { x, y, width: boxW, height: boxH, rx: 6, class: i === nodes.length - 1 ? 'self' : '' }));
    pic.append(svg('text', { x: x + boxW / 2, y: y + 22, 'text-anchor': 'middle' }, name));
    if (i > 0) {
      const [, , label, t] = path[i - 1];
      const x0 = x - gap, x1 = x;
      pic.append(svg('line', { x1: x0, y1: y + boxH / 2, x2: x1 - 6, y2: y + boxH / 2, class: 'edge' }));
      pic.append(svg('path', { d: 'M' + (x1 - 8) + ' ' + (y + boxH / 2 - 5) + ' L' + x1 + ' ' + (y + boxH / 2) + ' L' + (x1 - 8) + ' ' + (y + boxH / 2 + 5) + 'Z', fill: '#4d4d57' }));
      pic.append(svg('text', { x: (x0 + x1) / 2, y: y - 8, 'text-anchor': 'middle', class: 'hop' }, label));
      pic.append(svg('text', { x: (x0 + x1) / 2, y: y + boxH + 22, 'text-anchor': 'middle', class: 'hop' }, ms(t)));
    }
  });
  return pic;
}

function treesBody(ctx, received) {
  if (!received.length) {
    return [h('p', {}, 'No announcement has reached this node yet.'),
      h('p', { class: 'muted' }, ctx.competitive ? 'A competitive request goes to trusted providers over the TFT (POST /announcements/trusted).'
        : 'Announce one: curl -XPOST /announcements -d \'{"text":"need 40 pallets"}\' or `alliance request create`.')];
  }
  return [
    received.slice(0, TREES_SHOWN).map((a) => h('figure', { 'data-announcement': a.id },
      routePicture(a, ctx.status.member),
      h('figcaption', {}, '\u201c' + a.text + '\u201d from ' + a.origin + ': ' + a.route.replace(/_/g, ' ') + ', ' + a.hops +
        ' hop(s), ' + ms(a.totalMicros) + ' in all'))),
    table(['From', 'Text', 'Route', ['Hops', 'num'], ['CA', 'num'], ['AC', 'num'], ['CP', 'num'], ['PA', 'num'], ['Total', 'num']],
      received.map((a) => h('tr', {}, h('th', { scope: 'row' }, a.origin), h('td', {}, a.text), h('td', {}, a.route),
        h('td', { class: 'num' }, a.hops), h('td', { class: 'num' }, ms(a.caMicros)), h('td', { class: 'num' }, ms(a.acMicros)),
        h('td', { class: 'num' }, ms(a.cpMicros)), h('td', { class: 'num' }, ms(a.paMicros)), h('td', { class: 'num' }, ms(a.totalMicros))))),
  ];
}

function commData() {
  const c = samples.comm();
  return [c.map((p) => p.t), c.map((p) => p.fAco / 1000), c.map((p) => p.fAcm / 1000)];
}

function trustSection(ctx, trust) {
  if (!trust.length) return h('p', {}, 'No other member.');
  return table(['Provider j', ['T(i,j)', 'num'], 'Trusted', ['Direct trust', 'num'], ['Reputation', 'num'], ['Risk', 'num'],
    'Direct: done / cancelled / disputed', 'Alliance: done / cancelled / disputed', ['Profile', 'num']],
  trust.map((t) => h('tr', { 'data-trust': t.to },
    h('th', { scope: 'row' }, t.to),
    h('td', { class: 'num' }, micros(t.value)),
    h('td', {}, t.trusted ? badge('\u2265 ' + micros(t.threshold), 'ok') : badge('< ' + micros(t.threshold), 'bad')),
    h('td', { class: 'num' }, micros(t.directTrust)), h('td', { class: 'num' }, micros(t.reputation)), h('td', { class: 'num' }, micros(t.risk)),
    h('td', {}, t.directCompleted + ' / ' + t.directCancelled + ' / ' + t.directDisputed),
    h('td', {}, t.allianceCompleted + ' / ' + t.allianceCancelled + ' / ' + t.allianceDisputed),
    h('td', { class: 'num' }, micros(t.profileScore)))), { id: 'trust' });
}

export async function render(ctx) {
  const others = ctx.members.filter((m) => m.name !== ctx.status.member);
  const [received, comm, trust] = await Promise.all([
    get('/announcements'), get('/comm-times'),
    all(others, (m) => get('/trust/' + encodeURIComponent(ctx.status.member) + '/' + encodeURIComponent(m.name)).catch(() => null)),
  ]);
  const trusts = trust.filter((t) => t);
  const treesBox = h('div', { id: 'trees' }, treesBody(ctx, received));
  const commCards = () => {
    const c = samples.comm();
    const last = c.length ? c[c.length - 1] : { fAco: comm.fAcoMicros, n: comm.n, fAcm: comm.fAcmMicros, nP: comm.nP, nNp: comm.nNp };
    return h('div', { class: 'cards', id: 'comm' },
      h('div', { class: 'card' }, h('div', { class: 'k' }, 'f_ACO (eq. 1)'), h('div', { class: 'v' }, ms(last.fAco)), h('div', { class: 'muted' }, 'N = ' + num(last.n))),
      h('div', { class: 'card' }, h('div', { class: 'k' }, 'f_ACM (eq. 3)'), h('div', { class: 'v' }, ms(last.fAcm)), h('div', { class: 'muted' }, 'N_P = ' + num(last.nP) + ', N_NP = ' + num(last.nNp))));
  };
  const commBox = h('div', {}, commCards());
  const commChart = h('div', { class: 'chart', id: 'comm-chart', role: 'img', 'aria-label': 'f_ACO and f_ACM over time, in milliseconds' });
  const trustChart = h('div', { class: 'chart', id: 'trust-chart', role: 'img', 'aria-label': 'Trust values T(i,j) per provider and the threshold' });
  const element = h('div', {},
    h('h1', {}, 'Paper figures'),
    h('section', { 'aria-labelledby': 'tree-h' }, h('h2', { id: 'tree-h' }, (ctx.competitive ? 'TFT' : 'LFT') + ' routes to ' + ctx.status.member + ' (live)'),
      treesBox),
    h('section', { 'aria-labelledby': 'comm-h' }, h('h2', { id: 'comm-h' }, 'Communication times over time'),
      commBox, h('p', { class: 'muted' }, 'Sampled at each committed block and announcement while the console is open.'), commChart),
    h('section', { 'aria-labelledby': 'trust-h' }, h('h2', { id: 'trust-h' }, 'Trust T(' + ctx.status.member + ', j), eq. (2)'),
      trusts.length ? h('p', { class: 'muted' }, trusts[0].explain) : null,
      trusts.length ? trustChart : null,
      trustSection(ctx, trusts)));
  let chart = null, bars = null, unsubscribe = null;
  return {
    element,
    mounted() {
      chart = lineChart(commChart, 'f_ACO and f_ACM', [{ label: 'f_ACO ms' }, { label: 'f_ACM ms' }], commData(), { yLabel: 'ms' });
      if (trusts.length) {
        bars = barChart(trustChart, 'T(i,j) and threshold', trusts.map((t) => t.to),
          [{ label: 'T(i,j)', values: trusts.map((t) => t.value / 1e6) }, { label: 'threshold', values: trusts.map((t) => t.threshold / 1e6) }],
          { yLabel: 'trust' });
      }
      unsubscribe = samples.onSample(() => {
        chart.update(commData());
        commBox.replaceChildren(commCards());
      });
    },
    async onEvent(kind) {
      if (kind === 'announcement') treesBox.replaceChildren(...treesBody(ctx, await get('/announcements')).flat(Infinity));
    },
    dispose() {
      if (unsubscribe) unsubscribe();
      if (chart) chart.dispose();
      if (bars) bars.dispose();
    },
  };
}
