// Marks a question as a stratifier: its answer describes the person, is kept in their profile under a
// key, and breaks down results. Number questions group answers into bands (age 17 -> "15-19").

import { h } from '../dom.js';
import { checkbox, textInput, numberInput, rowTools } from './fields.js';
import { move } from './model.js';

const CAN_STRATIFY = new Set(['single_choice', 'yes_no', 'number']);

export function stratifierEditor(ctx, question, qi) {
  const path = `questions[${qi}].stratifier`;
  if (!CAN_STRATIFY.has(question.type) && !question.stratifier) return null;
  const s = question.stratifier;
  return h('fieldset', { 'data-path': path },
    h('legend', null, 'Who is answering'),
    checkbox(ctx, {
      label: 'This answer describes the person (use it to break down results and quotas)', path: `${path}.enabled`,
      hint: 'Kila keeps it in the person’s profile, so the next survey does not ask again.',
      get: () => Boolean(s),
      set: (on) => {
        if (on) question.stratifier = { profileKey: question.id || '' };
        else delete question.stratifier;
      },
      commit: () => ctx.rerender(`${path}.profileKey`),
    }),
    s ? [
      textInput(ctx, { label: 'Profile key', path: `${path}.profileKey`, mono: true, placeholder: 'e.g. gender',
        hint: 'The name results are broken down by, the same in every survey: gender, age_band, disability, location_type …',
        get: () => s.profileKey, set: (v) => { s.profileKey = v; }, commit: () => ctx.rerender() }),
      checkbox(ctx, { label: 'Sensitive (disability, ethnicity, migrant status …)', path: `${path}.sensitive`,
        hint: 'A sensitive question must offer an answer marked “Prefer not to say”.',
        get: () => s.sensitive, set: (on) => { if (on) s.sensitive = true; else delete s.sensitive; } }),
      question.type === 'number' ? bandsEditor(ctx, s, path) : null,
    ] : null);
}

function bandsEditor(ctx, s, path) {
  const bands = Array.isArray(s.bands) ? s.bands : [];
  const rows = bands.map((band, bi) => h('div', { class: 'list-row', 'data-path': `${path}.bands[${bi}]` },
    numberInput(ctx, { label: 'From', path: `${path}.bands[${bi}].min`, get: () => band.min, set: (v) => { band.min = v; } }),
    numberInput(ctx, { label: 'To', path: `${path}.bands[${bi}].max`, get: () => band.max, set: (v) => { band.max = v; } }),
    textInput(ctx, { label: 'Stored as', path: `${path}.bands[${bi}].value`, mono: true, placeholder: 'e.g. 15-19',
      get: () => band.value, set: (v) => { band.value = v; }, commit: () => ctx.rerender() }),
    rowTools(ctx, {
      list: bands, index: bi, keyPrefix: `${path}.bands[${bi}]`, what: (i) => `band ${i + 1}`,
      onMove: (i, step) => { move(bands, i, step); ctx.changed(); ctx.rerender(`${path}.bands[${i + step}].${step < 0 ? 'up' : 'down'}`); },
      onRemove: (i) => {
        bands.splice(i, 1);
        if (!bands.length) delete s.bands;
        ctx.changed();
        ctx.rerender(`${path}.bands.add`);
      },
    })));
  return h('fieldset', { 'data-path': `${path}.bands`, class: 'plain' },
    h('legend', null, 'Group the numbers into bands (optional)'),
    h('p', { class: 'hint' }, 'Results then show the band, not the exact number: 17 is kept as “15-19”.'),
    rows,
    h('button', {
      type: 'button', 'data-key': `${path}.bands.add`,
      onclick: () => {
        const last = bands[bands.length - 1];
        const from = last && Number.isFinite(last.max) ? last.max + 1 : 0;
        s.bands = [...bands, { min: from, max: from + 4, value: `${from}-${from + 4}` }];
        ctx.changed();
        ctx.rerender(`${path}.bands[${s.bands.length - 1}].min`);
      },
    }, 'Add a band'));
}
