// The survey editor page: the form (or JSON) on one side and the phone simulator on the other, checked as
// it is typed, saved as a draft, launched from the versions list. A launched version opens read-only with
// "Edit as new version", because answers stay tied to the version people saw.

import { api } from '../api.js';
import { h, replaceChildren, announce } from '../dom.js';
import { showError, showSuccess, busy } from '../form.js';
import { confirmAction } from '../confirm.js';
import { setLeaveGuard, replacePath, go } from '../router.js';
import { canDesign } from '../session.js';
import { createSimulator } from '../simulator.js';
import { createTabs } from '../tabs.js';
import { titleText, statusText } from '../text.js';
import { blankSurvey } from './model.js';
import { takeHandedOver } from './handoff.js';
import { drawForm } from './form-view.js';
import { createJsonView } from './json-view.js';
import { applyProblems, reveal } from './problems.js';
import { createValidation } from './validation.js';
import { redrawVersions } from './versions.js';

export async function render(main, params) {
  if (!canDesign()) {
    location.replace(params.id ? `#/surveys/${encodeURIComponent(params.id)}/results` : '#/surveys');
    return null;
  }
  const state = await load(main, params);
  if (!state) return null;
  return editor(main, state);
}

/** Reads the survey (or starts a new one); null after showing why it could not. */
async function load(main, params) {
  if (!params.id) {
    const survey = takeHandedOver() || blankSurvey();
    return { id: null, isNew: true, survey, status: 'new', versions: [], saved: '' };
  }
  const id = encodeURIComponent(params.id);
  try {
    const info = await api.get(`/surveys/${id}`);
    const one = params.version ? await api.get(`/surveys/${id}/versions/${encodeURIComponent(params.version)}`) : info.latest;
    return {
      id: params.id, isNew: false, survey: one.definition, status: one.status, versions: info.versions || [],
      saved: JSON.stringify(one.definition),
    };
  } catch (e) {
    replaceChildren(main, h('h1', null, 'Survey not found'), h('p', { class: 'alert', role: 'alert' }, e.message),
      h('p', null, h('a', { href: '#/surveys' }, 'Back to the surveys')));
    return null;
  }
}

function editor(main, state) {
  let problems = [];
  let warnings = [];
  let readOnly = state.status !== 'draft' && state.status !== 'new';
  let brokenJson = null;

  const heading = h('h1', { id: 'editor-title' });
  const statusLine = h('p', { class: 'hint', id: 'editor-status' });
  const checkStatus = h('p', { class: 'check-status', id: 'check-status', role: 'status' });
  const saveMessage = h('div', { id: 'save-message' });
  const saveButton = h('button', { type: 'button', class: 'button-primary', id: 'save-draft' }, 'Save draft');
  const banner = h('div', { id: 'readonly-banner' });
  const versionsBox = h('div', { id: 'versions-box' });
  const summary = h('div', { id: 'problem-summary' });
  const formPanel = h('div');
  const jsonPanel = h('div');
  const editorBox = h('div', { id: 'editor-panels' });

  const ctx = {
    get survey() { return state.survey; },
    get readOnly() { return readOnly; },
    isNew: state.isNew,
    changed,
    rerender,
    confirm: confirmAction,
  };

  let pending = null;
  function rerender(focusKey) {
    // After the event that asked for it, so a Tab that left a field has already moved focus.
    pending = pending ?? focusKey ?? null;
    setTimeout(() => {
      const key = pending;
      pending = null;
      drawForm(formPanel, ctx, key);
      showProblems();
    }, 0);
  }

  const unsaved = () => JSON.stringify(state.survey) !== state.saved || brokenJson !== null;

  let wasUnsaved = false;
  function changed() {
    validation.schedule();
    simulator.draftChanged();
    drawHeading();
    // Launch waits for a save: redraw the versions when the draft starts or stops differing from it.
    if (unsaved() !== wasUnsaved) {
      wasUnsaved = unsaved();
      drawVersions();
    }
  }

  function drawHeading() {
    heading.textContent = state.isNew && !titleText(state.survey.title) ? 'New survey' : titleText(state.survey.title, state.id || 'New survey');
    const status = state.status === 'new' ? 'not saved yet' : statusText(state.status);
    statusLine.textContent = `Version ${state.survey.version ?? '?'} · ${status}${!readOnly && unsaved() ? ' · unsaved changes' : ''}`;
    saveButton.hidden = readOnly;
  }

  function showProblems() {
    applyProblems(editorBox, summary, problems, warnings, state.survey, revealInForm);
  }

  function revealInForm(target) {
    if (jsonPanel.contains(target) && jsonPanel.hidden) tabs.select('json');
    if (formPanel.contains(target) && formPanel.hidden) tabs.select('form');
    reveal(target);
  }

  const validation = createValidation({
    body: () => brokenJson ?? state.survey,
    onChecking: () => { checkStatus.className = 'check-status'; checkStatus.textContent = 'Checking…'; },
    onResult: (p, w) => {
      problems = p;
      warnings = w;
      checkStatus.className = `check-status ${p.length ? 'bad' : 'ok'}`;
      checkStatus.textContent = p.length ? `${p.length} problem${p.length === 1 ? '' : 's'} found` : 'No problems found';
      showProblems();
    },
    onError: (e) => { checkStatus.className = 'check-status bad'; checkStatus.textContent = `Could not check: ${e.message}`; },
  });

  const jsonView = createJsonView({
    readOnly,
    onParsed: (parsed) => { brokenJson = null; state.survey = parsed; changed(); },
    onBroken: (text) => { brokenJson = text; changed(); },
  });
  jsonPanel.append(jsonView.element);

  const tabs = createTabs('Edit as', [
    { id: 'form', label: 'Form', panel: formPanel },
    { id: 'json', label: 'JSON', panel: jsonPanel },
  ], (next) => {
    if (next === 'form' && jsonView.isBroken()) {
      showError(saveMessage, 'The JSON is not valid yet. Fix it (or undo) before going back to the form.');
      return false;
    }
    return true;
  }, (id) => {
    if (id === 'json') {
      jsonView.show(state.survey);
    } else {
      drawForm(formPanel, ctx);
      showProblems();
    }
  });

  const simulator = createSimulator({
    getDefinition: () => (brokenJson === null ? state.survey : null),
    languages: () => (state.survey.languages || []).filter((l) => l?.code),
  });

  function drawBanner() {
    if (!readOnly) {
      replaceChildren(banner);
      return;
    }
    const latest = Math.max(0, ...state.versions.map((v) => v.version));
    replaceChildren(banner, h('div', { class: 'notice readonly-banner' },
      h('p', null, `Version ${state.survey.version} is ${statusText(state.status).toLowerCase()}. It cannot be changed, so every answer stays tied to what people saw.`),
      h('button', {
        type: 'button', id: 'edit-new-version',
        onclick: () => {
          readOnly = false;
          state.survey.version = latest + 1;
          state.status = 'new';
          jsonView.element.querySelector('textarea').readOnly = false;
          replacePath(`/surveys/${encodeURIComponent(state.id)}/edit`);
          drawBanner();
          drawForm(formPanel, ctx, 'path:title');
          changed();
          showProblems();
          announce(`Editing a new version ${state.survey.version}. Save it as a draft, then launch it.`);
        },
      }, 'Edit as new version')));
  }

  function drawVersions() {
    if (state.isNew) {
      replaceChildren(versionsBox);
      return;
    }
    redrawVersions(versionsBox, {
      surveyId: state.id, versions: state.versions, editing: state.survey.version, unsaved,
      triggers: state.survey.triggers, onChanged: reloadVersions,
    });
  }

  async function reloadVersions() {
    const info = await api.get(`/surveys/${encodeURIComponent(state.id)}`);
    state.versions = info.versions || [];
    const mine = state.versions.find((v) => v.version === state.survey.version);
    if (mine) state.status = mine.status;
    readOnly = state.status !== 'draft' && state.status !== 'new';
    jsonView.element.querySelector('textarea').readOnly = readOnly;
    drawBanner();
    drawVersions();
    drawForm(formPanel, ctx);
    drawHeading();
    showProblems();
  }

  saveButton.addEventListener('click', () => save());
  async function save() {
    showError(saveMessage, null);
    if (brokenJson !== null) {
      showError(saveMessage, 'The JSON is not valid yet, so there is nothing to save.');
      return;
    }
    let answer;
    try {
      answer = await busy(saveButton, 'Saving…', () => (state.isNew
        ? api.post('/surveys', state.survey)
        : api.put(`/surveys/${encodeURIComponent(state.id)}/draft`, state.survey)));
    } catch (e) {
      if (e.problems.length) {
        problems = e.problems;
        showProblems();
      }
      showError(saveMessage, e.message);
      summary.querySelector('h2')?.setAttribute('tabindex', '-1');
      return;
    }
    state.survey.version = answer.version;
    state.saved = JSON.stringify(state.survey);
    state.status = 'draft';
    showSuccess(saveMessage, `Saved as draft version ${answer.version}.`);
    if (state.isNew) {
      go(`/surveys/${encodeURIComponent(answer.id)}/edit`);
      return;
    }
    await reloadVersions();
  }

  setLeaveGuard((unloading) => {
    if (readOnly || !unsaved()) return true;
    if (unloading) return false;
    return window.confirm('This survey has changes that are not saved. Leave without saving?');
  });

  replaceChildren(main,
    h('div', { class: 'page-head' },
      h('div', null, heading, statusLine),
      h('div', { class: 'actions' }, checkStatus, saveButton,
        state.id ? h('a', { class: 'button', href: `#/surveys/${encodeURIComponent(state.id)}/results` }, 'Results') : null)),
    saveMessage,
    banner,
    h('div', { class: 'editor-layout' },
      h('div', { class: 'editor-main' }, versionsBox, summary, tabs.element, editorBox),
      h('aside', { class: 'editor-side', 'aria-label': 'Phone simulator' }, simulator.element)));
  editorBox.append(formPanel, jsonPanel);
  drawBanner();
  drawVersions();
  drawHeading();
  validation.now();
  return () => validation.stop();
}
