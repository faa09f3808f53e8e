// What the reports and churn-list pages share: the macro-regions and provinces of a cube as one
// <select> with a group per macro-region, the months the warehouse holds (newest first), and
// fetching a document (a report, a CSV) to show or save, with the API's problem on failure.
// Region captions are cached per cube and language.

import { api, h, handleAuthFailure, t } from './telecube.js';

const cache = new Map();

/** {macros: [{key, caption}], provinces: {macroKey: [{key, caption}]}} of {@code cube} in {@code lang}. */
export async function loadRegions(cube, lang) {
  const id = cube + '|' + lang;
  if (!cache.has(id)) {
    const base = '/api/cubes/' + encodeURIComponent(cube) + '/members/';
    const locale = 'locale=' + encodeURIComponent(lang);
    const macros = (await api(base + 'region.macro_region?' + locale)).members;
    const lists = await Promise.all(macros.map((m) =>
      api(base + 'region.province?parent=' + encodeURIComponent(m.key) + '&' + locale).then((r) => r.members)));
    const provinces = {};
    macros.forEach((m, i) => {
      provinces[m.key] = lists[i];
    });
    cache.set(id, { macros, provinces });
  }
  return cache.get(id);
}

/** The months of {@code cube}, newest first (YYYY-MM). */
export async function loadMonths(cube) {
  const answer = await api('/api/cubes/' + encodeURIComponent(cube) + '/members/time.month');
  return answer.members.map((m) => m.key).sort().reverse();
}

/** Fills {@code select} with the country, each macro-region and its provinces; keeps {@code selected}. */
export function fillRegionSelect(select, regions, selected, { allLabel = 'scope.nationwide' } = {}) {
  const options = [h('option', { value: '' }, t(allLabel))];
  for (const macro of regions.macros) {
    const group = h('optgroup', { label: macro.caption },
      h('option', { value: macro.key }, t('scope.wholeRegion', { name: macro.caption })));
    for (const p of regions.provinces[macro.key] || []) {
      group.append(h('option', { value: p.key }, p.caption));
    }
    options.push(group);
  }
  select.replaceChildren(...options);
  select.value = selected || '';
  if (select.value !== (selected || '')) {
    select.value = '';
  }
}

/** Fills {@code select} with months; keeps {@code selected} when it is one of them, else the newest. */
export function fillMonthSelect(select, months, selected) {
  select.replaceChildren(...months.map((m) => h('option', { value: m }, m)));
  select.value = months.includes(selected) ? selected : months[0] || '';
}

/**
 * Fetches a document (a report or an export). Resolves to {blob, filename}; rejects with the API's
 * problem as an ApiError-like {detail, field, code, status}, so the page can show it.
 */
export async function fetchDocument(url) {
  let response;
  try {
    response = await fetch(url);
  } catch {
    throw { detail: t('error.network'), status: 0 };
  }
  if (!response.ok) {
    let problem = {};
    try {
      problem = await response.json();
    } catch {
      // not JSON: the status says enough
    }
    handleAuthFailure(response.status, problem.code || null);
    throw { status: response.status, detail: problem.detail || t('error.http', { status: response.status }),
      field: problem.field || null, code: problem.code || null };
  }
  const disposition = response.headers.get('Content-Disposition') || '';
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="([^"]+)"/i.exec(disposition);
  const filename = utf8 ? decodeURIComponent(utf8[1]) : plain ? plain[1] : 'download';
  return { blob: await response.blob(), filename };
}

/** Saves {@code blob} as a download named {@code filename}. */
export function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
