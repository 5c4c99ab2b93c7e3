// The header's navigation and account line, which follow the signed-in user and the current page.

import { currentPath } from './router.js';
import * as session from './session.js';

/** Shows the navigation and account for the signed-in user (or hides them) and marks the current section. */
export function refreshHeader() {
  const who = session.user();
  document.getElementById('main-nav').hidden = !who;
  document.getElementById('account').hidden = !who;
  document.getElementById('account-name').textContent = who ? `${who.email} (${who.role})` : '';
  for (const item of document.querySelectorAll('[data-role="admin"]')) item.hidden = !session.isAdmin();
  const section = currentPath().split('/')[1];
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}
