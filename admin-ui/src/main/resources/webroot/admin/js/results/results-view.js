// The results page of one survey: participation, quota fill, tallies by stratum, data quality, and (for
// designers and admins) downloads and, when the survey has an SMS keyword, invitations by SMS. A version
// picker at the top reloads every panel and download link for one version, or for all of them together
// (the default); the address keeps the choice (#/surveys/{id}/results?version=2).

import { api } from '../api.js';
import { announce, h, replaceChildren } from '../dom.js';
import { replacePath } from '../router.js';
import { canDesign } from '../session.js';
import { titleText } from '../text.js';
import { participationPanels, strataPanel } from './participation.js';
import { quotasPanel } from './quotas.js';
import { talliesPanel } from './tallies.js';
import { qualityPanel } from './quality.js';
import { exportsPanel } from './exports.js';
import { invitePanel } from './invite.js';
import { profileKeys } from './strata.js';
import { chosenVersion, versionPicker, versionWords } from './versions.js';

export async function render(main, params, query) {
  const id = params.id;
  const path = `/surveys/${encodeURIComponent(id)}`;
  const heading = h('h1', null, 'Results');
  replaceChildren(main, heading, h('p', { class: 'loading' }, 'Loading results…'));
  let survey;
  try {
    survey = await api.get(path);
  } catch (e) {
    replaceChildren(main, heading, h('p', { class: 'alert', role: 'alert' }, e.message),
      h('p', null, h('a', { href: '#/surveys' }, 'Back to the surveys')));
    return;
  }
  const latest = survey.latest?.definition || {};
  heading.textContent = `Results: ${titleText(latest.title, id)}`;
  const body = h('div', { id: 'results-body' });
  let version = chosenVersion(query, survey.versions);
  let shown = 0;

  /** Loads and shows every panel for the chosen version; an answer for a version no longer chosen is dropped. */
  const show = async () => {
    const mine = ++shown;
    body.setAttribute('aria-busy', 'true');
    replaceChildren(body, h('p', { class: 'loading' }, `Loading the results of ${versionWords(version)}…`));
    let participation;
    let definition = latest;
    try {
      [participation, definition] = await Promise.all([
        api.get(`${path}/participation`, { version }),
        version ? api.get(`${path}/versions/${version}`).then((v) => v.definition || {}) : Promise.resolve(latest),
      ]);
    } catch (e) {
      if (mine !== shown) return;
      body.removeAttribute('aria-busy');
      replaceChildren(body, h('p', { class: 'alert', role: 'alert' }, e.message));
      return;
    }
    if (mine !== shown) return;
    const keys = profileKeys(definition);
    const t = participation.threshold ?? 5;
    body.removeAttribute('aria-busy');
    replaceChildren(body,
      h('p', { class: 'hint' }, `Counts below ${t} are hidden as “<${t}” so nobody in a small group can be picked out.`),
      participationPanels(participation),
      h('div', { class: 'results-grid' }, quotasPanel(participation, version), strataPanel(id, keys, version)),
      talliesPanel(id, definition, keys, version),
      h('div', { class: 'results-grid' }, qualityPanel(id, version), canDesign() ? exportsPanel(id, keys, version) : null),
      canDesign() && latest.triggers?.sms?.length ? invitePanel(id, profileKeys(latest)) : null);
  };

  const picker = versionPicker(survey.versions, version, (chosen) => {
    version = chosen;
    replacePath(`/surveys/${encodeURIComponent(id)}/results${version ? `?version=${version}` : ''}`);
    announce(`Showing the results of ${versionWords(version)}.`);
    show();
  });
  replaceChildren(main,
    h('div', { class: 'page-head' }, heading,
      canDesign() ? h('a', { class: 'button', href: `#/surveys/${encodeURIComponent(id)}/edit` }, 'Edit the survey') : null),
    picker,
    body);
  await show();
}
