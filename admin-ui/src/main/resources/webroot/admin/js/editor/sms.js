// The survey's own SMS follow-ups: quiet hours in a time zone, reminders, the nudge after a dropped USSD
// session, and whether SMS may finish a USSD session. A field left empty is not written, so the gateway's
// option decides it for this survey; the validator checks what is written, as for every other field.

import { h, uid } from '../dom.js';
import { numberInput, section, select, textInput } from './fields.js';

/** Offered when the browser cannot list its time zones; any tz database name may be typed. */
const COMMON_ZONES = ['Africa/Nairobi', 'Africa/Kampala', 'Africa/Dar_es_Salaam', 'Africa/Addis_Ababa', 'Africa/Kigali',
  'Africa/Lagos', 'Africa/Accra', 'Africa/Abidjan', 'Africa/Dakar', 'Africa/Kinshasa', 'Africa/Lusaka', 'Africa/Maputo',
  'Africa/Johannesburg', 'Africa/Cairo', 'Asia/Dhaka', 'Asia/Kathmandu', 'Asia/Kolkata', 'Asia/Karachi', 'Asia/Manila'];

function zones() {
  try {
    return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : COMMON_ZONES;
  } catch {
    return COMMON_ZONES;
  }
}

/** A true/false field that may also be left to the gateway: '' (left out), 'true' or 'false'. */
function onOff(ctx, survey, put, { key, label, yes, no, hint }) {
  return select(ctx, {
    label, path: `sms.${key}`, hint,
    options: [{ value: '', label: 'As the gateway is set' }, { value: 'true', label: yes }, { value: 'false', label: no }],
    get: () => (typeof survey.sms?.[key] === 'boolean' ? String(survey.sms[key]) : survey.sms?.[key]),
    set: (v) => put(key, v === '' ? null : v === 'true'),
  });
}

export function smsSection(ctx) {
  const survey = ctx.survey;
  const sms = () => {
    if (!survey.sms || typeof survey.sms !== 'object' || Array.isArray(survey.sms)) survey.sms = {};
    return survey.sms;
  };
  const put = (key, value) => {
    if (value === null || value === undefined || value === '') delete sms()[key];
    else sms()[key] = value;
    if (!Object.keys(sms()).length) delete survey.sms;
  };
  const zoneList = uid('zones');
  return section('SMS follow-ups', 'sms',
    h('p', { class: 'hint' }, 'Texts Kila sends first: invitations, reminders and the nudge after a dropped USSD session. '
      + 'What you set here is for this survey only; leave a field empty to keep the gateway’s setting.'),
    h('div', { class: 'row' },
      textInput(ctx, {
        label: 'Quiet hours', path: 'sms.quietHours', mono: true, placeholder: '19:00-07:00',
        hint: 'No texts from – until, local time on the 24-hour clock; or none to allow any hour.',
        get: () => survey.sms?.quietHours, set: (v) => put('quietHours', v.trim()),
      }),
      textInput(ctx, {
        label: 'Time zone of the quiet hours', path: 'sms.timeZone', mono: true, placeholder: 'Africa/Nairobi', list: zoneList,
        hint: 'A name such as Africa/Kampala. Needed with quiet hours.',
        get: () => survey.sms?.timeZone, set: (v) => put('timeZone', v.trim()),
      }),
      h('datalist', { id: zoneList }, zones().map((z) => h('option', { value: z })))),
    h('div', { class: 'row' },
      numberInput(ctx, {
        label: 'Reminders (0 to 3)', path: 'sms.reminders', min: 0,
        hint: 'To people invited who have not finished, and to SMS respondents who went quiet.',
        get: () => survey.sms?.reminders, set: (v) => put('reminders', v),
      }),
      textInput(ctx, {
        label: 'Wait before each reminder', path: 'sms.reminderDelay', mono: true, placeholder: '48h',
        hint: 'Hours or days, such as 24h or 3d.',
        get: () => survey.sms?.reminderDelay, set: (v) => put('reminderDelay', v.trim()),
      })),
    h('div', { class: 'row' },
      onOff(ctx, survey, put, {
        key: 'nudge', label: 'SMS nudge after a dropped USSD session',
        yes: 'Yes: one text saying which code to dial', no: 'No: never text after a dropped session',
        hint: 'Say no where a shared phone could show the text to others.',
      }),
      onOff(ctx, survey, put, {
        key: 'finishBySms', label: 'Finish a dropped USSD session by SMS',
        yes: 'Yes: texting the keyword continues it', no: 'No: they are told which code to dial',
      })));
}
