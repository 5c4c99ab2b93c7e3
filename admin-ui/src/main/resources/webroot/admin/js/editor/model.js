// The survey definition as the editor holds it: the plain JSON object of the definition format, edited in
// place, so fields the form does not know (or that a power user wrote in the JSON tab) pass through.

/** The kinds of question, with the words a programme officer would use for them. */
export const QUESTION_TYPES = [
  { value: 'single_choice', label: 'Pick one answer' },
  { value: 'multiple_choice', label: 'Pick several answers' },
  { value: 'yes_no', label: 'Yes or no' },
  { value: 'number', label: 'Number' },
  { value: 'text', label: 'Short text' },
];

export function typeLabel(type) {
  return QUESTION_TYPES.find((t) => t.value === type)?.label || type || 'No type';
}

/** A new survey in English with one question to start from. */
export function blankSurvey() {
  return {
    id: '',
    version: 1,
    title: { en: '' },
    languages: [{ code: 'en', name: 'English' }],
    triggers: { ussd: [], sms: [] },
    questions: [blankQuestion('q1', 'single_choice', ['en'])],
  };
}

export function blankQuestion(id, type, codes) {
  const question = { id, type, text: emptyText(codes) };
  return withTypeFields(question, codes);
}

function emptyText(codes) {
  return Object.fromEntries(codes.map((c) => [c, '']));
}

/** Adds the fields a question of its type needs and drops those it may not have. */
export function withTypeFields(question, codes) {
  const choice = question.type === 'single_choice' || question.type === 'multiple_choice';
  if (choice && !Array.isArray(question.choices)) {
    question.choices = [{ value: '', label: emptyText(codes) }, { value: '', label: emptyText(codes) }];
  }
  if (!choice) delete question.choices;
  if (question.type === 'number') {
    if (question.min === undefined) question.min = 0;
    if (question.max === undefined) question.max = 120;
  } else {
    delete question.min;
    delete question.max;
  }
  if (question.type === 'text') {
    if (question.maxLength === undefined) question.maxLength = 60;
  } else {
    delete question.maxLength;
  }
  if (question.type !== 'number' && question.stratifier) delete question.stratifier.bands;
  return question;
}

/** A question id not yet used: q1, q2 ... */
export function freshQuestionId(survey) {
  const used = new Set((survey.questions || []).map((q) => q.id));
  let n = (survey.questions || []).length + 1;
  while (used.has(`q${n}`)) n += 1;
  return `q${n}`;
}

export function languageCodes(survey) {
  return (survey.languages || []).map((l) => l?.code).filter(Boolean);
}

/** The text of a translatable field in one language; a plain string counts for a one-language survey. */
export function textIn(value, code, survey) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return languageCodes(survey)[0] === code ? value : '';
  return typeof value[code] === 'string' ? value[code] : '';
}

/**
 * Sets one language of a translatable field owner[key], turning a plain string into texts per language.
 * optional: when every language is empty the field is removed (messages fall back to built-in texts).
 */
export function setTextIn(owner, key, code, text, survey, optional = false) {
  let value = owner[key];
  if (typeof value === 'string') value = { [languageCodes(survey)[0]]: value };
  if (!value || typeof value !== 'object') value = {};
  if (text === '' && optional) delete value[code];
  else value[code] = text;
  if (optional && Object.values(value).every((t) => !t)) delete owner[key];
  else owner[key] = value;
}

/** Calls fn(owner, key) for every translatable field of the survey. */
export function forEachText(survey, fn) {
  fn(survey, 'title');
  if (survey.consent) fn(survey.consent, 'text');
  for (const q of survey.questions || []) {
    fn(q, 'text');
    for (const c of q.choices || []) fn(c, 'label');
  }
  if (survey.messages) for (const key of Object.keys(survey.messages)) fn(survey.messages, key);
}

/** Removes a language and every text written in it. */
export function removeLanguage(survey, code) {
  survey.languages = (survey.languages || []).filter((l) => l.code !== code);
  forEachText(survey, (owner, key) => {
    if (owner[key] && typeof owner[key] === 'object') delete owner[key][code];
  });
}

/** The answers a question can be matched on in skip logic and quotas: [{value, label}]. */
export function answerValues(question, survey) {
  if (!question) return [];
  const first = languageCodes(survey)[0];
  if (question.type === 'yes_no') return [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }];
  if (question.type === 'single_choice' || question.type === 'multiple_choice') {
    return (question.choices || []).filter((c) => c.value).map((c) => ({ value: c.value, label: textIn(c.label, first, survey) }));
  }
  return [];
}

/** The stratifier questions: [{key, question}], in survey order. */
export function stratifiers(survey) {
  return (survey.questions || []).filter((q) => q.stratifier?.profileKey)
    .map((q) => ({ key: q.stratifier.profileKey, question: q }));
}

/** The values a profile key can take: its bands, else its answers. */
export function profileValues(question, survey) {
  const bands = question?.stratifier?.bands;
  if (Array.isArray(bands) && bands.length) return bands.filter((b) => b.value).map((b) => ({ value: b.value, label: `${b.min}–${b.max}` }));
  return answerValues(question, survey);
}

/** A stored value made from a label: "Prefer not to say" -> "prefer_not_to_say". */
export function valueFromLabel(label) {
  return label.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40);
}

/** Moves list[index] by step (-1 up, +1 down); false when it cannot move. */
export function move(list, index, step) {
  const to = index + step;
  if (to < 0 || to >= list.length) return false;
  const [item] = list.splice(index, 1);
  list.splice(to, 0, item);
  return true;
}
