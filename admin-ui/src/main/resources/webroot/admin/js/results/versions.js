// The version picker of the results page: every version that has taken answers (launched, paused or
// closed), newest first, after "All versions" (the default). A survey edited after launch gets a new
// version each time, and a coordinator may want the counts of one of them or of all together.

import { h } from '../dom.js';
import { statusText } from '../text.js';

/** The versions results can be shown for: every one that was ever launched, newest first. */
export function answeredVersions(versions) {
  return (versions || []).filter((v) => v.status !== 'draft').sort((a, b) => b.version - a.version);
}

/** The version named in the address (?version=2) when the survey has it, else '' (all versions). */
export function chosenVersion(query, versions) {
  const asked = query?.get('version') || '';
  return answeredVersions(versions).some((v) => String(v.version) === asked) ? asked : '';
}

/** A labelled select; onChange(version) gets '' for all versions or the version number as text. */
export function versionPicker(versions, selected, onChange) {
  const select = h('select', { id: 'results-version', 'aria-describedby': 'results-version-hint' },
    h('option', { value: '' }, 'All versions'),
    answeredVersions(versions).map((v) => h('option', { value: String(v.version) },
      `Version ${v.version} (${statusText(v.status).toLowerCase()})`)));
  select.value = selected;
  select.addEventListener('change', () => onChange(select.value));
  return h('div', { class: 'field version-picker' },
    h('label', { for: 'results-version' }, 'Show results of'),
    h('p', { class: 'hint', id: 'results-version-hint' },
      'Each edit of a launched survey is a new version. Pick one to count only the people who answered it.'),
    select);
}

/** "version 2" or "all versions", for headings and announcements. */
export function versionWords(version) {
  return version ? `version ${version}` : 'all versions';
}
