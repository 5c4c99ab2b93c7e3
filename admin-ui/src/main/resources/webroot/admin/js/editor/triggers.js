// How people reach the survey: USSD service codes they dial and SMS keywords they text.

import { h } from '../dom.js';
import { textInput, section } from './fields.js';

export function triggersSection(ctx) {
  const survey = ctx.survey;
  const triggers = survey.triggers || (survey.triggers = {});
  return section('How people start it', 'triggers',
    h('p', { class: 'hint' }, 'Kila checks at launch that no other live survey uses the same code or keyword.'),
    list(ctx, triggers, 'ussd', 'USSD codes to dial', 'USSD code', '*384*12#', 'ussd-code', 'Add a USSD code'),
    list(ctx, triggers, 'sms', 'SMS keywords to text', 'SMS keyword', 'SAUTI', 'sms-keyword', 'Add an SMS keyword'));
}

function list(ctx, triggers, key, legend, itemName, example, idPrefix, addLabel) {
  const items = Array.isArray(triggers[key]) ? triggers[key] : (triggers[key] = []);
  const rows = items.map((value, i) => h('div', { class: 'list-row' },
    textInput(ctx, {
      label: `${itemName} ${i + 1}`, path: `triggers.${key}[${i}]`, id: `${idPrefix}-${i}`, mono: true, placeholder: example,
      get: () => value, set: (v) => { items[i] = v; },
    }),
    h('div', { class: 'row-tools' }, h('button', {
      type: 'button', class: 'button-danger button-small', 'data-key': `triggers.${key}[${i}].remove`,
      'aria-label': `Remove ${itemName} ${i + 1}`,
      onclick: () => { items.splice(i, 1); ctx.changed(); ctx.rerender(`triggers.${key}.add`); },
    }, 'Remove'))));
  return h('fieldset', { 'data-path': `triggers.${key}` },
    h('legend', null, legend),
    rows.length ? rows : h('p', { class: 'hint' }, `None yet, e.g. ${example}`),
    h('button', {
      type: 'button', 'data-key': `triggers.${key}.add`, id: `add-${idPrefix}`,
      onclick: () => { items.push(''); ctx.changed(); ctx.rerender(`triggers.${key}[${items.length - 1}]`); },
    }, addLabel));
}
