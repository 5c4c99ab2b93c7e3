// The answer options of a choice question: stored value, label per language, and "prefer not to say".

import { h } from '../dom.js';
import { textInput, localized, checkbox, rowTools } from './fields.js';
import { languageCodes, valueFromLabel, move } from './model.js';

// Values the editor filled in from a label; they keep following the label until the person types a value.
const suggested = new WeakSet();

export function choicesEditor(ctx, question, qi) {
  const choices = question.choices || (question.choices = []);
  const first = languageCodes(ctx.survey)[0];
  const path = `questions[${qi}].choices`;
  const rows = choices.map((choice, ci) => {
    const at = `${path}[${ci}]`;
    const valueField = textInput(ctx, {
      label: 'Stored value', path: `${at}.value`, mono: true, placeholder: 'e.g. female',
      get: () => choice.value, set: (v) => { choice.value = v; suggested.delete(choice); }, commit: () => ctx.rerender(),
    });
    const valueInput = valueField.querySelector('input');
    if (!choice.value) suggested.add(choice);
    return h('div', { class: 'list-row', 'data-path': at },
      localized(ctx, {
        label: `Choice ${ci + 1}`, path: `${at}.label`, owner: choice, key: 'label',
        onInput: (code, text) => {
          if (code === first && suggested.has(choice)) {
            choice.value = valueFromLabel(text);
            valueInput.value = choice.value;
          }
        },
      }),
      valueField,
      checkbox(ctx, {
        label: 'Prefer not to say', path: `${at}.preferNotToSay`, get: () => choice.preferNotToSay,
        set: (on) => { if (on) choice.preferNotToSay = true; else delete choice.preferNotToSay; },
      }),
      rowTools(ctx, {
        list: choices, index: ci, keyPrefix: at, what: (i) => `choice ${i + 1} of question ${qi + 1}`,
        onMove: (i, step) => { move(choices, i, step); ctx.changed(); ctx.rerender(`${path}[${i + step}].${step < 0 ? 'up' : 'down'}`); },
        onRemove: (i) => { choices.splice(i, 1); ctx.changed(); ctx.rerender(`${path}.add`); },
      }));
  });
  return h('fieldset', { 'data-path': path },
    h('legend', null, 'Answers to choose from'),
    h('p', { class: 'hint' }, 'The stored value is what results and exports show; people see the labels, numbered 1, 2, 3 …'),
    rows,
    h('button', {
      type: 'button', 'data-key': `${path}.add`, 'data-test': 'add-choice',
      onclick: () => {
        choices.push({ value: '', label: Object.fromEntries(languageCodes(ctx.survey).map((c) => [c, ''])) });
        ctx.changed();
        ctx.rerender(`${path}[${choices.length - 1}].label.${first}`);
      },
    }, 'Add an answer'));
}
