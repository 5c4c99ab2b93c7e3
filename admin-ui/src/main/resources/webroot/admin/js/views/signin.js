// The sign-in page. The API's own messages are shown as given ("Wrong email or password."); a 429 tells
// how long to wait.

import { h, replaceChildren } from '../dom.js';
import { labelled, messageArea, showError, busy } from '../form.js';
import { refreshHeader } from '../header.js';
import { go } from '../router.js';
import * as session from '../session.js';

let pendingMessage = null;
let returnTo = null;

/** A message to show on the next sign-in page, such as "Your session has ended. Please sign in again." */
export function setSignInMessage(text) {
  pendingMessage = text;
}

/** Where to go after signing in: the page the person was on when their session ended. */
export function setReturnTo(path) {
  returnTo = path && path !== '/signin' && path !== '/setup' ? path : null;
}

export function render(main) {
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'username', required: true, id: 'signin-email' });
  const password = h('input', {
    type: 'password', name: 'password', autocomplete: 'current-password', required: true, id: 'signin-password',
  });
  const submit = h('button', { type: 'submit', class: 'button-primary', id: 'signin-submit' }, 'Sign in');
  const messages = messageArea('signin-message');
  const form = h('form', { class: 'card narrow', id: 'signin-form', 'aria-labelledby': 'signin-title', novalidate: true },
    h('h1', { id: 'signin-title' }, 'Sign in to Kila'),
    h('p', null, 'Design surveys, try them on a phone, and follow who is taking part.'),
    messages,
    labelled('Email', email),
    labelled('Password', password),
    submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!email.value.trim() || !password.value) {
      showError(messages, 'Enter your email and password.');
      (email.value.trim() ? password : email).focus();
      return;
    }
    showError(messages, null);
    try {
      await busy(submit, 'Signing in…', () => session.signIn(email.value.trim(), password.value));
    } catch (e) {
      showError(messages, e.message);
      password.select();
      return;
    }
    refreshHeader();
    const target = returnTo || '/surveys';
    returnTo = null;
    go(target);
  });
  replaceChildren(main, h('div', { class: 'page-center' }, form));
  if (pendingMessage) {
    showError(messages, pendingMessage);
    pendingMessage = null;
  }
  email.focus();
}
