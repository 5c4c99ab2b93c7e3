// Shows the validator's problems where they belong: each message under the input its path names
// (questions[3].choices[0].value), or on the nearest enclosing part of the form, with a summary at the
// top that links to each one. Messages are shown exactly as the API words them.

import { h, replaceChildren, uid } from '../dom.js';

const SEGMENT = /([A-Za-z_$][\w$-]*)|\[(\d+)\]/g;

/** Splits "questions[3].text.sw" into ["questions", 3, "text", "sw"]. */
export function segments(path) {
  const out = [];
  for (const m of String(path).matchAll(SEGMENT)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}

function join(parts) {
  return parts.map((p, i) => (typeof p === 'number' ? `[${p}]` : (i ? `.${p}` : p))).join('');
}

/** The element showing path, or the nearest one showing a part of it; null when none does. */
export function locate(root, path) {
  const parts = segments(path);
  for (let n = parts.length; n > 0; n -= 1) {
    const el = root.querySelector(`[data-path="${CSS.escape(join(parts.slice(0, n)))}"]`);
    if (el) return el;
  }
  return null;
}

const WORDS = {
  title: 'Title', consent: 'Consent', text: 'text', label: 'label', value: 'value', id: 'id', type: 'type',
  languages: 'Languages', code: 'code', name: 'name', triggers: 'Triggers', ussd: 'USSD code', sms: 'SMS keyword',
  questions: 'Question', choices: 'choice', bands: 'band', quotas: 'Quota', targets: 'target', profileKeys: 'profile key',
  stratum: 'group', count: 'target count', showIf: 'ask only when', stratifier: 'stratifier', profileKey: 'profile key',
  sensitive: 'sensitive', min: 'lowest', max: 'highest', maxLength: 'longest answer', messages: 'Messages',
  settings: 'Settings', maxInvalidTries: 'tries', backKey: 'back key', moreKey: 'more key', anyOf: 'answers',
  version: 'Version', preferNotToSay: 'prefer not to say', all: 'all of', any: 'any of', not: 'not', $: 'The whole survey',
  quietHours: 'quiet hours', timeZone: 'time zone', reminders: 'reminders', reminderDelay: 'wait before each reminder',
  nudge: 'nudge', finishBySms: 'finish by SMS',
};

/** Words for a field at the top of the survey, where they differ from the same name further in. */
const TOP_WORDS = { sms: 'SMS follow-ups' };

/** "questions[3].choices[0].value" in plain words: Question 4 “gender” › choice 1 › value. */
export function describePath(path, survey) {
  const parts = segments(path);
  const words = [];
  let owner = survey;
  const codes = new Map((survey?.languages || []).map((l) => [l?.code, l?.name]));
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i];
    if (typeof part === 'number') {
      const item = Array.isArray(owner) ? owner[part] : null;
      const last = words.pop() || '';
      const named = item && typeof item === 'object' && item.id ? ` “${item.id}”` : '';
      words.push(`${last} ${part + 1}${named}`);
      owner = item;
      continue;
    }
    const word = i === 0 && TOP_WORDS[part] ? TOP_WORDS[part] : WORDS[part] || part;
    words.push(codes.has(part) && i === parts.length - 1 ? codes.get(part) || part : word);
    owner = owner && typeof owner === 'object' ? owner[part] : undefined;
  }
  const text = words.join(' › ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Removes what a previous apply() added. */
function clear(root) {
  for (const el of root.querySelectorAll('.problem-msg, .warning-msg')) el.remove();
  for (const el of root.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  for (const el of root.querySelectorAll('[data-described]')) {
    el.setAttribute('aria-describedby', el.dataset.described);
    if (!el.dataset.described) el.removeAttribute('aria-describedby');
    delete el.dataset.described;
  }
  for (const el of root.querySelectorAll('.problem-count')) el.remove();
}

const CONTROLS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

function attach(target, message, kind) {
  const note = h('p', { class: kind === 'problem' ? 'problem-msg' : 'warning-msg', id: uid(kind), 'data-problem-for': target.dataset.path }, message);
  if (CONTROLS.has(target.tagName)) {
    const field = target.closest('.field') || target.parentElement;
    field.append(note);
    if (kind === 'problem') target.setAttribute('aria-invalid', 'true');
    if (target.dataset.described === undefined) target.dataset.described = target.getAttribute('aria-describedby') || '';
    target.setAttribute('aria-describedby', `${target.getAttribute('aria-describedby') || ''} ${note.id}`.trim());
  } else {
    const heading = target.querySelector(':scope > legend, :scope > h2, :scope > h3, :scope > summary');
    if (heading) heading.after(note);
    else target.prepend(note);
  }
  return note;
}

/** Opens every collapsed part around el and moves focus to it. */
export function reveal(el) {
  for (let p = el.parentElement; p; p = p.parentElement) if (p.tagName === 'DETAILS') p.open = true;
  const focusable = CONTROLS.has(el.tagName) ? el : el.querySelector('input, select, textarea, button') || el;
  if (focusable === el && !CONTROLS.has(el.tagName)) el.setAttribute('tabindex', '-1');
  focusable.focus();
  focusable.scrollIntoView({ block: 'center' });
}

/**
 * Shows problems and warnings ([{path, message}]) in the form under root and lists them in summary.
 * survey: the definition, to name places in plain words; revealer(el) takes the person to a field.
 */
export function applyProblems(root, summary, problems, warnings, survey, revealer = reveal) {
  clear(root);
  const entries = [];
  for (const [list, kind] of [[problems, 'problem'], [warnings, 'warning']]) {
    for (const p of list || []) {
      const target = p.path ? locate(root, p.path) : null;
      const note = target ? attach(target, p.message, kind) : null;
      entries.push({ ...p, kind, note, target });
    }
  }
  markCollapsed(root);
  renderSummary(summary, entries, survey, revealer);
}

/** A collapsed question says how many problems wait inside it. */
function markCollapsed(root) {
  for (const details of root.querySelectorAll('details')) {
    const count = details.querySelectorAll('.problem-msg').length;
    if (count) {
      details.querySelector(':scope > summary')?.append(h('span', { class: 'problem-count' },
        `${count} problem${count === 1 ? '' : 's'}`));
    }
  }
}

function renderSummary(summary, entries, survey, revealer) {
  const problems = entries.filter((e) => e.kind === 'problem');
  const warnings = entries.filter((e) => e.kind === 'warning');
  const list = (items) => h('ul', null, items.map((e) => h('li', { 'data-problem-path': e.path || '' },
    e.target
      ? h('button', { type: 'button', onclick: () => revealer(e.target) }, `${describePath(e.path, survey)}: ${e.message}`)
      : [e.path ? [h('code', null, e.path), ': '] : null, e.message])));
  replaceChildren(summary,
    problems.length ? h('div', { class: 'problem-summary', id: 'problem-list' },
      h('h2', null, `${problems.length} problem${problems.length === 1 ? '' : 's'} to fix before this survey can be saved`),
      list(problems)) : null,
    warnings.length ? h('details', { class: 'problem-summary warning-summary', id: 'warning-list' },
      h('summary', null, h('strong', null, `${warnings.length} thing${warnings.length === 1 ? '' : 's'} worth checking`)),
      list(warnings)) : null);
}
