// "Invite by SMS" for designers and admins: uploads a CSV of numbers (phone, optionally language and the
// survey's profile keys) and shows how many were queued and each skipped row with why. Every upload is audited.

import { api } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { labelled, messageArea, showError, showSuccess, busy } from '../form.js';

export function invitePanel(surveyId, keys) {
  const file = h('input', { type: 'file', name: 'file', id: 'invite-file', accept: '.csv,text/csv', required: true });
  const submit = h('button', { type: 'submit', class: 'button-primary', id: 'invite-upload' }, 'Invite by SMS');
  const messages = messageArea('invite-message');
  const outcome = h('div', { id: 'invite-outcome' });
  const columns = ['phone', 'language', ...keys].join(', ');
  const form = h('form', { novalidate: true },
    labelled('List of numbers (.csv)', file, `Columns: ${columns}. Only phone is needed; each number gets one `
      + 'invitation, sent outside quiet hours. Uploading the same list again invites no one twice.'),
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showError(messages, null);
    replaceChildren(outcome);
    if (!file.files.length) {
      showError(messages, 'Choose a CSV file first.');
      file.focus();
      return;
    }
    const body = new FormData();
    body.append('file', file.files[0]);
    try {
      const answer = await busy(submit, 'Inviting…', () => api.post(`/surveys/${encodeURIComponent(surveyId)}/invitations`, body));
      showOutcome(messages, outcome, answer);
    } catch (e) {
      showError(messages, e.message);
    }
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'invite-title', id: 'invite' },
    h('h2', { id: 'invite-title' }, 'Invite by SMS'), messages, form, outcome);
}

function showOutcome(messages, outcome, answer) {
  const skipped = answer.skipped || [];
  showSuccess(messages, `${answer.queued} invitation${answer.queued === 1 ? '' : 's'} queued. `
    + (skipped.length ? `${skipped.length} row${skipped.length === 1 ? '' : 's'} skipped.` : 'No rows skipped.'));
  replaceChildren(outcome,
    answer.brokenAt ? h('p', { class: 'alert', role: 'alert' }, `The file could not be read ${answer.brokenAt}; `
      + 'the rows before were invited. Fix the file and upload it again.') : null,
    skipped.length ? h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Skipped rows' },
      h('table', { id: 'invite-skipped' },
        h('caption', null, 'Rows not invited'),
        h('thead', null, h('tr', null, h('th', { scope: 'col', class: 'num' }, 'Row'), h('th', { scope: 'col' }, 'Why'))),
        h('tbody', null, skipped.map((s) => h('tr', null, h('td', { class: 'num' }, s.row), h('td', null, s.reason)))))) : null);
}
