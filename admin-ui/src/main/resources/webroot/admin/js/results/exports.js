// Download links for designers and admins: responses (by date range), the codebook, and the tallies.
// Viewers never get this panel; the server refuses them too. Every download is audited. With a version
// chosen on the page, every link is for that version (its sessions, its questions).

import { apiUrl } from '../api.js';
import { h } from '../dom.js';
import { labelled } from '../form.js';

export function exportsPanel(surveyId, keys, version = '') {
  const base = `/surveys/${encodeURIComponent(surveyId)}/export`;
  const file = (what) => `${surveyId}${version ? `-v${version}` : ''}-${what}.csv`;
  const from = h('input', { type: 'date', id: 'export-from' });
  const to = h('input', { type: 'date', id: 'export-to' });
  const by = h('select', { id: 'export-by' }, h('option', { value: '' }, 'No breakdown'), keys.map((k) => h('option', { value: k }, k)));
  const responses = h('a', { class: 'button', id: 'export-responses', download: file('responses') }, 'Download responses (CSV)');
  const tallies = h('a', { class: 'button', id: 'export-tallies', download: file('tallies') }, 'Download tallies (CSV)');
  const update = () => {
    responses.href = apiUrl(`${base}/responses.csv`, { from: from.value, to: to.value, version });
    tallies.href = apiUrl(`${base}/tallies.csv`, { by: by.value, version });
  };
  for (const input of [from, to, by]) input.addEventListener('change', update);
  update();
  return h('section', { class: 'panel', 'aria-labelledby': 'exports-title', id: 'exports' },
    h('h2', { id: 'exports-title' }, 'Download'),
    h('p', { class: 'hint' }, 'Each download is written in the audit log. Responses hold one row per person; keep them safe.'),
    h('div', { class: 'row' }, labelled('From (optional)', from), labelled('To (optional)', to)),
    h('div', { class: 'actions' }, responses,
      h('a', { class: 'button', id: 'export-codebook', href: apiUrl(`${base}/codebook.csv`, { version }), download: file('codebook') }, 'Download codebook (CSV)')),
    h('div', { class: 'row' }, labelled('Tallies broken down by', by), h('div', { class: 'actions' }, tallies)));
}
