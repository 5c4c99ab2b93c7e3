// Small form pieces shared by the plain pages (sign-in, users ...): a labelled input and an alert area.

import { h, uid, replaceChildren } from './dom.js';

/** A label above an input, tied by for/id; hint text is read with the input through aria-describedby. */
export function labelled(label, input, hint) {
  const id = input.id || uid('f');
  input.id = id;
  const hintEl = hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  if (hintEl) input.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: id }, label), hintEl, input);
}

/** An area that reads out a message when it changes (role=alert for errors, status for good news). */
export function messageArea(id) {
  return h('div', { id, class: 'message-area' });
}

export function showError(area, text) {
  replaceChildren(area, text ? h('p', { class: 'alert', role: 'alert' }, text) : null);
}

export function showSuccess(area, text) {
  replaceChildren(area, text ? h('p', { class: 'success', role: 'status' }, text) : null);
}

/** Runs work with the button disabled and a busy label, so a slow network cannot send twice. */
export async function busy(button, label, work) {
  const before = button.textContent;
  button.disabled = true;
  button.textContent = label;
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.textContent = before;
  }
}
