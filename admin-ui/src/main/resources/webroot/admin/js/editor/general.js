// The survey's identity: id, version, title, and the languages it is offered in.

import { h, uid } from '../dom.js';
import { textInput, localized, section } from './fields.js';
import { removeLanguage, forEachText } from './model.js';

/** Common languages of the people Kila surveys, as their speakers write them. */
const KNOWN_LANGUAGES = {
  en: 'English', sw: 'Kiswahili', fr: 'Français', pt: 'Português', ar: 'العربية', am: 'አማርኛ', ha: 'Hausa',
  yo: 'Yorùbá', ig: 'Igbo', so: 'Soomaali', lg: 'Luganda', rw: 'Ikinyarwanda', zu: 'isiZulu', bn: 'বাংলা',
  ne: 'नेपाली', hi: 'हिन्दी', ur: 'اردو', es: 'Español', om: 'Afaan Oromoo', ti: 'ትግርኛ', ln: 'Lingála', wo: 'Wolof',
};

export function generalSection(ctx) {
  const survey = ctx.survey;
  return section('About this survey', null,
    h('div', { class: 'row' },
      textInput(ctx, {
        label: 'Survey id', path: 'id', id: 'survey-id', mono: true, readOnly: !ctx.isNew,
        hint: ctx.isNew ? 'Short, lowercase, with hyphens, e.g. youth-voice-ke. It cannot change after saving.'
          : 'The id cannot change after the first save.',
        get: () => survey.id, set: (v) => { survey.id = v; },
      }),
      textInput(ctx, {
        label: 'Version', path: 'version', id: 'survey-version', readOnly: true,
        hint: 'Set by Kila: each launch keeps its own version.', get: () => String(survey.version ?? ''), set: () => {},
      })),
    localized(ctx, { label: 'Title', path: 'title', owner: survey, key: 'title', hint: 'Shown to respondents in the language menu and on results.' }),
    languagesEditor(ctx));
}

function languagesEditor(ctx) {
  const survey = ctx.survey;
  const languages = survey.languages || (survey.languages = []);
  const rows = languages.map((language, i) => h('div', { class: 'list-row', 'data-path': `languages[${i}]` },
    textInput(ctx, { label: 'Code', path: `languages[${i}].code`, mono: true, readOnly: true, get: () => language.code, set: () => {} }),
    textInput(ctx, { label: 'Name (as its speakers write it)', path: `languages[${i}].name`, get: () => language.name,
      set: (v) => { language.name = v; }, commit: () => ctx.rerender() }),
    h('div', { class: 'row-tools' }, h('button', {
      type: 'button', class: 'button-danger button-small', 'data-key': `languages[${i}].remove`,
      'aria-label': `Remove ${language.name || language.code}`,
      onclick: async () => {
        if (languages.length > 1 && !(await ctx.confirm({
          title: `Remove ${language.name || language.code}?`,
          message: `Every text written in ${language.name || language.code} is removed from this survey.`,
          action: 'Remove language',
        }))) return;
        removeLanguage(survey, language.code);
        ctx.changed();
        ctx.rerender('language-add');
      },
    }, 'Remove'))));
  return h('fieldset', { 'data-path': 'languages', id: 'languages' },
    h('legend', null, 'Languages'),
    h('p', { class: 'hint' }, 'Every text below has one box per language, side by side. The first language is the default.'),
    rows,
    addLanguageRow(ctx));
}

function addLanguageRow(ctx) {
  const listId = uid('langs');
  const code = h('input', { type: 'text', id: 'language-code', list: listId, class: 'mono', autocomplete: 'off', spellcheck: 'false' });
  const name = h('input', { type: 'text', id: 'language-name', autocomplete: 'off' });
  const message = h('p', { class: 'hint', role: 'status' });
  code.addEventListener('change', () => {
    if (!name.value && KNOWN_LANGUAGES[code.value.trim()]) name.value = KNOWN_LANGUAGES[code.value.trim()];
  });
  const add = () => {
    const c = code.value.trim();
    const n = name.value.trim() || KNOWN_LANGUAGES[c] || c;
    if (!c) {
      message.textContent = 'Type a language code first, such as sw.';
      code.focus();
      return;
    }
    if ((ctx.survey.languages || []).some((l) => l.code === c)) {
      message.textContent = `${c} is already a language of this survey.`;
      return;
    }
    ctx.survey.languages.push({ code: c, name: n });
    // New empty boxes make the missing translations visible at once (the validator names each one).
    forEachText(ctx.survey, (owner, key) => {
      if (owner[key] && typeof owner[key] === 'object' && !(c in owner[key])) owner[key][c] = '';
    });
    ctx.changed();
    ctx.rerender('language-add');
  };
  return h('div', { class: 'list-row' },
    h('div', { class: 'field' }, h('label', { for: code.id }, 'New language code'), code,
      h('datalist', { id: listId }, Object.entries(KNOWN_LANGUAGES).map(([c, n]) => h('option', { value: c }, n)))),
    h('div', { class: 'field' }, h('label', { for: name.id }, 'Its name'), name),
    h('button', { type: 'button', 'data-key': 'language-add', id: 'add-language', onclick: add }, 'Add language'),
    message);
}
