// The versions of a survey with their status, and the Launch / Pause / Close buttons. Each action is
// confirmed with its consequence in plain words; the API's refusal (a USSD code already taken) is shown
// as given.

import { api } from '../api.js';
import { h, replaceChildren, announce } from '../dom.js';
import { showError } from '../form.js';
import { confirmAction } from '../confirm.js';
import { statusText, dateTimeText } from '../text.js';

const ACTIONS = {
  draft: ['launch'],
  launched: ['pause', 'close'],
  paused: ['launch', 'close'],
  closed: [],
};

/**
 * options: {surveyId, versions, editing (the version number in the editor), unsaved() -> bool, triggers
 * (of the edited definition), onChanged() after an action succeeded}.
 */
export function versionsPanel(options) {
  const message = h('div', { id: 'version-message' });
  const live = options.versions.find((v) => v.status === 'launched');
  const rows = options.versions.slice().sort((a, b) => b.version - a.version).map((v) => h('li', { 'data-version': v.version },
    h('a', { href: `#/surveys/${encodeURIComponent(options.surveyId)}/versions/${v.version}`,
      'aria-current': v.version === options.editing ? 'page' : null }, `Version ${v.version}`),
    h('span', { class: `badge status-${v.status}`, 'data-test': 'version-status' }, statusText(v.status)),
    v.launchedAt || v.createdAt ? h('span', { class: 'hint' }, v.launchedAt ? `launched ${dateTimeText(v.launchedAt)}` : `made ${dateTimeText(v.createdAt)}`) : null,
    (ACTIONS[v.status] || []).map((action) => actionButton(options, v, action, live, message))));
  return h('section', { class: 'editor-section versions', 'aria-labelledby': 'versions-title', id: 'versions' },
    h('h2', { id: 'versions-title' }, 'Versions'),
    rows.length ? h('ol', null, rows) : h('p', { class: 'hint' }, 'Nothing saved yet. Save the draft to launch it.'),
    message);
}

function actionButton(options, v, action, live, message) {
  const unsaved = v.version === options.editing && options.unsaved();
  const label = { launch: v.status === 'paused' ? 'Launch again' : 'Launch', pause: 'Pause', close: 'Close' }[action];
  const button = h('button', {
    type: 'button', id: `version-${v.version}-${action}`, 'data-test': action,
    class: action === 'close' ? 'button-danger button-small' : action === 'launch' ? 'button-primary button-small' : 'button-small',
    disabled: unsaved, title: unsaved ? 'Save your changes first' : null,
    'aria-label': `${label} version ${v.version}${unsaved ? ' (save your changes first)' : ''}`,
  }, label);
  button.addEventListener('click', async () => {
    if (!(await confirmAction(question(options, v, action, live)))) return;
    showError(message, null);
    try {
      await api.post(`/surveys/${encodeURIComponent(options.surveyId)}/versions/${v.version}/${action}`);
    } catch (e) {
      showError(message, e.message);
      return;
    }
    announce(`Version ${v.version} ${{ launch: 'launched', pause: 'paused', close: 'closed' }[action]}.`);
    options.onChanged();
  });
  return button;
}

function question(options, v, action, live) {
  const t = options.triggers || {};
  const ways = [...(t.ussd || []).map((c) => `dial ${c}`), ...(t.sms || []).map((k) => `text ${k}`)];
  const who = ways.length ? `People who ${ways.join(' or ')}` : 'People';
  if (action === 'launch') {
    const replaced = live && live.version !== v.version ? ` Version ${live.version} stops taking answers and is closed.` : '';
    return {
      title: `Launch version ${v.version}?`,
      message: `${who} will get version ${v.version}.${replaced} A launched version is never changed: later edits make a new version.`,
      action: 'Launch',
    };
  }
  if (action === 'pause') {
    return { title: `Pause version ${v.version}?`, message: 'Nobody new can start the survey until you launch it again. Answers so far are kept.', action: 'Pause' };
  }
  return {
    title: `Close version ${v.version}?`,
    message: 'The survey stops taking answers for good, and its codes and keywords are freed for other surveys. Answers so far are kept.',
    action: 'Close', danger: true,
  };
}

/** Replaces the panel inside container (after an action or a save). */
export function redrawVersions(container, options) {
  replaceChildren(container, versionsPanel(options));
}
