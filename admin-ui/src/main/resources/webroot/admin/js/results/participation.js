// Who took part: totals, per channel, per day, the completion funnel, where people stopped, and the same
// numbers per group of people (stratum).

import { api } from '../api.js';
import { h, replaceChildren, uid } from '../dom.js';
import { barList, columnChart } from '../charts.js';
import { countText, dayText } from '../text.js';
import { stratumText } from './strata.js';

const TOTALS = [
  ['started', 'Started'], ['completed', 'Completed'], ['screenedOut', 'Screened out (group full)'],
  ['declined', 'Said no to consent'], ['dropped', 'Stopped part way'], ['active', 'Answering now'],
];

export function participationPanels(data) {
  const t = data.threshold ?? 5;
  const totals = data.totals || {};
  return [
    h('section', { class: 'panel', 'aria-labelledby': 'participation-title', id: 'participation' },
      h('h2', { id: 'participation-title' }, 'Who took part'),
      h('div', { class: 'stat-grid' }, TOTALS.map(([key, label]) => h('div', { class: 'stat', 'data-test': `total-${key}` },
        h('span', { class: 'value' }, countText(totals[key], t)), h('span', { class: 'label' }, label)))),
      channelTable(data.byChannel || [], t)),
    h('div', { class: 'results-grid' },
      h('section', { 'aria-labelledby': 'by-day-title' },
        h('h2', { id: 'by-day-title' }, 'Day by day'),
        (data.byDay || []).length
          ? columnChart({
            title: 'People who started and completed the survey each day', threshold: t,
            labels: data.byDay.map((d) => dayText(d.day)),
            series: [
              { name: 'started', className: 'started', values: data.byDay.map((d) => d.started) },
              { name: 'completed', className: 'completed', values: data.byDay.map((d) => d.completed) },
            ],
          })
          : h('p', null, 'Nobody has started yet.')),
      h('section', { 'aria-labelledby': 'funnel-title' },
        h('h2', { id: 'funnel-title' }, 'From start to finish'),
        barList(funnel(totals), { threshold: t, id: 'funnel' })),
      h('section', { 'aria-labelledby': 'dropoff-title' },
        h('h2', { id: 'dropoff-title' }, 'Where people stopped'),
        (data.dropOff || []).length
          ? barList(data.dropOff.map((d) => ({ label: `${d.questionId}: ${d.text || ''}`, value: d.dropped })), { threshold: t, id: 'drop-off' })
          : h('p', null, 'Nobody stopped part way.'))),
  ];
}

function funnel(totals) {
  const minus = (a, ...bs) => (a === null || a === undefined || bs.some((b) => b === null || b === undefined) ? null : a - bs.reduce((x, y) => x + y, 0));
  return [
    { label: 'Started', value: totals.started },
    { label: 'Agreed to take part', value: minus(totals.started, totals.declined) },
    { label: 'Were in a group still needed', value: minus(totals.started, totals.declined, totals.screenedOut) },
    { label: 'Completed', value: totals.completed },
  ];
}

function channelTable(rows, t) {
  if (!rows.length) return null;
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'By channel' }, h('table', { id: 'by-channel' },
    h('caption', null, 'By channel'),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Channel'),
      TOTALS.slice(0, 5).map(([, label]) => h('th', { scope: 'col', class: 'num' }, label)))),
    h('tbody', null, rows.map((r) => h('tr', null, h('th', { scope: 'row' }, r.channel.toUpperCase()),
      TOTALS.slice(0, 5).map(([key]) => h('td', { class: 'num' }, countText(r[key], t))))))));
}

/** Participation per group of people, for a stratifier the person picks; version '' is every version. */
export function strataPanel(surveyId, keys, version = '') {
  const id = uid('by');
  const picker = h('select', { id }, keys.map((k) => h('option', { value: k }, k)));
  const out = h('div', { id: 'by-stratum', 'aria-live': 'polite' });
  const load = async () => {
    replaceChildren(out, h('p', { class: 'loading' }, 'Loading…'));
    try {
      const data = await api.get(`/surveys/${encodeURIComponent(surveyId)}/participation`, { by: picker.value, version });
      const t = data.threshold ?? 5;
      replaceChildren(out, h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': `Participation by ${picker.value}` }, h('table', null,
        h('caption', { class: 'visually-hidden' }, `Participation by ${picker.value}`),
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, picker.value),
          TOTALS.slice(0, 5).map(([, label]) => h('th', { scope: 'col', class: 'num' }, label)))),
        h('tbody', null, (data.byStratum || []).map((r) => h('tr', null, h('th', { scope: 'row' }, r.stratum?.[picker.value] ?? stratumText(r.stratum)),
          TOTALS.slice(0, 5).map(([key]) => h('td', { class: 'num' }, countText(r[key], t)))))))));
    } catch (e) {
      replaceChildren(out, h('p', { class: 'alert', role: 'alert' }, e.message));
    }
  };
  picker.addEventListener('change', load);
  if (keys.length) load();
  return h('section', { class: 'panel', 'aria-labelledby': 'strata-title' },
    h('h2', { id: 'strata-title' }, 'Who is being reached'),
    keys.length ? [h('div', { class: 'field' }, h('label', { for: id }, 'Break down by'), picker), out]
      : h('p', null, 'This survey has no question that describes the person, so there is nothing to break down by.'));
}
