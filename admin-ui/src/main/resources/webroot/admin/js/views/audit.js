// The audit log (admins only): every sign-in, launch, close, edit, export and user change, newest first.

import { api } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { labelled, messageArea, showError } from '../form.js';
import { isAdmin } from '../session.js';
import { dateTimeText } from '../text.js';

const ACTIONS = {
  sign_in: 'Signed in', sign_in_failed: 'Failed to sign in', launch: 'Launched', pause: 'Paused', close: 'Closed',
  edit: 'Edited', create: 'Created', export: 'Downloaded', user_create: 'Added a user', user_change: 'Changed a user',
};

export async function render(main) {
  const messages = messageArea('audit-message');
  const limit = h('select', { id: 'audit-limit' }, [100, 500, 1000].map((n) => h('option', { value: n }, `Last ${n}`)));
  const out = h('div', { id: 'audit-list' });
  replaceChildren(main, h('h1', null, 'Audit log'), messages);
  if (!isAdmin()) {
    showError(messages, 'Only admins can read the audit log.');
    return;
  }
  const load = async () => {
    try {
      const entries = await api.get('/audit', { limit: limit.value });
      replaceChildren(out, entries.length ? table(entries) : h('p', null, 'Nothing recorded yet.'));
    } catch (e) {
      showError(messages, e.message);
    }
  };
  limit.addEventListener('change', load);
  main.append(h('p', { class: 'hint' }, 'Who did what, and when: sign-ins, launches, edits, downloads and changes to users.'),
    h('div', { class: 'row' }, labelled('Show', limit)), out);
  await load();
}

function table(entries) {
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Audit log' }, h('table', { id: 'audit-table' },
    h('caption', { class: 'visually-hidden' }, 'Audit log, newest first'),
    h('thead', null, h('tr', null, ['When', 'Who', 'What', 'Of what', 'Details'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', null, entries.map((e) => h('tr', { 'data-action': e.action },
      h('td', null, dateTimeText(e.at)), h('td', null, e.actor || ''), h('td', null, ACTIONS[e.action] || e.action),
      h('td', null, e.target || ''), h('td', null, typeof e.detail === 'object' && e.detail ? JSON.stringify(e.detail) : e.detail || ''))))));
}
