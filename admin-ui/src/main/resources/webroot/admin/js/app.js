// Starts the page: restores the session, wires the header, and maps every address to its view. Views are
// loaded when first visited so the first load stays small.

import { onSessionEnded } from './api.js';
import { h, replaceChildren } from './dom.js';
import { refreshHeader } from './header.js';
import { route, start, go, currentPath } from './router.js';
import * as session from './session.js';
import { setSignInMessage, setReturnTo } from './views/signin.js';

const main = document.getElementById('main');

route('/signin', () => import('./views/signin.js'), { open: true });
route('/setup', () => import('./views/setup.js'), { open: true });
route('/surveys', () => import('./views/surveys.js'));
route('/surveys/import', () => import('./views/import.js'));
route('/surveys/new', () => import('./editor/editor-view.js'));
route('/surveys/:id/edit', () => import('./editor/editor-view.js'));
route('/surveys/:id/versions/:version', () => import('./editor/editor-view.js'));
route('/surveys/:id/results', () => import('./results/results-view.js'));
route('/users', () => import('./views/users.js'));
route('/audit', () => import('./views/audit.js'));

/** Sends people who are not signed in to sign-in, and signed-in people away from it. */
function gate(found, path) {
  const signedIn = Boolean(session.user());
  if (!found) return signedIn ? null : '/signin';
  if (!found.open && !signedIn) {
    setReturnTo(path);
    return '/signin';
  }
  if (found.open && signedIn) return '/surveys';
  return null;
}

function notFound(container) {
  replaceChildren(container,
    h('h1', null, 'Page not found'),
    h('p', null, 'There is nothing at this address. ', h('a', { href: '#/surveys' }, 'Go to the surveys')));
}

async function boot() {
  onSessionEnded((message) => {
    session.forget();
    setSignInMessage(message);
    setReturnTo(currentPath());
    refreshHeader();
    go('/signin');
  });
  document.getElementById('sign-out').addEventListener('click', async () => {
    await session.signOut().catch(() => {});
    setSignInMessage('You are signed out.');
    refreshHeader();
    go('/signin');
  });
  document.getElementById('skip-link').addEventListener('click', (event) => {
    event.preventDefault(); // a plain #main would be taken for a route
    main.focus();
  });
  window.addEventListener('hashchange', refreshHeader);
  try {
    await session.restore();
  } catch (e) {
    replaceChildren(main, h('h1', null, 'Kila admin'), h('p', { class: 'alert', role: 'alert' }, e.message));
    return;
  }
  if (!session.user() && !location.hash.startsWith('#/setup')) {
    const { needsSetup } = await import('./views/setup.js');
    if (await needsSetup()) location.replace('#/setup');
  }
  if (!location.hash.startsWith('#/')) location.replace(session.user() ? '#/surveys' : '#/signin');
  refreshHeader();
  start(main, gate, notFound);
}

boot();
