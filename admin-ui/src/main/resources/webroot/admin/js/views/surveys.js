// The surveys list: each survey's title, id, languages, versions and their status, the live version, how
// people reach it (USSD codes, SMS keywords) and how many started and completed.

import { api } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { showError } from '../form.js';
import { canDesign } from '../session.js';
import { titleText, countText, statusText } from '../text.js';

export async function render(main) {
  const list = h('div', { class: 'survey-list', id: 'survey-list', 'aria-busy': 'true' }, h('p', { class: 'loading' }, 'Loading surveys…'));
  const errors = h('div');
  replaceChildren(main,
    h('div', { class: 'page-head' },
      h('h1', null, 'Surveys'),
      canDesign() ? h('div', { class: 'actions' },
        h('a', { class: 'button button-primary', href: '#/surveys/new', id: 'new-survey' }, 'New survey'),
        h('a', { class: 'button', href: '#/surveys/import', id: 'import-xlsform' }, 'Import XLSForm')) : null),
    errors,
    list);
  let surveys;
  try {
    surveys = await api.get('/surveys');
  } catch (e) {
    list.removeAttribute('aria-busy');
    replaceChildren(list);
    showError(errors, e.message);
    return;
  }
  list.removeAttribute('aria-busy');
  if (!surveys.length) {
    replaceChildren(list, h('div', { class: 'card' },
      h('p', null, 'No surveys yet.'),
      canDesign() ? h('p', null, 'Start with “New survey”, or import a spreadsheet you already use in ODK or KoBoToolbox.') : null));
    return;
  }
  replaceChildren(list, surveys.map(surveyCard));
}

function surveyCard(survey) {
  const title = titleText(survey.title, survey.id);
  const headingId = `survey-${survey.id}-title`;
  const ussd = survey.triggers?.ussd || [];
  const sms = survey.triggers?.sms || [];
  return h('article', { class: 'card survey-item', 'aria-labelledby': headingId, 'data-survey': survey.id },
    h('h2', { id: headingId }, title),
    h('dl', null,
      h('dt', null, 'Survey id'), h('dd', null, h('code', null, survey.id)),
      h('dt', null, 'Languages'), h('dd', null, (survey.languages || []).join(', ') || '—'),
      h('dt', null, 'Versions'), h('dd', null, versionBadges(survey.versions || [])),
      h('dt', null, 'Live version'), h('dd', { 'data-test': 'live-version' },
        survey.liveVersion ? `Version ${survey.liveVersion}` : 'None: nobody can take it yet'),
      h('dt', null, 'Dial (USSD)'), h('dd', null, ussd.length ? ussd.map((c) => h('code', null, c, ' ')) : '—'),
      h('dt', null, 'Text (SMS)'), h('dd', null, sms.length ? sms.map((k) => h('code', null, k, ' ')) : '—'),
      h('dt', null, 'Taking part'), h('dd', { 'data-test': 'participation' },
        `${countText(survey.started)} started, ${countText(survey.completed)} completed`)),
    h('div', { class: 'actions' },
      canDesign() ? h('a', { class: 'button', href: `#/surveys/${encodeURIComponent(survey.id)}/edit`,
        'aria-label': `Edit ${title}`, 'data-test': 'edit-survey' }, 'Edit') : null,
      h('a', { class: 'button', href: `#/surveys/${encodeURIComponent(survey.id)}/results`,
        'aria-label': `Results of ${title}`, 'data-test': 'survey-results' }, 'Results')));
}

function versionBadges(versions) {
  if (!versions.length) return '—';
  return h('span', { class: 'row' }, versions.map((v) => h('span', { class: `badge status-${v.status}` },
    `v${v.version} ${statusText(v.status)}`)));
}
