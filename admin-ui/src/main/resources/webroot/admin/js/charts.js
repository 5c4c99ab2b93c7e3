// Small charts drawn by hand (SVG and CSS), for people who would rather look than read: bars over days,
// horizontal bars, and fill against a target. Each chart comes with its numbers as text or a table, so
// nothing is shown only as a picture.

import { h, svg, uid } from './dom.js';
import { countText } from './text.js';

/**
 * Grouped vertical bars, one group per label (a day), one bar per series (started, completed).
 * series: [{name, className, values: [n or null]}]. Hidden (null) values draw no bar.
 */
export function columnChart({ title, labels, series, threshold }) {
  // A small drawing space, so the labels stay readable when the chart is scaled down to a phone.
  const width = 400;
  const height = 200;
  const pad = { left: 34, right: 6, top: 10, bottom: 28 };
  const max = Math.max(1, ...series.flatMap((s) => s.values.filter((v) => v !== null && v !== undefined)));
  const top = niceCeiling(max);
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const groupW = plotW / Math.max(1, labels.length);
  const barW = Math.max(2, (groupW * 0.8) / series.length);
  const y = (v) => pad.top + plotH - (v / top) * plotH;
  const titleId = uid('ct');
  const ticks = [0, top / 2, top];
  const every = Math.ceil(labels.length / 7); // at most seven day labels, so they never overlap
  return h('figure', { class: 'chart-figure' },
    svg('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': titleId },
      svg('title', { id: titleId }, title),
      ticks.map((t) => [
        svg('line', { class: 'grid', x1: pad.left, x2: width - pad.right, y1: y(t), y2: y(t) }),
        svg('text', { x: pad.left - 6, y: y(t) + 4, 'text-anchor': 'end' }, String(Math.round(t))),
      ]),
      labels.map((label, i) => [
        series.map((s, k) => {
          const v = s.values[i];
          if (v === null || v === undefined) return null;
          return svg('rect', {
            class: s.className, x: pad.left + i * groupW + groupW * 0.1 + k * barW, y: y(v), width: barW - 1, height: Math.max(0, y(0) - y(v)),
          }, svg('title', null, `${label}: ${countText(v, threshold)} ${s.name}`));
        }),
        i % every === 0 ? svg('text', { x: pad.left + i * groupW + groupW / 2, y: height - pad.bottom + 16, 'text-anchor': 'middle' }, label) : null,
      ]),
      svg('line', { class: 'axis', x1: pad.left, x2: width - pad.right, y1: y(0), y2: y(0) })),
    h('ul', { class: 'legend' }, series.map((s) => h('li', null, h('span', { class: `swatch ${s.className}` }), s.name))),
    h('details', null, h('summary', null, 'Show the numbers'),
      h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': title }, h('table', null,
        h('caption', { class: 'visually-hidden' }, title),
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Day'), series.map((s) => h('th', { scope: 'col', class: 'num' }, s.name)))),
        h('tbody', null, labels.map((label, i) => h('tr', null, h('th', { scope: 'row' }, label),
          series.map((s) => h('td', { class: 'num' }, countText(s.values[i], threshold))))))))));
}

function niceCeiling(n) {
  const step = 10 ** Math.floor(Math.log10(n));
  return Math.ceil(n / step) * step;
}

/** Horizontal bars with their numbers written beside them. items: [{label, value (or null), note}]. */
export function barList(items, { threshold, id } = {}) {
  const max = Math.max(1, ...items.map((i) => i.value ?? 0));
  return h('ul', { class: 'hbar-list', id }, items.map((item) => h('li', null,
    h('div', { class: 'hbar-label' }, h('span', null, item.label),
      h('strong', null, countText(item.value, threshold), item.note ? h('span', { class: 'hint' }, ` ${item.note}`) : null)),
    h('div', { class: 'hbar-track', 'aria-hidden': 'true' },
      h('div', { class: 'hbar-fill', style: { width: `${((item.value ?? 0) / max) * 100}%` } })))));
}

/**
 * Progress towards a target, with the part still missing highlighted. completed may be null (hidden:
 * fewer than the threshold), drawn as an empty bar.
 */
export function targetBar({ label, completed, target, threshold }) {
  const done = completed ?? 0;
  const share = target > 0 ? Math.min(1, done / target) : 1;
  const gap = Math.max(0, target - done);
  const words = completed === null || completed === undefined
    ? `${countText(null, threshold)} of ${target}`
    : `${countText(completed)} of ${target}`;
  return h('li', null,
    h('div', { class: 'hbar-label' }, h('span', null, label),
      h('span', null, h('strong', null, words), ' · ',
        gap > 0 ? h('span', { class: 'gap-text' }, `${completed === null ? 'at least ' : ''}${completed === null ? target - threshold + 1 : gap} to go`)
          : h('span', { class: 'met-text' }, 'target met'))),
    h('div', { class: 'hbar-track', 'aria-hidden': 'true' },
      h('div', { class: 'hbar-fill', style: { width: `${share * 100}%` } }),
      gap > 0 ? h('div', { class: 'hbar-gap', style: { left: `${share * 100}%`, width: `${(1 - share) * 100}%` } }) : null));
}
