// Puts the editor's sections together into one form, rebuilt whenever the shape of the survey changes
// (a question added, moved, retyped ...), with focus brought back to where the person was.

import { h, replaceChildren } from '../dom.js';
import { generalSection } from './general.js';
import { triggersSection } from './triggers.js';
import { consentSection } from './consent.js';
import { questionsSection } from './questions.js';
import { quotasSection } from './quotas.js';
import { messagesSection } from './messages.js';
import { settingsSection } from './settings.js';
import { smsSection } from './sms.js';

/** The key that finds an element again after a rebuild: its data-key, data-path, or its card's summary. */
function keyOf(el) {
  if (!el || !el.dataset) return null;
  if (el.dataset.key) return `key:${el.dataset.key}`;
  if (el.dataset.path) return `path:${el.dataset.path}`;
  if (el.tagName === 'SUMMARY' && el.parentElement?.dataset.path) return `summary:${el.parentElement.dataset.path}`;
  return null;
}

function find(root, key) {
  const [kind, value] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  const v = CSS.escape(value);
  if (kind === 'summary') return root.querySelector(`[data-path="${v}"] > summary`);
  return root.querySelector(kind === 'key' ? `[data-key="${v}"]` : `[data-path="${v}"]`)
    || root.querySelector(`[data-key="${v}"], [data-path="${v}"]`);
}

/** Builds the form into panel; focusKey (a data-key or data-path) names where focus goes, else it stays. */
export function drawForm(panel, ctx, focusKey) {
  const active = document.activeElement;
  const key = focusKey ? `key:${focusKey}` : (panel.contains(active) ? keyOf(active) : null);
  const form = h('form', { novalidate: true, id: 'survey-form', 'aria-label': 'Survey', onsubmit: (e) => e.preventDefault() },
    h('fieldset', { class: 'plain', disabled: ctx.readOnly },
      h('legend', { class: 'visually-hidden' }, 'Survey definition'),
      generalSection(ctx),
      triggersSection(ctx),
      consentSection(ctx),
      questionsSection(ctx),
      quotasSection(ctx),
      messagesSection(ctx),
      settingsSection(ctx),
      smsSection(ctx)));
  replaceChildren(panel, form);
  const again = key ? find(panel, key) : null;
  if (again) {
    for (let p = again.parentElement; p; p = p.parentElement) if (p.tagName === 'DETAILS') p.open = true;
    again.focus();
  }
}
