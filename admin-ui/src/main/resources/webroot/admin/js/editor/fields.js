// Form inputs bound to the definition. Every input carries data-path, the definition path the validator
// uses (questions[3].choices[0].value), so a problem is shown at its own field; every button carries a
// data-key so focus can come back to it after the form is rebuilt.

import { h, uid } from '../dom.js';
import { textIn, setTextIn } from './model.js';

function wrap(label, input, hint, extraClass) {
  const id = input.id || uid('in');
  input.id = id;
  const hintEl = hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  if (hintEl) input.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: `field${extraClass ? ` ${extraClass}` : ''}` }, h('label', { for: id }, label), hintEl, input);
}

/**
 * A one-line text input. get() reads the value, set(text) writes it; commit() runs when the person leaves
 * the field after a change (used where other parts of the form show this value, such as question ids).
 */
export function textInput(ctx, { label, path, get, set, commit, hint, placeholder, readOnly, inputmode, mono, id, list }) {
  const input = h('input', {
    type: 'text', id, value: get() ?? '', 'data-path': path, placeholder, readonly: readOnly, inputmode, list,
    spellcheck: mono ? 'false' : null, autocomplete: 'off', class: mono ? 'mono' : null,
  });
  input.addEventListener('input', () => { set(input.value); ctx.changed(); });
  if (commit) input.addEventListener('change', () => commit(input.value));
  return wrap(label, input, hint);
}

/** A whole-number input; an empty box removes the field (set(null)). */
export function numberInput(ctx, { label, path, get, set, commit, hint, placeholder, min }) {
  const value = get();
  const input = h('input', {
    type: 'number', step: '1', min, value: value === undefined || value === null ? '' : String(value), 'data-path': path,
    placeholder, inputmode: 'numeric',
  });
  input.addEventListener('input', () => {
    const text = input.value.trim();
    set(text === '' ? null : Number(text));
    ctx.changed();
  });
  if (commit) input.addEventListener('change', () => commit());
  return wrap(label, input, hint, 'field-number');
}

export function checkbox(ctx, { label, path, get, set, hint, commit }) {
  const id = uid('cb');
  const input = h('input', { type: 'checkbox', id, checked: Boolean(get()), 'data-path': path });
  const hintEl = hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  if (hintEl) input.setAttribute('aria-describedby', hintEl.id);
  input.addEventListener('change', () => {
    set(input.checked);
    ctx.changed();
    if (commit) commit(input.checked);
  });
  return h('div', { class: 'field' }, h('label', { class: 'inline-check', for: id }, input, label), hintEl);
}

/** A drop-down; options: [{value, label}]. */
export function select(ctx, { label, path, options, get, set, commit, hint, id }) {
  const current = get() ?? '';
  const input = h('select', { 'data-path': path, id },
    options.map((o) => h('option', { value: o.value, selected: o.value === current }, o.label)));
  if (!options.some((o) => o.value === current) && current !== '') {
    input.prepend(h('option', { value: current, selected: true }, `${current} (not found)`));
  }
  input.addEventListener('change', () => {
    set(input.value);
    ctx.changed();
    if (commit) commit(input.value);
  });
  return wrap(label, input, hint);
}

/**
 * A translatable text: one input per survey language side by side, each at path.<code>.
 * optional: emptying every language removes the field (messages then use the built-in text).
 */
export function localized(ctx, { label, path, owner, key, hint, multiline, optional, placeholder, onInput }) {
  const survey = ctx.survey;
  const legendId = uid('lg');
  const hintEl = hint ? h('p', { class: 'hint', id: `${legendId}-hint` }, hint) : null;
  const inputs = (survey.languages || []).filter((l) => l?.code).map((language) => {
    const id = uid('tx');
    const attrs = {
      id, 'data-path': `${path}.${language.code}`, lang: language.code, placeholder,
      value: textIn(owner[key], language.code, survey),
    };
    const input = multiline ? h('textarea', { ...attrs, rows: 2 }) : h('input', { ...attrs, type: 'text' });
    if (multiline) input.value = attrs.value;
    if (hintEl) input.setAttribute('aria-describedby', hintEl.id);
    input.addEventListener('input', () => {
      setTextIn(owner, key, language.code, input.value, ctx.survey, optional);
      if (onInput) onInput(language.code, input.value);
      ctx.changed();
    });
    return h('div', { class: 'field' }, h('label', { for: id }, language.name || language.code), input);
  });
  return h('fieldset', { class: 'localized', 'data-path': path, 'aria-describedby': hintEl ? hintEl.id : null },
    h('legend', { id: legendId }, label), hintEl,
    h('div', { class: 'translations' }, inputs.length ? inputs : h('p', { class: 'hint' }, 'Add a language first.')));
}

/** Move up / Move down / Remove buttons for one item of a list; what(i) names it ("question 3"). */
export function rowTools(ctx, { list, index, keyPrefix, what, onMove, onRemove }) {
  const name = what(index);
  return h('div', { class: 'row-tools' },
    h('button', { type: 'button', class: 'button-quiet button-small', 'data-key': `${keyPrefix}.up`,
      disabled: index === 0, 'aria-label': `Move ${name} up`, onclick: () => onMove(index, -1) }, '↑'),
    h('button', { type: 'button', class: 'button-quiet button-small', 'data-key': `${keyPrefix}.down`,
      disabled: index === list.length - 1, 'aria-label': `Move ${name} down`, onclick: () => onMove(index, 1) }, '↓'),
    h('button', { type: 'button', class: 'button-danger button-small', 'data-key': `${keyPrefix}.remove`,
      'aria-label': `Remove ${name}`, onclick: () => onRemove(index) }, 'Remove'));
}

/** A section of the form with its heading; path lets problems about the section as a whole land here. */
export function section(title, path, ...children) {
  const id = uid('sec');
  return h('section', { class: 'editor-section', 'aria-labelledby': id, 'data-path': path },
    h('h2', { id }, title), children);
}
