// The JSON tab for power users: the whole definition as text. Valid JSON replaces the form's definition
// as it is typed; text that is not JSON yet is kept and sent to the validator as it is, so its messages
// say where the JSON breaks.

import { h } from '../dom.js';

export function createJsonView({ readOnly, onParsed, onBroken }) {
  const area = h('textarea', {
    id: 'survey-json', class: 'json-editor', spellcheck: 'false', autocomplete: 'off', readonly: readOnly,
    'aria-describedby': 'survey-json-status', 'data-path': '$',
  });
  const status = h('p', { id: 'survey-json-status', class: 'hint', role: 'status' });
  let broken = false;
  area.addEventListener('input', () => {
    try {
      const parsed = JSON.parse(area.value);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('a survey definition is a JSON object');
      broken = false;
      status.textContent = 'Valid JSON: the form follows your changes.';
      onParsed(parsed);
    } catch (e) {
      broken = true;
      status.textContent = `Not valid JSON yet (${e.message}). The form keeps the last valid version.`;
      onBroken(area.value);
    }
  });
  const element = h('div', null,
    h('label', { for: area.id }, 'Survey definition (JSON)'),
    h('p', { class: 'hint' }, 'Everything the form edits, and combined skip logic (all / any / not). See the definition format in the survey-definitions documentation.'),
    area, status);
  return {
    element,
    /** Shows the definition as indented JSON (when the tab opens). */
    show(survey) {
      area.value = JSON.stringify(survey, null, 2);
      broken = false;
      status.textContent = '';
    },
    isBroken: () => broken,
    text: () => area.value,
  };
}
