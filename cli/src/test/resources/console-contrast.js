// WCAG 2.1 AA text contrast (1.4.3) of every visible text element in the console's main parts:
// 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold). The background is the first opaque one
// up the tree; text on canvas (charts) is not covered. Returns a list of failures.
function rgb(s) {
  const m = s.match(/rgba?\(([^)]+)\)/);
  if (!m) return null;
  const p = m[1].split(',').map((x) => parseFloat(x));
  return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
}
function lum(c) {
  const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
}
function background(el) {
  for (let e = el; e; e = e.parentElement) {
    const c = rgb(getComputedStyle(e).backgroundColor);
    if (c && c.a >= 0.99) return c;
  }
  return { r: 255, g: 255, b: 255, a: 1 };
}
const failures = [];
for (const el of document.querySelectorAll('header *, main *, footer *')) {
  const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
  if (!own || el.closest('svg') || el.closest('.uplot')) continue;
  const st = getComputedStyle(el);
  if (st.visibility === 'hidden' || st.display === 'none' || el.getClientRects().length === 0) continue;
  const fg = rgb(st.color);
  const bg = background(el);
  const l1 = lum(fg), l2 = lum(bg);
  const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
  const size = parseFloat(st.fontSize);
  const large = size >= 24 || (size >= 18.66 && parseInt(st.fontWeight, 10) >= 700);
  if (ratio < (large ? 3 : 4.5)) {
    failures.push(el.tagName + ' "' + el.textContent.trim().slice(0, 40) + '" ' + ratio.toFixed(2) + ':1');
  }
}
return failures;
