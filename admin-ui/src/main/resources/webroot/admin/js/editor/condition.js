// Skip logic ("showIf"): a simple builder for the common case, one earlier answer is one of some values or
// a number lies in a range; combinations (all / any / not) are shown in words and edited in the JSON tab.

import { h, uid } from '../dom.js';
import { select, numberInput } from './fields.js';
import { answerValues, textIn, languageCodes } from './model.js';

function isSimple(c) {
  return c && typeof c === 'object' && 'question' in c && !('all' in c || 'any' in c || 'not' in c);
}

/** A condition in words: gender is female or other, and not (age from 18 to 24). */
export function conditionText(c) {
  if (!c || typeof c !== 'object') return '';
  if (Array.isArray(c.all)) return c.all.map((x) => `(${conditionText(x)})`).join(' and ');
  if (Array.isArray(c.any)) return c.any.map((x) => `(${conditionText(x)})`).join(' or ');
  if (c.not) return `not (${conditionText(c.not)})`;
  if (Array.isArray(c.anyOf)) return `${c.question} is ${c.anyOf.join(' or ')}`;
  const from = c.min ?? '…';
  const to = c.max ?? '…';
  return `${c.question} is from ${from} to ${to}`;
}

export function conditionEditor(ctx, question, qi) {
  const path = `questions[${qi}].showIf`;
  const earlier = (ctx.survey.questions || []).slice(0, qi).filter((q) => q.id && q.type !== 'text');
  const mode = question.showIf === undefined ? 'always' : isSimple(question.showIf) ? 'simple' : 'combined';
  const name = uid('when');
  const radio = (value, label, disabled) => {
    const id = uid('r');
    return h('label', { class: 'inline-check', for: id },
      h('input', {
        type: 'radio', id, name, value, checked: mode === value, disabled, 'data-key': `${path}.${value}`,
        onchange: () => {
          if (value === 'combined') return;
          if (value === 'always') delete question.showIf;
          else question.showIf = { question: earlier[earlier.length - 1]?.id || '', anyOf: [] };
          ctx.changed();
          ctx.rerender(`${path}.${value}`);
        },
      }), label);
  };
  return h('fieldset', { 'data-path': path },
    h('legend', null, 'When to ask it'),
    radio('always', 'Always ask this question'),
    radio('simple', earlier.length ? 'Ask only when an earlier answer matches' : 'Ask only when an earlier answer matches (add an earlier question first)',
      !earlier.length && mode !== 'simple'),
    mode === 'combined' ? radio('combined', 'Ask only when a combined condition holds (all / any / not)') : null,
    mode === 'simple' ? simpleBuilder(ctx, question, path, earlier) : null,
    mode === 'combined' ? combined(ctx, question, path) : null);
}

function simpleBuilder(ctx, question, path, earlier) {
  const cond = question.showIf;
  const first = languageCodes(ctx.survey)[0];
  const target = (ctx.survey.questions || []).find((q) => q.id === cond.question);
  const parts = [select(ctx, {
    label: 'Earlier question', path: `${path}.question`,
    options: [{ value: '', label: 'Choose a question' },
      ...earlier.map((q) => ({ value: q.id, label: `${q.id}: ${textIn(q.text, first, ctx.survey) || '(no text yet)'}` }))],
    get: () => cond.question,
    set: (v) => {
      const picked = (ctx.survey.questions || []).find((q) => q.id === v);
      question.showIf = picked?.type === 'number' ? { question: v, min: picked.min ?? 0, max: picked.max ?? null } : { question: v, anyOf: [] };
      if (question.showIf.max === null) delete question.showIf.max;
    },
    commit: () => ctx.rerender(`${path}.question`),
  })];
  if (target?.type === 'number') {
    parts.push(h('div', { class: 'row' },
      numberInput(ctx, { label: 'From', path: `${path}.min`, get: () => cond.min, set: (v) => { if (v === null) delete cond.min; else cond.min = v; } }),
      numberInput(ctx, { label: 'To', path: `${path}.max`, get: () => cond.max, set: (v) => { if (v === null) delete cond.max; else cond.max = v; } })));
  } else if (target) {
    const chosen = new Set(cond.anyOf || []);
    parts.push(h('fieldset', { 'data-path': `${path}.anyOf`, class: 'plain' },
      h('legend', null, 'The answer is any of'),
      answerValues(target, ctx.survey).map((a) => {
        const id = uid('any');
        return h('label', { class: 'inline-check', for: id }, h('input', {
          type: 'checkbox', id, checked: chosen.has(a.value), 'data-key': `${path}.anyOf.${a.value}`,
          onchange: (e) => {
            if (e.target.checked) chosen.add(a.value); else chosen.delete(a.value);
            cond.anyOf = answerValues(target, ctx.survey).map((x) => x.value).filter((v) => chosen.has(v));
            delete cond.min;
            delete cond.max;
            ctx.changed();
          },
        }), a.label ? `${a.label} (${a.value})` : a.value);
      })));
  }
  return h('div', { class: 'condition' }, parts);
}

function combined(ctx, question, path) {
  return h('div', null,
    h('p', { class: 'condition-text' }, `Asked only when ${conditionText(question.showIf)}`),
    h('p', { class: 'hint' }, 'This question uses a combined condition (all / any / not). Change it in the JSON tab.'),
    h('button', {
      type: 'button', 'data-key': `${path}.replace`,
      onclick: async () => {
        if (!(await ctx.confirm({ title: 'Replace the combined condition?', message: 'The combined condition is removed and you start again from one earlier answer.', action: 'Replace' }))) return;
        question.showIf = { question: '', anyOf: [] };
        ctx.changed();
        ctx.rerender(`${path}.question`);
      },
    }, 'Replace with a simple condition'));
}
