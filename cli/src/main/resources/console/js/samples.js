// Series the API gives only as "now" (f_ACO / f_ACM): sampled at every
// committed block and kept for this browser tab (sessionStorage), so the charts grow while the
// console is open and survive moving between pages.
import { get } from './api.js';
import { subscribe } from './live.js';

const POINTS_MAX = 500;
let storeKey = null;
const series = { comm: [] };
const listeners = new Set();

/** Calls fn after each new sample; returns the unsubscribe function. */
export function onSample(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function save() {
  try {
    sessionStorage.setItem(storeKey, JSON.stringify(series));
  } catch (e) {
    // storage full or disabled: the charts then cover this page view only
  }
}

function push(name, point) {
  const s = series[name];
  if (s.length && s[s.length - 1].height === point.height) s.pop();
  s.push(point);
  while (s.length > POINTS_MAX) s.shift();
}

async function sample(ctx, height) {
  const now = Math.floor(Date.now() / 1000);
  const comm = await get('/comm-times');
  push('comm', { t: now, height, fAco: comm.fAcoMicros, n: comm.n, fAcm: comm.fAcmMicros, nP: comm.nP, nNp: comm.nNp });
  save();
  for (const l of listeners) l();
}

export function start(ctx) {
  storeKey = 'alliance-console:' + ctx.status.chainId + ':' + ctx.status.member;
  try {
    Object.assign(series, JSON.parse(sessionStorage.getItem(storeKey) || '{}'));
  } catch (e) {
    // a corrupt entry is dropped
  }
  sample(ctx, ctx.status.height).catch(() => {});
  subscribe((kind, data) => {
    if (kind === 'block') sample(ctx, data.height).catch(() => {});
    if (kind === 'announcement') sample(ctx, ctx.status.height).catch(() => {});
  });
}

export function comm() {
  return series.comm;
}
