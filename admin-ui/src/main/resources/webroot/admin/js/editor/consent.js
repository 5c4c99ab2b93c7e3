// The optional consent screen before the first question.

import { h } from '../dom.js';
import { checkbox, localized, section } from './fields.js';

export function consentSection(ctx) {
  const survey = ctx.survey;
  return section('Consent', 'consent',
    checkbox(ctx, {
      label: 'Ask for consent before the first question', path: 'consent.enabled',
      hint: 'People answer Yes or No. Someone who says No is thanked and nothing but the “no” is kept.',
      get: () => Boolean(survey.consent),
      set: (on) => {
        if (on) survey.consent = { text: Object.fromEntries((survey.languages || []).map((l) => [l.code, ''])) };
        else delete survey.consent;
      },
      commit: () => ctx.rerender('consent.text'),
    }),
    survey.consent ? localized(ctx, {
      label: 'What people agree to', path: 'consent.text', owner: survey.consent, key: 'text', multiline: true,
      hint: 'Say who is asking, why, and that answers are anonymous. Keep it short: it must fit one phone screen.',
    }) : h('p', { class: 'hint' }, 'No consent screen: the survey starts with the first question.'));
}
