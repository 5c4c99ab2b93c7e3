// Import from an XLSForm spreadsheet (ODK / KoBoToolbox): uploads the .xlsx, shows what could not be
// converted row by row, and opens the result in the editor as a new, unsaved survey.

import { api } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { labelled, messageArea, showError, busy } from '../form.js';
import { handOver } from '../editor/handoff.js';
import { go } from '../router.js';

export function render(main) {
  const file = h('input', { type: 'file', name: 'file', id: 'xlsform-file', accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', required: true });
  const submit = h('button', { type: 'submit', class: 'button-primary', id: 'xlsform-upload' }, 'Read the spreadsheet');
  const messages = messageArea('xlsform-message');
  const outcome = h('div', { id: 'xlsform-outcome' });
  const form = h('form', { class: 'card', novalidate: true },
    labelled('Spreadsheet (.xlsx)', file, 'Kila reads the survey, choices and settings sheets: select_one, select_multiple, '
      + 'integer, text, relevant, constraint and labels per language. Nothing is saved until you save it in the editor.'),
    submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showError(messages, null);
    replaceChildren(outcome);
    if (!file.files.length) {
      showError(messages, 'Choose a spreadsheet first.');
      file.focus();
      return;
    }
    const body = new FormData();
    body.append('file', file.files[0]);
    try {
      const answer = await busy(submit, 'Reading…', () => api.post('/surveys/import/xlsform', body));
      showOutcome(outcome, answer);
    } catch (e) {
      showError(messages, e.message);
    }
  });
  replaceChildren(main,
    h('h1', null, 'Import an XLSForm'),
    h('p', null, 'Bring in a survey you already built as an XLSForm spreadsheet for ODK or KoBoToolbox.'),
    messages, form, outcome);
}

function showOutcome(outcome, answer) {
  const problems = answer.problems || [];
  const skipped = answer.skipped || [];
  const questions = answer.definition?.questions?.length || 0;
  const open = h('button', { type: 'button', class: 'button-primary', id: 'xlsform-open' }, 'Open in the editor');
  open.addEventListener('click', () => {
    handOver(answer.definition);
    go('/surveys/new');
  });
  replaceChildren(outcome,
    h('h2', { tabindex: '-1', id: 'xlsform-result' }, 'What Kila read'),
    h('p', { role: 'status' }, `${questions} question${questions === 1 ? '' : 's'} converted. `,
      skipped.length ? `${skipped.length} row${skipped.length === 1 ? '' : 's'} skipped. ` : 'No rows skipped. ',
      problems.length ? `${problems.length} problem${problems.length === 1 ? '' : 's'} to fix in the editor.` : ''),
    skipped.length ? h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Skipped rows' },
      h('table', { id: 'xlsform-skipped' },
        h('caption', null, 'Rows that could not be converted'),
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Sheet'), h('th', { scope: 'col', class: 'num' }, 'Row'),
          h('th', { scope: 'col' }, 'Why'))),
        h('tbody', null, skipped.map((s) => h('tr', null, h('td', null, s.sheet), h('td', { class: 'num' }, s.row),
          h('td', null, s.reason)))))) : null,
    problems.length ? h('div', null, h('h3', null, 'Problems'),
      h('ul', { id: 'xlsform-problems' }, problems.map((p) => h('li', null, p.path ? [h('code', null, p.path), ': '] : null,
        p.message)))) : null,
    answer.definition ? h('div', { class: 'actions' }, open) : null);
  outcome.querySelector('h2').focus();
}
