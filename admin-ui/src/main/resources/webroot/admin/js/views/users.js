// Users (admins only): who can sign in, with which role; add people, change roles, reset passwords,
// and turn accounts off. Every change is written in the audit log by the server.

import { api } from '../api.js';
import { h, replaceChildren, announce } from '../dom.js';
import { labelled, messageArea, showError, showSuccess, busy } from '../form.js';
import { isAdmin, user } from '../session.js';
import { dateTimeText } from '../text.js';

const ROLES = [
  { value: 'viewer', label: 'Viewer: sees results only' },
  { value: 'designer', label: 'Designer: builds, launches and exports surveys' },
  { value: 'admin', label: 'Admin: everything, including users' },
];

export async function render(main) {
  const messages = messageArea('users-message');
  const list = h('div', { id: 'users-list' });
  replaceChildren(main, h('h1', null, 'Users'), messages);
  if (!isAdmin()) {
    showError(messages, 'Only admins can manage users.');
    return;
  }
  main.append(list, addUserForm(messages, () => load(list, messages)));
  await load(list, messages);
}

async function load(list, messages) {
  let users;
  try {
    users = await api.get('/users');
  } catch (e) {
    showError(messages, e.message);
    return;
  }
  replaceChildren(list, h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Users' }, h('table', { id: 'users-table' },
    h('caption', { class: 'visually-hidden' }, 'Users'),
    h('thead', null, h('tr', null, ['Email', 'Role', 'Added', 'Last signed in', 'Account', 'Password'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', null, users.map((u) => userRow(u, messages, () => load(list, messages)))))));
}

function userRow(u, messages, reload) {
  const self = u.email === user()?.email;
  const role = h('select', { 'aria-label': `Role of ${u.email}`, disabled: self, 'data-test': 'user-role' },
    ROLES.map((r) => h('option', { value: r.value, selected: r.value === u.role }, r.value)));
  role.addEventListener('change', () => change(u, { role: role.value }, messages, reload, `${u.email} is now ${role.value}.`));
  const toggle = h('button', {
    type: 'button', class: u.disabled ? 'button-small' : 'button-danger button-small', disabled: self,
    'aria-label': `${u.disabled ? 'Turn on' : 'Turn off'} the account of ${u.email}`,
    onclick: () => change(u, { disabled: !u.disabled }, messages, reload, `${u.email} ${u.disabled ? 'can sign in again' : 'can no longer sign in'}.`),
  }, u.disabled ? 'Turn on' : 'Turn off');
  return h('tr', { 'data-user': u.email },
    h('th', { scope: 'row' }, u.email, self ? h('span', { class: 'hint' }, ' (you)') : null),
    h('td', null, role),
    h('td', null, dateTimeText(u.createdAt)),
    h('td', null, u.lastSignIn ? dateTimeText(u.lastSignIn) : 'Never'),
    h('td', null, u.disabled ? 'Turned off ' : 'Active ', toggle),
    h('td', null, passwordReset(u, messages)));
}

function passwordReset(u, messages) {
  const input = h('input', { type: 'password', autocomplete: 'new-password', minlength: 12, 'aria-label': `New password for ${u.email}` });
  const save = h('button', { type: 'submit', class: 'button-small' }, 'Set');
  const form = h('form', { class: 'inline-form', 'aria-label': `New password for ${u.email}` }, input, save);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await busy(save, '…', () => api.patch(`/users/${encodeURIComponent(u.email)}`, { password: input.value }));
      input.value = '';
      showSuccess(messages, `New password set for ${u.email}. Tell them in person or by phone, never by email.`);
    } catch (err) {
      showError(messages, err.message);
    }
  });
  return form;
}

async function change(u, patch, messages, reload, done) {
  try {
    await api.patch(`/users/${encodeURIComponent(u.email)}`, patch);
    showSuccess(messages, done);
    announce(done);
  } catch (e) {
    showError(messages, e.message);
  }
  await reload();
}

function addUserForm(messages, reload) {
  const email = h('input', { type: 'email', id: 'new-user-email', autocomplete: 'off', required: true });
  const role = h('select', { id: 'new-user-role' }, ROLES.map((r) => h('option', { value: r.value }, r.label)));
  const password = h('input', { type: 'password', id: 'new-user-password', autocomplete: 'new-password', minlength: 12, required: true });
  const submit = h('button', { type: 'submit', class: 'button-primary', id: 'new-user-add' }, 'Add user');
  const form = h('form', { class: 'card', 'aria-labelledby': 'new-user-title', novalidate: true },
    h('h2', { id: 'new-user-title' }, 'Add a user'),
    h('div', { class: 'row' }, labelled('Email', email), labelled('Role', role),
      labelled('First password', password, 'At least 12 characters. Ask them to change it after signing in.')),
    submit);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await busy(submit, 'Adding…', () => api.post('/users', { email: email.value.trim(), role: role.value, password: password.value }));
    } catch (err) {
      showError(messages, err.message);
      return;
    }
    showSuccess(messages, `${email.value.trim()} can now sign in as ${role.value}.`);
    email.value = '';
    password.value = '';
    await reload();
  });
  return form;
}
