// Asks the person to confirm an action in a modal dialog (the browser's own <dialog>: focus is kept inside
// and Escape cancels), with the consequence spelled out.

import { h } from './dom.js';

/** Resolves true when the person confirms. danger styles the action as destructive. */
export function confirmAction({ title, message, action, danger = false }) {
  return new Promise((resolve) => {
    const cancel = h('button', { type: 'button', class: 'button-quiet', id: 'confirm-cancel' }, 'Cancel');
    const ok = h('button', { type: 'button', class: danger ? 'button-danger' : 'button-primary', id: 'confirm-ok' }, action);
    const dialog = h('dialog', { 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-message', id: 'confirm-dialog' },
      h('h2', { id: 'confirm-title' }, title),
      h('p', { id: 'confirm-message' }, message),
      h('div', { class: 'actions' }, ok, cancel));
    const opener = document.activeElement;
    const finish = (answer) => {
      dialog.close();
      dialog.remove();
      if (opener && opener.isConnected) opener.focus();
      resolve(answer);
    };
    ok.addEventListener('click', () => finish(true));
    cancel.addEventListener('click', () => finish(false));
    dialog.addEventListener('cancel', (e) => { e.preventDefault(); finish(false); });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}
