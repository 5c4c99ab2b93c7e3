// One question of the survey as a collapsible card: id, type, text per language, and what its type needs
// (answers, a number range, a length), then skip logic and the stratifier.

import { h } from '../dom.js';
import { textInput, numberInput, select, localized, rowTools } from './fields.js';
import { QUESTION_TYPES, typeLabel, withTypeFields, languageCodes, textIn, move } from './model.js';
import { choicesEditor } from './choices.js';
import { conditionEditor } from './condition.js';
import { stratifierEditor } from './stratifier.js';

// Cards the person folded away stay folded when the form is rebuilt.
const folded = new WeakSet();

export function questionCard(ctx, question, qi) {
  const questions = ctx.survey.questions;
  const path = `questions[${qi}]`;
  const first = languageCodes(ctx.survey)[0];
  const details = h('details', { class: 'question-card', 'data-path': path, 'data-question': question.id || '', open: !folded.has(question) },
    h('summary', null,
      h('span', null, `Question ${qi + 1}`),
      h('code', null, question.id || '(no id)'),
      h('span', { class: 'q-type' }, `${typeLabel(question.type)}: ${textIn(question.text, first, ctx.survey) || 'no text yet'}`)),
    h('div', { class: 'question-body' },
      h('div', { class: 'row' },
        textInput(ctx, {
          label: 'Question id', path: `${path}.id`, mono: true, placeholder: 'e.g. gender',
          hint: 'Short and lowercase; results and exports use it.',
          get: () => question.id, set: (v) => { question.id = v; }, commit: () => ctx.rerender(),
        }),
        select(ctx, {
          label: 'Kind of answer', path: `${path}.type`, options: QUESTION_TYPES, get: () => question.type,
          set: () => {}, commit: (type) => changeType(ctx, question, type, path),
        })),
      localized(ctx, { label: 'Question text', path: `${path}.text`, owner: question, key: 'text', multiline: true }),
      typeFields(ctx, question, qi, path),
      conditionEditor(ctx, question, qi),
      stratifierEditor(ctx, question, qi),
      h('div', { class: 'actions' }, rowTools(ctx, {
        list: questions, index: qi, keyPrefix: path, what: (i) => `question ${i + 1}`,
        onMove: (i, step) => { move(questions, i, step); ctx.changed(); ctx.rerender(`questions[${i + step}].${step < 0 ? 'up' : 'down'}`); },
        onRemove: async (i) => {
          if (!(await ctx.confirm({ title: `Remove question ${i + 1}?`, message: `Question ${question.id || i + 1} and its answers are removed from this draft.`, action: 'Remove question' }))) return;
          questions.splice(i, 1);
          ctx.changed();
          ctx.rerender('questions.add');
        },
      }))));
  details.addEventListener('toggle', () => {
    if (details.open) folded.delete(question); else folded.add(question);
  });
  return details;
}

function typeFields(ctx, question, qi, path) {
  switch (question.type) {
    case 'single_choice':
    case 'multiple_choice':
      return choicesEditor(ctx, question, qi);
    case 'number':
      return h('div', { class: 'row' },
        numberInput(ctx, { label: 'Lowest answer', path: `${path}.min`, get: () => question.min, set: (v) => { question.min = v; } }),
        numberInput(ctx, { label: 'Highest answer', path: `${path}.max`, get: () => question.max, set: (v) => { question.max = v; } }));
    case 'text':
      return numberInput(ctx, {
        label: 'Longest answer (characters)', path: `${path}.maxLength`, min: 1,
        hint: 'Free-text answers are shown only to designers and admins, never to viewers.',
        get: () => question.maxLength, set: (v) => { if (v === null) delete question.maxLength; else question.maxLength = v; },
      });
    case 'yes_no':
      return h('p', { class: 'hint' }, 'People answer 1 for Yes or 2 for No, in their language (see Messages).');
    default:
      return null;
  }
}

async function changeType(ctx, question, type, path) {
  const losing = (question.choices || []).filter((c) => c.value).length;
  const keepsChoices = type === 'single_choice' || type === 'multiple_choice';
  if (losing && !keepsChoices && !(await ctx.confirm({
    title: 'Change the kind of answer?', message: `The ${losing} answers to choose from are removed.`, action: 'Change it',
  }))) {
    ctx.rerender(`${path}.type`);
    return;
  }
  question.type = type;
  withTypeFields(question, languageCodes(ctx.survey));
  if (question.stratifier && !['single_choice', 'yes_no', 'number'].includes(type)) delete question.stratifier;
  ctx.changed();
  ctx.rerender(`${path}.type`);
}
