// Quota fill: completed answers per group against its target, with the part still missing highlighted.

import { h } from '../dom.js';
import { targetBar } from '../charts.js';
import { stratumText } from './strata.js';

/** version: the version the page shows ('' for all); quotas count every version either way. */
export function quotasPanel(data, version = '') {
  const quotas = data.quotas || [];
  const byQuota = new Map();
  for (const q of quotas) {
    if (!byQuota.has(q.quotaId)) byQuota.set(q.quotaId, []);
    byQuota.get(q.quotaId).push(q);
  }
  return h('section', { class: 'panel', 'aria-labelledby': 'quota-title', id: 'quota-fill' },
    h('h2', { id: 'quota-title' }, 'Quotas: how full each group is'),
    version && quotas.length ? h('p', { class: 'hint', id: 'quota-every-version' },
      'Quotas count the people who completed any version: one quota runs across all of them.') : null,
    quotas.length ? [...byQuota].map(([id, targets]) => h('div', { 'data-quota': id },
      h('h3', null, `Quota ${id}`),
      h('ul', { class: 'hbar-list' }, targets.map((t) => targetBar({
        label: stratumText(t.stratum), completed: t.completed, target: t.target, threshold: data.threshold ?? 5,
      })))))
      : h('p', null, 'This survey has no quotas.'));
}
