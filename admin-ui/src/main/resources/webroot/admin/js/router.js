// Hash routing (#/surveys/youth-voice-ke/edit): a table of path patterns to views, a guard a view can set
// so unsaved work is not lost by a click on a link, and focus moved to the new page's heading.

const routes = [];
let guard = null;
let cleanup = null;
let current = '';
let restoring = false;
let showPage = () => {};

/**
 * pattern: '/surveys/:id/edit'. load: () => import('./views/x.js'), whose module exports render(main,
 * params, query) returning an optional cleanup function. open: true for pages shown before sign-in.
 */
export function route(pattern, load, options = {}) {
  const names = [];
  const regex = new RegExp(`^${pattern.replace(/:([a-z]+)/gi, (_, name) => {
    names.push(name);
    return '([^/]+)';
  })}$`);
  routes.push({ regex, names, load, open: Boolean(options.open) });
}

/** fn() returns true when the current page may be left (after asking the person if need be). */
export function setLeaveGuard(fn) {
  guard = fn;
}

export function go(path) {
  if (location.hash === `#${path}`) {
    show();
  } else {
    location.hash = path;
  }
}

/** Changes the address to path without showing the page again (the page already shows it). */
export function replacePath(path) {
  history.replaceState(null, '', `#${path}`);
  current = location.hash;
}

export function currentPath() {
  return parse(location.hash).path;
}

function parse(hash) {
  const text = hash.replace(/^#/, '') || '/';
  const [path, qs] = text.split('?');
  return { path, query: new URLSearchParams(qs || '') };
}

function match(path) {
  for (const r of routes) {
    const m = r.regex.exec(path);
    if (m) {
      const params = {};
      r.names.forEach((name, i) => { params[name] = decodeURIComponent(m[i + 1]); });
      return { route: r, params };
    }
  }
  return null;
}

/** Starts listening; gate(route, path) returns a path to go to instead (for sign-in) or null. */
export function start(main, gate, notFound) {
  const onChange = () => {
    if (restoring) {
      restoring = false;
      return;
    }
    if (!location.hash.startsWith('#/')) return;
    if (guard && location.hash !== current && !guard()) {
      restoring = true;
      location.hash = current;
      return;
    }
    show();
  };
  window.addEventListener('hashchange', onChange);
  window.addEventListener('beforeunload', (event) => {
    if (guard && !guard(true)) event.preventDefault();
  });
  showPage = async () => {
    const { path, query } = parse(location.hash);
    const found = match(path);
    const redirect = gate(found?.route, path);
    if (redirect) {
      location.replace(`#${redirect}`);
      return;
    }
    current = location.hash;
    if (cleanup) cleanup();
    cleanup = null;
    guard = null;
    main.replaceChildren();
    const module = found ? await found.route.load() : null;
    if (current !== location.hash) return; // another link was followed while this page loaded
    cleanup = module ? await module.render(main, found.params, query) : notFound(main);
    focusHeading(main);
  };
  show();
}

/** Renders the page the address names, again. */
export function show() {
  return showPage();
}

function focusHeading(main) {
  const heading = main.querySelector('h1');
  document.title = heading ? `${heading.textContent} · Kila admin` : 'Kila admin';
  if (document.activeElement && document.activeElement !== document.body && main.contains(document.activeElement)) {
    return; // the page put focus somewhere on purpose (the first field of a form)
  }
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: false });
  }
}
