// The survey's fixed texts (thank-you, screened out, navigation labels ...), all optional.

import { h } from '../dom.js';
import { localized } from './fields.js';

const MESSAGES = [
  ['completed', 'Thank-you message', 'After the last answer.'],
  ['screenedOut', 'Screened-out message', 'When the person’s group already has enough answers.'],
  ['declined', 'Said no to consent', 'When someone chooses not to take part.'],
  ['gaveUp', 'Too many wrong answers', 'When someone gives too many answers Kila cannot read.'],
  ['invalidHint', 'Wrong-answer hint', 'Shown above a question asked again.'],
  ['back', '“Back” label', null],
  ['more', '“More” label', 'When a question is longer than one screen.'],
  ['yes', '“Yes” answer', null],
  ['no', '“No” answer', null],
  ['chooseLanguage', 'Language menu heading', null],
  ['welcomeBack', 'Welcome-back message', 'When someone comes back to a survey they left half way.'],
];

export function messagesSection(ctx) {
  const survey = ctx.survey;
  const owner = survey.messages || {};
  const fields = MESSAGES.map(([key, label, hint]) => localized(ctx, {
    label, hint, path: `messages.${key}`, owner, key, optional: true, placeholder: 'Built-in text',
    onInput: () => {
      if (Object.keys(owner).length) survey.messages = owner;
      else delete survey.messages;
    },
  }));
  return h('details', { class: 'editor-section', 'data-path': 'messages', id: 'messages-section' },
    h('summary', null, h('h2', null, 'Messages (optional)')),
    h('p', { class: 'hint' }, 'Leave a box empty to use Kila’s built-in text (English, Kiswahili, French, Hausa and '
      + 'more). If you write a message in one language, write it in every language.'),
    fields);
}
