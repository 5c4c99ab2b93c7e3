// The list of questions with a button to add one.

import { h } from '../dom.js';
import { section } from './fields.js';
import { blankQuestion, freshQuestionId, languageCodes } from './model.js';
import { questionCard } from './question.js';

export function questionsSection(ctx) {
  const survey = ctx.survey;
  const questions = Array.isArray(survey.questions) ? survey.questions : (survey.questions = []);
  return section('Questions', 'questions',
    h('p', { class: 'hint' }, 'Asked in this order, one per screen. Keep each short: a basic phone shows about 160 characters.'),
    questions.map((q, i) => questionCard(ctx, q, i)),
    h('button', {
      type: 'button', class: 'button-primary', id: 'add-question', 'data-key': 'questions.add',
      onclick: () => {
        questions.push(blankQuestion(freshQuestionId(survey), 'single_choice', languageCodes(survey)));
        ctx.changed();
        ctx.rerender(`questions[${questions.length - 1}].id`);
      },
    }, 'Add a question'));
}
