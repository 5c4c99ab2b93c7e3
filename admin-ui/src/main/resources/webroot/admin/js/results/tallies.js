// Tallies: the answers to one question, broken down by up to three stratifiers at once (gender x
// disability x location), so gaps between groups show. Cells the server hid to protect small groups are
// marked, and the page says how many and why.

import { api } from '../api.js';
import { h, replaceChildren, uid } from '../dom.js';
import { labelled } from '../form.js';
import { canDesign } from '../session.js';
import { countText, percentText } from '../text.js';
import { textIn, languageCodes } from '../editor/model.js';

const MOST_STRATIFIERS = 3;

/** version: '' for every version together, else the version whose answers are counted. */
export function talliesPanel(surveyId, definition, keys, version = '') {
  const first = languageCodes(definition)[0];
  // Viewers never see free-text answers, so free-text questions are not offered to them.
  const questions = (definition.questions || []).filter((q) => canDesign() || q.type !== 'text');
  const question = h('select', { id: 'tally-question' }, questions.map((q) => h('option', { value: q.id },
    `${q.id}: ${textIn(q.text, first, definition)}`)));
  const pickers = Array.from({ length: MOST_STRATIFIERS }, (_, i) => h('select', { id: `tally-by-${i + 1}` },
    h('option', { value: '' }, i === 0 ? 'Nobody: everyone together' : 'Nothing more'),
    keys.map((k) => h('option', { value: k }, k))));
  const out = h('div', { id: 'tally-result', 'aria-live': 'polite' });
  const form = h('form', { class: 'tally-picker', id: 'tally-form', 'aria-label': 'Choose a tally' },
    labelled('Question', question),
    pickers.map((p, i) => labelled(i === 0 ? 'Break down by' : `and by`, p)),
    h('button', { type: 'submit', class: 'button-primary', id: 'tally-show' }, 'Show'));
  const load = async () => {
    const by = [...new Set(pickers.map((p) => p.value).filter(Boolean))];
    replaceChildren(out, h('p', { class: 'loading' }, 'Counting…'));
    try {
      const data = await api.get(`/surveys/${encodeURIComponent(surveyId)}/tally`, { question: question.value, by: by.join(','), version });
      replaceChildren(out, tallyTable(data));
    } catch (e) {
      replaceChildren(out, h('p', { class: 'alert', role: 'alert' }, e.message));
    }
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); load(); });
  if (questions.length) load();
  return h('section', { class: 'panel', 'aria-labelledby': 'tally-title', id: 'tallies' },
    h('h2', { id: 'tally-title' }, 'Answers, group by group'),
    questions.length ? [form, out] : h('p', null, 'This survey has no question to count.'));
}

const sameStratum = (a, b, by) => by.every((k) => (a || {})[k] === (b || {})[k]);

/** The tally as a table: one row per group, one column per answer, a total per group. */
export function tallyTable(data) {
  const t = data.threshold ?? 5;
  const by = data.by || [];
  const answers = (data.question?.choices || []).map((c) => ({ value: c.value, label: c.label || c.value }));
  for (const cell of data.cells || []) {
    if (!answers.some((a) => a.value === cell.answer)) answers.push({ value: cell.answer, label: cell.answer });
  }
  const rows = [];
  for (const cell of data.cells || []) {
    if (!rows.some((r) => sameStratum(r, cell.stratum, by))) rows.push(cell.stratum || {});
  }
  const cellOf = (stratum, answer) => (data.cells || []).find((c) => c.answer === answer && sameStratum(c.stratum, stratum, by));
  const marginOf = (stratum) => (data.margins || []).find((m) => sameStratum(m.stratum, stratum, by));
  const captionId = uid('tc');
  return h('div', null,
    h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': captionId },
      h('table', { class: 'tally', id: 'tally-table' },
        h('caption', { id: captionId }, `${data.question?.text || data.question?.id}${by.length ? ` by ${by.join(' × ')}` : ''}`),
        h('thead', null, h('tr', null,
          by.length ? by.map((k) => h('th', { scope: 'col' }, k)) : h('th', { scope: 'col' }, 'Who'),
          answers.map((a) => h('th', { scope: 'col' }, a.label)),
          h('th', { scope: 'col', class: 'num' }, 'Total'))),
        h('tbody', null, rows.map((stratum) => h('tr', { 'data-stratum': JSON.stringify(stratum) },
          by.length ? by.map((k, i) => h(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : null, stratum[k] ?? '')) : h('th', { scope: 'row' }, 'Everyone'),
          answers.map((a) => h('td', null, cellView(cellOf(stratum, a.value), t))),
          h('td', { class: 'num total' }, countText(marginOf(stratum)?.count, t))))),
        h('tfoot', null, h('tr', { class: 'margin' },
          h('th', { scope: 'row', colspan: Math.max(1, by.length) }, 'All answers'),
          answers.map(() => h('td')),
          h('td', { class: 'num total', id: 'tally-total' }, countText(data.total, t)))))),
    suppressionNote(data, t));
}

function cellView(cell, t) {
  if (!cell) return h('span', { class: 'hint' }, '0');
  if (cell.suppressed === 'primary') {
    return h('span', { class: 'hidden-cell', title: `Fewer than ${t} people: hidden` }, `<${t}`,
      h('span', { class: 'visually-hidden' }, ` (fewer than ${t} people, hidden)`));
  }
  if (cell.suppressed) {
    return h('span', { class: 'hidden-cell', title: 'Hidden so the totals cannot reveal a small group' }, 'hidden',
      h('span', { class: 'visually-hidden' }, ' (so the totals cannot reveal a small group)'));
  }
  return h('span', { class: 'cell' },
    h('span', null, countText(cell.count, t)), cell.percent !== null && cell.percent !== undefined ? h('span', { class: 'hint' }, ` ${percentText(cell.percent)}`) : null,
    h('span', { class: 'cell-bar', 'aria-hidden': 'true', style: { width: `${Math.min(100, cell.percent ?? 0)}%` } }));
}

function suppressionNote(data, t) {
  const hidden = data.hidden ?? (data.cells || []).filter((c) => c.suppressed).length;
  if (!hidden) return h('p', { class: 'hint', id: 'tally-note' }, `No cell is hidden: every group shown has at least ${t} people or none.`);
  return h('p', { class: 'suppression-note', id: 'tally-note' },
    `${hidden} cell${hidden === 1 ? '' : 's'} hidden to protect small groups (fewer than ${t} people) — secondary suppression hides others so totals cannot reveal them.`);
}
