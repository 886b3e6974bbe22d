// Contract XML, pretty-printed as text nodes (DOMParser in XML mode runs nothing), and the state
// of each precondition term from the contract's status (docs/contracts.md §2: `actN (signed)` is
// the N-th signer's signature, `resources (transferred)` an acknowledged period).
import { h } from '../dom.js';

export function pretty(xmlText) {
  const doc = new DOMParser().parseFromString(xmlText, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length) return h('pre', { class: 'xml' }, xmlText);
  const out = [];
  const walk = (node, depth) => {
    const pad = '  '.repeat(depth);
    const attrs = [];
    for (const a of node.attributes) {
      attrs.push(' ', h('span', { class: 'attr' }, a.name), '="', h('span', { class: 'val' }, a.value), '"');
    }
    const kids = [...node.childNodes].filter((c) => c.nodeType === 1 || (c.nodeType === 3 && c.textContent.trim()));
    if (kids.length === 1 && kids[0].nodeType === 3) {
      out.push(pad, h('span', { class: 'tag' }, '<' + node.nodeName), ...attrs, h('span', { class: 'tag' }, '>'),
        kids[0].textContent.trim(), h('span', { class: 'tag' }, '</' + node.nodeName + '>'), '\n');
      return;
    }
    out.push(pad, h('span', { class: 'tag' }, '<' + node.nodeName), ...attrs,
      h('span', { class: 'tag' }, kids.length ? '>' : '/>'), '\n');
    if (!kids.length) return;
    for (const k of kids) {
      if (k.nodeType === 1) walk(k, depth + 1);
      else out.push('  '.repeat(depth + 1), k.textContent.trim(), '\n');
    }
    out.push(pad, h('span', { class: 'tag' }, '</' + node.nodeName + '>'), '\n');
  };
  walk(doc.documentElement, 0);
  return h('pre', { class: 'xml', tabindex: '0', 'aria-label': 'Contract XML' }, out);
}

/** Each precondition of the document with each term's state: [{text, terms:[{text, holds}]}]. */
export function preconditions(xmlText, contract) {
  const doc = new DOMParser().parseFromString(xmlText, 'application/xml');
  const signed = new Set(contract.signed);
  const out = [];
  for (const p of doc.getElementsByTagName('precondition')) {
    const text = p.textContent.trim();
    const terms = text.split(/\s*(?:&|\band\b)\s*/).filter((x) => x).map((term) => {
      const act = /^act_?(\d+)\s*\(\s*signed\s*\)$/.exec(term);
      if (act) {
        const signer = contract.signers[Number(act[1]) - 1];
        const who = contract.signerMembers[Number(act[1]) - 1] || signer || '?';
        return { text: term, holds: signer !== undefined && signed.has(signer), who };
      }
      if (/^resources\s*\(\s*transferred\s*\)$/.test(term)) {
        return { text: term, holds: contract.verifiedPeriods.length > 0, who: 'receiver\u2019s acknowledgement' };
      }
      return { text: term, holds: null, who: '' };
    });
    out.push({ text, terms });
  }
  return out;
}
