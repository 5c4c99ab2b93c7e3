// Per-survey behaviour: how many wrong answers are allowed, and the keys for Back and More.

import { h } from '../dom.js';
import { numberInput, textInput, section } from './fields.js';

export function settingsSection(ctx) {
  const survey = ctx.survey;
  const settings = () => survey.settings || (survey.settings = {});
  const put = (key, value) => {
    if (value === null || value === '') delete settings()[key];
    else settings()[key] = value;
    if (!Object.keys(settings()).length) delete survey.settings;
  };
  return section('Settings', 'settings',
    h('div', { class: 'row' },
      numberInput(ctx, { label: 'Wrong answers allowed per question', path: 'settings.maxInvalidTries', placeholder: '3', min: 1,
        get: () => survey.settings?.maxInvalidTries, set: (v) => put('maxInvalidTries', v) }),
      textInput(ctx, { label: 'Key for Back', path: 'settings.backKey', placeholder: '0', mono: true, inputmode: 'numeric',
        get: () => survey.settings?.backKey, set: (v) => put('backKey', v) }),
      textInput(ctx, { label: 'Key for More', path: 'settings.moreKey', placeholder: '98', mono: true, inputmode: 'numeric',
        get: () => survey.settings?.moreKey, set: (v) => put('moreKey', v) })));
}
