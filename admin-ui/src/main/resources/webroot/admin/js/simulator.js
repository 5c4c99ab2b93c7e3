// The phone simulator beside the editor: runs the current draft through the real engine and renderer
// (POST /api/simulate, nothing stored) over USSD or SMS, on a screen about as wide as a basic phone's,
// with the characters, encoding and SMS segments of each screen.

import { api } from './api.js';
import { h, uid, replaceChildren, announce } from './dom.js';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];
const KEY_NAMES = { '*': 'star', '#': 'hash' };

/** getDefinition() returns the draft to run, or null while it cannot be read (broken JSON). */
export function createSimulator({ getDefinition, languages }) {
  let channel = 'ussd';
  let state = null;
  let running = false;
  let stale = false;

  const screen = h('div', { class: 'phone-screen', id: 'sim-screen', role: 'log', 'aria-live': 'polite', tabindex: '0', 'aria-label': 'Phone screen' },
    h('pre', null, 'Press Start to dial the survey.'));
  const meter = h('p', { class: 'phone-meter', id: 'sim-meter', 'aria-live': 'polite' }, ' ');
  const input = h('input', { type: 'text', id: 'sim-input', autocomplete: 'off', inputmode: 'numeric', disabled: true, 'aria-describedby': 'sim-meter' });
  const send = h('button', { type: 'submit', id: 'sim-send', class: 'button-primary', disabled: true }, 'Send');
  const restart = h('button', { type: 'button', id: 'sim-restart', class: 'button-primary' }, 'Start');
  const notice = h('div', { id: 'sim-notice' });
  const events = h('ol', { id: 'sim-events' });
  const language = h('select', { id: 'sim-language' });

  const channelName = uid('ch');
  const channelRadio = (value, label) => h('label', { for: `sim-channel-${value}` },
    h('input', { type: 'radio', name: channelName, id: `sim-channel-${value}`, value, checked: value === channel,
      onchange: () => { channel = value; input.inputMode = value === 'sms' ? 'text' : 'numeric'; start(); } }),
    h('span', null, label));

  const answerForm = h('form', { class: 'phone-answer', 'aria-label': 'Answer on the phone' },
    h('label', { for: input.id, class: 'visually-hidden' }, 'Your answer'), input, send);
  answerForm.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!running || !input.value.trim()) return;
    const text = input.value.trim();
    input.value = '';
    step(text);
  });
  restart.addEventListener('click', () => start());

  const keys = h('div', { class: 'phone-keys', role: 'group', 'aria-label': 'Keypad' }, KEYS.map((k) => h('button', {
    type: 'button', 'aria-label': KEY_NAMES[k] || k, disabled: true,
    onclick: () => { input.value += k; input.focus(); },
  }, k)));

  const element = h('section', { class: 'panel simulator', id: 'simulator', 'aria-labelledby': 'sim-title' },
    h('h2', { id: 'sim-title' }, 'Try it on a phone'),
    h('div', { class: 'sim-controls' },
      h('fieldset', { class: 'plain' }, h('legend', null, 'Channel'),
        h('div', { class: 'segmented' }, channelRadio('ussd', 'USSD'), channelRadio('sms', 'SMS'))),
      h('div', { class: 'field' }, h('label', { for: language.id }, 'Language'), language)),
    notice,
    h('div', { class: 'phone' }, screen, meter, answerForm, keys),
    h('div', { class: 'actions' }, restart),
    h('details', { class: 'sim-events' }, h('summary', null, 'What the survey recorded'), events));

  function setLanguages(list) {
    const chosen = language.value;
    replaceChildren(language, h('option', { value: '' }, 'Let the phone ask'),
      list.map((l) => h('option', { value: l.code, selected: l.code === chosen }, l.name || l.code)));
  }
  setLanguages(languages());
  language.addEventListener('change', () => start());

  function enable(on) {
    running = on;
    input.disabled = !on;
    send.disabled = !on;
    for (const b of keys.querySelectorAll('button')) b.disabled = !on;
  }

  function show(answer, typed) {
    if (channel === 'sms') {
      if (!typed) replaceChildren(screen);
      screen.append(h('div', { class: 'sms-in' }, h('pre', null, answer.screen)));
    } else {
      replaceChildren(screen, h('pre', null, answer.screen));
    }
    if (answer.done) screen.append(h('p', { class: 'ended' }, channel === 'ussd' ? 'Session ended.' : 'No more messages.'));
    screen.scrollTop = screen.scrollHeight;
    const over = answer.limit && answer.chars > answer.limit;
    meter.classList.toggle('over', Boolean(over));
    meter.textContent = `${answer.chars} / ${answer.limit} characters · ${answer.encoding}`
      + (channel === 'sms' ? ` · ${answer.segments} SMS` : '') + (over ? ' · too long!' : '');
    for (const ev of answer.events || []) events.append(h('li', null, eventText(ev)));
  }

  async function call(typed) {
    const definition = getDefinition();
    if (!definition) {
      replaceChildren(notice, h('p', { class: 'notice' }, 'The JSON is not valid yet, so the phone cannot run it.'));
      return null;
    }
    try {
      return await api.post('/simulate', { definition, channel, state, input: typed, language: language.value || null });
    } catch (e) {
      enable(false);
      const count = e.problems?.length;
      replaceChildren(notice, h('p', { class: 'alert', role: 'alert' },
        count ? `Fix the ${count} problem${count === 1 ? '' : 's'} in the survey first, then press Restart.` : e.message));
      return null;
    }
  }

  async function start() {
    state = null;
    stale = false;
    replaceChildren(notice);
    replaceChildren(events);
    replaceChildren(screen, h('pre', null, channel === 'ussd' ? 'Dialling…' : 'Sending the keyword…'));
    restart.textContent = 'Restart';
    const answer = await call(null);
    if (!answer) return;
    state = answer.state;
    show(answer, null);
    enable(!answer.done);
    if (!answer.done) input.focus();
  }

  async function step(text) {
    if (channel === 'sms') screen.append(h('div', { class: 'sms-out' }, h('pre', null, text)));
    else replaceChildren(screen, h('pre', null, 'Sending…'));
    const answer = await call(text);
    if (!answer) return;
    state = answer.state;
    show(answer, text);
    enable(!answer.done);
    if (answer.done) announce('The survey ended on the phone.');
  }

  return {
    element,
    /** The draft changed: a run in progress is of the old draft, so say so. */
    draftChanged() {
      setLanguages(languages());
      if (state && !stale) {
        stale = true;
        replaceChildren(notice, h('p', { class: 'notice' }, 'The survey changed. Press Restart to try the new version.'));
      }
    },
  };
}

function eventText(ev) {
  const { type, ...rest } = ev;
  const detail = Object.entries(rest).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`).join(', ');
  return detail ? `${type} (${detail})` : type;
}
