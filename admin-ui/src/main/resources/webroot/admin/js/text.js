// Plain-words formatting shared by the pages: counts that may be hidden, dates, survey titles, statuses.

/** A survey title that may be one string or texts per language: the first language's text. */
export function titleText(title, fallback = '') {
  if (!title) return fallback;
  if (typeof title === 'string') return title;
  const first = Object.values(title).find((t) => t && t.trim());
  return first || fallback;
}

/** A count the server may have hidden (null) to protect small groups: "<5" then. */
export function countText(count, threshold = 5) {
  if (count === null || count === undefined) return `<${threshold}`;
  return Number(count).toLocaleString('en');
}

export function percentText(percent) {
  if (percent === null || percent === undefined) return '';
  return `${Number(percent).toFixed(Number(percent) % 1 === 0 ? 0 : 1)}%`;
}

/** "23 Nov 2026, 14:05" in the reader's time zone, or "" when absent. */
export function dateTimeText(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return d.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function dayText(iso) {
  const d = new Date(`${iso}T00:00:00`);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' });
}

/** What each version status means, in words for people who run programmes, not software. */
export const STATUS_WORDS = {
  draft: 'Draft',
  launched: 'Live',
  paused: 'Paused',
  closed: 'Closed',
};

export function statusText(status) {
  return STATUS_WORDS[status] || status;
}
