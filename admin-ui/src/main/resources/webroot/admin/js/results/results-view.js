// The results page of one survey: participation, quota fill, tallies by stratum, data quality, and (for
// designers and admins) downloads.

import { api } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { canDesign } from '../session.js';
import { titleText } from '../text.js';
import { participationPanels, strataPanel } from './participation.js';
import { quotasPanel } from './quotas.js';
import { talliesPanel } from './tallies.js';
import { qualityPanel } from './quality.js';
import { exportsPanel } from './exports.js';
import { profileKeys } from './strata.js';

export async function render(main, params) {
  const id = params.id;
  const heading = h('h1', null, 'Results');
  replaceChildren(main, heading, h('p', { class: 'loading' }, 'Loading results…'));
  let survey;
  let participation;
  try {
    [survey, participation] = await Promise.all([
      api.get(`/surveys/${encodeURIComponent(id)}`),
      api.get(`/surveys/${encodeURIComponent(id)}/participation`),
    ]);
  } catch (e) {
    replaceChildren(main, heading, h('p', { class: 'alert', role: 'alert' }, e.message),
      h('p', null, h('a', { href: '#/surveys' }, 'Back to the surveys')));
    return;
  }
  const definition = survey.latest?.definition || {};
  const keys = profileKeys(definition);
  heading.textContent = `Results: ${titleText(definition.title, id)}`;
  replaceChildren(main,
    h('div', { class: 'page-head' }, heading,
      canDesign() ? h('a', { class: 'button', href: `#/surveys/${encodeURIComponent(id)}/edit` }, 'Edit the survey') : null),
    h('p', { class: 'hint' }, `Counts below ${participation.threshold ?? 5} are hidden as “<${participation.threshold ?? 5}” so nobody in a small group can be picked out.`),
    participationPanels(participation),
    h('div', { class: 'results-grid' }, quotasPanel(participation), strataPanel(id, keys)),
    talliesPanel(id, definition, keys),
    h('div', { class: 'results-grid' }, qualityPanel(id), canDesign() ? exportsPanel(id, keys) : null));
}
