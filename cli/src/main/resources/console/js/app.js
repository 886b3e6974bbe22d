// The console's shell: loads who this node is, routes #/page/arg to a page module, keeps the
// live indicator, and hands every page the event stream.
import { get } from './api.js';
import { h, errorBox } from './dom.js';
import { connect, subscribe } from './live.js';
import * as samples from './samples.js';
import * as alliance from './pages/alliance.js';
import * as blocks from './pages/blocks.js';
import * as work from './pages/work.js';
import * as economy from './pages/economy.js';
import * as paper from './pages/paper.js';

const PAGES = { alliance, blocks, tx: blocks, work, economy, paper };
const NAV = { alliance: 'alliance', blocks: 'blocks', tx: 'blocks', work: 'work', economy: 'economy', paper: 'paper' };

let current = null;
let generation = 0;

async function context() {
  const [status, members] = await Promise.all([get('/status'), get('/members')]);
  const byKey = new Map(members.members.map((m) => [m.publicKey, m]));
  const byAddress = new Map(members.members.map((m) => [m.address, m]));
  // Certificates name validators by index into the validator set, which is sorted by key bytes:
  // lower-case hex sorts the same way.
  const validators = members.members.filter((m) => m.validator).map((m) => m.publicKey).sort();
  const me = byKey.get(status.publicKey);
  return {
    status,
    members: members.members,
    gatewayKey: members.gatewayKey,
    me,
    byKey,
    byAddress,
    validators,
    nameOf: (keyOrAddress) => {
      const m = byKey.get(keyOrAddress) || byAddress.get(keyOrAddress);
      return m ? m.name : keyOrAddress === members.gatewayKey ? 'gateway' : '';
    },
    /** The CLI flag that picks this member's profile (bootstrap writes MEMBER/profile.yaml). */
    profile: '--profile ' + status.member + '/profile.yaml',
    competitive: status.mode === 'competitive',
  };
}

function parseHash() {
  const parts = (location.hash || '#/alliance').replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const page = PAGES[parts[0]] ? parts[0] : 'alliance';
  return { page, args: parts.slice(1) };
}

async function show(ctx, focus) {
  const { page, args } = parseHash();
  for (const a of document.querySelectorAll('#nav a')) {
    if (a.dataset.page === NAV[page]) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  if (current && current.dispose) current.dispose();
  current = null;
  const mine = ++generation;
  const main = document.getElementById('main');
  main.replaceChildren(h('p', { class: 'muted' }, 'Loading\u2026'));
  main.setAttribute('aria-busy', 'true');
  try {
    // Re-read the status so the page starts from the current head.
    ctx.status = await get('/status');
    const view = await PAGES[page].render(ctx, page === 'tx' ? ['tx'].concat(args) : args);
    if (mine !== generation) {
      if (view.dispose) view.dispose();
      return;
    }
    main.replaceChildren(view.element);
    if (view.mounted) view.mounted();
    current = view;
  } catch (e) {
    if (mine === generation) main.replaceChildren(errorBox('Could not load this page: ' + e.message));
  } finally {
    main.removeAttribute('aria-busy');
    if (focus) main.focus();
  }
}

async function boot() {
  const liveEl = document.getElementById('live');
  let ctx;
  try {
    ctx = await context();
  } catch (e) {
    document.getElementById('main').replaceChildren(errorBox('The node API did not answer: ' + e.message));
    return;
  }
  document.getElementById('who').textContent =
    ctx.status.alliance + ' \u00b7 ' + ctx.status.member + ' (' + ctx.status.mode + ')';
  document.title = ctx.status.member + ' \u00b7 AllianceChain console';
  let lastHeight = ctx.status.height;
  const paint = (up) => {
    liveEl.className = 'live ' + (up ? 'up' : 'down');
    liveEl.textContent = (up ? 'live' : 'reconnecting') + ' \u00b7 height ' + lastHeight;
  };
  connect(paint);
  subscribe((kind, data) => {
    if (kind === 'block') {
      lastHeight = data.height;
      ctx.status.height = data.height;
      paint(true);
    }
    if (current && current.onEvent) current.onEvent(kind, data);
  });
  samples.start(ctx);
  window.addEventListener('hashchange', () => show(ctx, true));
  await show(ctx, false);
}

boot();
