// The data-quality panel: what Kila dropped, re-asked or could not deliver, so an NGO can defend its data.

import { api } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { countText } from '../text.js';

const ITEMS = [
  ['duplicateWebhooks', 'Repeated messages from the phone network, dropped so nothing counts twice'],
  ['invalidAnswers', 'Answers Kila could not read, asked again'],
  ['gaveUp', 'People who gave too many unreadable answers'],
  ['timeouts', 'Sessions that timed out on the network'],
  ['smsFailed', 'SMS that could not be delivered'],
  ['smsLate', 'SMS delivered late'],
];

/** version: '' for every version together, else one version's sessions. */
export function qualityPanel(surveyId, version = '') {
  const body = h('div', { 'aria-busy': 'true' }, h('p', { class: 'loading' }, 'Loading…'));
  api.get(`/surveys/${encodeURIComponent(surveyId)}/quality`, { version }).then((q) => {
    body.removeAttribute('aria-busy');
    replaceChildren(body,
      h('dl', null, ITEMS.map(([key, label]) => [h('dt', null, label), h('dd', { 'data-test': `quality-${key}` }, countText(q[key]))])),
      (q.droppedByQuestion || []).length ? [h('h3', null, 'Sessions dropped, by question'),
        h('dl', null, q.droppedByQuestion.map((d) => [h('dt', null, d.questionId), h('dd', null, countText(d.dropped))]))] : null);
  }).catch((e) => {
    body.removeAttribute('aria-busy');
    replaceChildren(body, h('p', { class: 'alert', role: 'alert' }, e.message));
  });
  return h('section', { class: 'panel quality', 'aria-labelledby': 'quality-title', id: 'quality' },
    h('h2', { id: 'quality-title' }, 'Data quality'), body);
}
