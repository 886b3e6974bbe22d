// Tiny DOM helpers. Everything from the ledger is untrusted text (descriptions, names, XML):
// it only ever goes into text nodes, never into innerHTML.

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function svg(tag, attrs, ...children) {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, String(v));
  for (const c of children) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

export function short(hex, n = 10) {
  if (!hex) return '';
  return hex.length > n + 2 ? hex.slice(0, n) + '\u2026' : hex;
}

export function num(n) {
  return n === null || n === undefined ? '' : Number(n).toLocaleString('en-US');
}

/** Fixed-point millionths (10^6 = 1.0) as a decimal, without floating-point surprises in text. */
export function micros(v) {
  if (v === null || v === undefined) return '';
  const neg = v < 0;
  const a = Math.abs(v);
  const whole = Math.floor(a / 1e6);
  const frac = String(a % 1e6).padStart(6, '0').replace(/0+$/, '');
  return (neg ? '-' : '') + whole + (frac ? '.' + frac : '');
}

/** A duration in microseconds: "183 \u00b5s" below a millisecond, "12.34 ms" above. */
export function ms(microsValue) {
  if (microsValue === null || microsValue === undefined) return '';
  return microsValue < 1000 ? microsValue + ' \u00b5s' : (microsValue / 1000).toFixed(2) + ' ms';
}

export function badge(text, kind) {
  return h('span', { class: 'badge ' + kind }, text);
}

export function table(headers, rows, attrs) {
  return h('div', { class: 'table-wrap' },
    h('table', attrs || {},
      h('thead', {}, h('tr', {}, headers.map((x) => {
        const [label, cls] = Array.isArray(x) ? x : [x, null];
        return h('th', { scope: 'col', class: cls }, label);
      }))),
      h('tbody', {}, rows)));
}

export function card(key, value, attrs) {
  return h('div', Object.assign({ class: 'card' }, attrs || {}),
    h('div', { class: 'k' }, key), h('div', { class: 'v' }, value));
}

/** A command the member runs with the CLI (it holds the key); the button copies it. */
export function command(text) {
  const code = h('code', { tabindex: '0' }, text);
  const button = h('button', {
    type: 'button',
    'aria-label': 'Copy command: ' + text,
    onclick: async () => {
      try {
        await navigator.clipboard.writeText(text);
        button.textContent = 'Copied';
      } catch (e) {
        const range = document.createRange();
        range.selectNodeContents(code);
        getSelection().removeAllRanges();
        getSelection().addRange(range);
        button.textContent = 'Selected: press Ctrl+C';
      }
      setTimeout(() => { button.textContent = 'Copy'; }, 2000);
    },
  }, 'Copy');
  return h('div', { class: 'cmd' }, code, button);
}

export function errorBox(message) {
  return h('p', { class: 'error', role: 'alert' }, message);
}
