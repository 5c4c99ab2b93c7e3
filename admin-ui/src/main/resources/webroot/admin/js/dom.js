// Builds DOM nodes from plain calls, so no page ever assembles HTML from strings: every text from the API
// or a designer goes in as a text node and cannot inject markup.

let nextId = 0;

/** A page-unique id with a readable prefix, for label/for and aria-describedby pairs. */
export function uid(prefix = 'k') {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/**
 * h('button', {type: 'button', onclick: fn, class: 'x'}, 'text', child, [more]) -> element.
 * Attributes named on* become listeners; true/false set or drop boolean attributes; null and undefined
 * children and attributes are skipped, arrays are flattened.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttributes(el, attrs);
  append(el, children);
  return el;
}

/** The same as h() for SVG elements. */
export function svg(tag, attrs, ...children) {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  setAttributes(el, attrs);
  append(el, children);
  return el;
}

function setAttributes(el, attrs) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'value' && 'value' in el && el.namespaceURI !== 'http://www.w3.org/2000/svg') {
      el.value = value;
    } else if (name === 'style' && typeof value === 'object') {
      // Through the CSSOM, which a Content-Security-Policy without 'unsafe-inline' still allows.
      Object.assign(el.style, value);
    } else if (name === 'checked' || name === 'selected') {
      el[name] = Boolean(value);
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces everything inside el with children. */
export function replaceChildren(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** Says text to screen-reader users without moving their focus. */
export function announce(text) {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  // A fresh text node after a tick makes screen readers read a repeated message again.
  setTimeout(() => { region.textContent = text; }, 50);
}
