// Quotas: a target number of completed answers per group of people (a stratum: one value of each chosen
// profile key). Once a group's target is met, new people in it are thanked and screened out.

import { h, uid } from '../dom.js';
import { textInput, numberInput, select, section } from './fields.js';
import { stratifiers, profileValues } from './model.js';

export function quotasSection(ctx) {
  const survey = ctx.survey;
  const quotas = Array.isArray(survey.quotas) ? survey.quotas : [];
  const keys = stratifiers(survey);
  return section('Quotas (optional)', 'quotas',
    h('p', { class: 'hint' }, 'Set how many completed answers you need from each group, so no group is left out and none '
      + 'crowds the others. Groups come from the questions marked “describes the person”.'),
    quotas.map((quota, i) => quotaEditor(ctx, quotas, quota, i, keys)),
    keys.length
      ? h('button', {
        type: 'button', id: 'add-quota', 'data-key': 'quotas.add',
        onclick: () => {
          survey.quotas = [...quotas, { id: `quota${quotas.length + 1}`, profileKeys: [keys[0].key], targets: [] }];
          ctx.changed();
          ctx.rerender(`quotas[${quotas.length}].id`);
        },
      }, 'Add a quota')
      : h('p', { class: 'hint' }, 'Mark a question as “describes the person” to set quotas on it.'));
}

function quotaEditor(ctx, quotas, quota, qi, keys) {
  const path = `quotas[${qi}]`;
  const chosen = Array.isArray(quota.profileKeys) ? quota.profileKeys : (quota.profileKeys = []);
  const targets = Array.isArray(quota.targets) ? quota.targets : (quota.targets = []);
  const questionOf = (key) => keys.find((k) => k.key === key)?.question;
  return h('div', { class: 'card', 'data-path': path },
    h('div', { class: 'row' },
      textInput(ctx, { label: 'Quota id', path: `${path}.id`, mono: true, get: () => quota.id, set: (v) => { quota.id = v; } }),
      h('button', {
        type: 'button', class: 'button-danger', 'data-key': `${path}.remove`, 'aria-label': `Remove quota ${quota.id || qi + 1}`,
        onclick: () => {
          quotas.splice(qi, 1);
          if (!quotas.length) delete ctx.survey.quotas;
          ctx.changed();
          ctx.rerender('quotas.add');
        },
      }, 'Remove quota')),
    h('fieldset', { 'data-path': `${path}.profileKeys`, class: 'plain' },
      h('legend', null, 'Groups by'),
      keys.map(({ key }) => {
        const id = uid('pk');
        return h('label', { class: 'inline-check', for: id }, h('input', {
          type: 'checkbox', id, checked: chosen.includes(key), 'data-key': `${path}.profileKeys.${key}`,
          onchange: (e) => {
            quota.profileKeys = e.target.checked ? [...chosen, key] : chosen.filter((k) => k !== key);
            for (const t of targets) if (!e.target.checked && t.stratum) delete t.stratum[key];
            ctx.changed();
            ctx.rerender(`${path}.profileKeys.${key}`);
          },
        }), key);
      })),
    h('fieldset', { 'data-path': `${path}.targets`, class: 'plain' },
      h('legend', null, 'Targets'),
      targets.map((target, ti) => targetRow(ctx, quota, target, ti, path, questionOf)),
      h('div', { class: 'actions' },
        h('button', {
          type: 'button', 'data-key': `${path}.targets.add`,
          onclick: () => {
            targets.push({ stratum: {}, count: 0 });
            ctx.changed();
            ctx.rerender(`${path}.targets[${targets.length - 1}].count`);
          },
        }, 'Add a target'),
        h('button', {
          type: 'button', 'data-key': `${path}.targets.all`,
          onclick: () => {
            addEveryGroup(ctx, quota, questionOf);
            ctx.changed();
            ctx.rerender(`${path}.targets.all`);
          },
        }, 'Add every group'))));
}

function targetRow(ctx, quota, target, ti, path, questionOf) {
  const at = `${path}.targets[${ti}]`;
  const stratum = target.stratum || (target.stratum = {});
  return h('div', { class: 'list-row', 'data-path': at },
    quota.profileKeys.map((key) => {
      const values = profileValues(questionOf(key), ctx.survey);
      return values.length
        ? select(ctx, {
          label: key, path: `${at}.stratum.${key}`,
          options: [{ value: '', label: 'Choose' }, ...values.map((v) => ({ value: v.value, label: v.label ? `${v.label} (${v.value})` : v.value }))],
          get: () => stratum[key], set: (v) => { if (v) stratum[key] = v; else delete stratum[key]; },
        })
        : textInput(ctx, { label: key, path: `${at}.stratum.${key}`, mono: true, get: () => stratum[key], set: (v) => { stratum[key] = v; } });
    }),
    numberInput(ctx, { label: 'Completed answers wanted', path: `${at}.count`, min: 0, get: () => target.count, set: (v) => { target.count = v; } }),
    h('div', { class: 'row-tools' }, h('button', {
      type: 'button', class: 'button-danger button-small', 'data-key': `${at}.remove`, 'aria-label': `Remove target ${ti + 1}`,
      onclick: () => { quota.targets.splice(ti, 1); ctx.changed(); ctx.rerender(`${path}.targets.add`); },
    }, 'Remove')));
}

/** Adds a target for every combination of the chosen keys' values that has none yet. */
function addEveryGroup(ctx, quota, questionOf) {
  let combos = [{}];
  for (const key of quota.profileKeys) {
    const values = profileValues(questionOf(key), ctx.survey).map((v) => v.value);
    combos = combos.flatMap((c) => values.map((v) => ({ ...c, [key]: v })));
  }
  const have = new Set(quota.targets.map((t) => JSON.stringify(sorted(t.stratum || {}))));
  for (const stratum of combos) {
    if (!have.has(JSON.stringify(sorted(stratum)))) quota.targets.push({ stratum, count: 0 });
  }
}

function sorted(stratum) {
  return Object.fromEntries(Object.entries(stratum).sort(([a], [b]) => a.localeCompare(b)));
}
