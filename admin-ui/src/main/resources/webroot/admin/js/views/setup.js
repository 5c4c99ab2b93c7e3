// The first-run page: when no user exists yet, the setup code printed by the gateway at start creates the
// first admin, who is then signed in.

import { api } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { labelled, messageArea, showError, busy } from '../form.js';
import { refreshHeader } from '../header.js';
import { go } from '../router.js';
import * as session from '../session.js';

/** True when the gateway has no user yet and waits for the setup page. */
export async function needsSetup() {
  try {
    return Boolean((await api.get('/setup', undefined, { expect401: true }))?.needed);
  } catch {
    return false; // a gateway without the setup route has users already
  }
}

export function render(main, params, query) {
  const token = h('input', { type: 'text', name: 'token', autocomplete: 'off', required: true, id: 'setup-token',
    value: query.get('token') || '', spellcheck: 'false' });
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'username', required: true, id: 'setup-email' });
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'new-password', required: true,
    minlength: 12, id: 'setup-password' });
  const submit = h('button', { type: 'submit', class: 'button-primary', id: 'setup-submit' }, 'Create the admin account');
  const messages = messageArea('setup-message');
  const form = h('form', { class: 'card narrow', id: 'setup-form', 'aria-labelledby': 'setup-title', novalidate: true },
    h('h1', { id: 'setup-title' }, 'Set up Kila'),
    h('p', null, 'No one can sign in yet. Create the first admin account. The setup code was printed by the '
      + 'Kila server when it started.'),
    messages,
    labelled('Setup code', token),
    labelled('Your email', email),
    labelled('Choose a password', password, 'At least 12 characters. A short sentence is easy to remember.'),
    submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showError(messages, null);
    try {
      await busy(submit, 'Creating…', async () => {
        await api.post('/setup', { token: token.value.trim(), email: email.value.trim(), password: password.value },
          { expect401: true });
        await session.signIn(email.value.trim(), password.value);
      });
    } catch (e) {
      showError(messages, e.message);
      return;
    }
    refreshHeader();
    go('/surveys');
  });
  replaceChildren(main, h('div', { class: 'page-center' }, form));
  (token.value ? email : token).focus();
}
