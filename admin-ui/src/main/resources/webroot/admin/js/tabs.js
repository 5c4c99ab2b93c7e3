// Tabs in the WAI-ARIA pattern: a tablist of buttons, arrow keys move between them, one panel shows.

import { h } from './dom.js';

/**
 * tabs: [{id, label, panel}]. beforeSelect(id) may return false to stay (the JSON tab while its text is
 * not valid JSON). Returns {element, select(id)}.
 */
export function createTabs(label, tabs, beforeSelect = () => true, onSelect = () => {}) {
  const buttons = tabs.map((t) => h('button', {
    type: 'button', role: 'tab', id: `tab-${t.id}`, 'aria-controls': `panel-${t.id}`,
  }, t.label));
  tabs.forEach((t) => {
    t.panel.id = `panel-${t.id}`;
    t.panel.setAttribute('role', 'tabpanel');
    t.panel.setAttribute('aria-labelledby', `tab-${t.id}`);
  });
  let current = null;
  const select = (id, focus = false) => {
    if (current && id !== current && beforeSelect(id) === false) return;
    current = id;
    tabs.forEach((t, i) => {
      const on = t.id === id;
      buttons[i].setAttribute('aria-selected', String(on));
      buttons[i].tabIndex = on ? 0 : -1;
      t.panel.hidden = !on;
      if (on && focus) buttons[i].focus();
    });
    onSelect(id);
  };
  buttons.forEach((b, i) => {
    b.addEventListener('click', () => select(tabs[i].id));
    b.addEventListener('keydown', (e) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
      if (!step) return;
      e.preventDefault();
      select(tabs[(i + step + tabs.length) % tabs.length].id, true);
    });
  });
  select(tabs[0].id);
  return { element: h('div', { class: 'tabs', role: 'tablist', 'aria-label': label }, buttons), select, current: () => current };
}
