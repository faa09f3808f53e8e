// What the reports, churn-list and schedule pages share: the macro-regions and provinces of a cube as
// one <select> with a group per macro-region, the months the warehouse holds (newest first), and
// fetching a document (a report, a CSV) to show or save, with the API's problem on failure.
// A user bound to a province or a city is offered that region (and a province's cities), never the
// country or the macro-regions above it, which the server would refuse.
// Region captions are cached per cube and language.

import { addMessages, api, h, handleAuthFailure, t } from './telecube.js';
import { userScope } from './session.js';

addMessages({
  'zh-CN': {
    'scope.wholeProvince': '{name}（全省）',
  },
  en: {
    'scope.wholeProvince': '{name} (whole province)',
  },
});

const cache = new Map();

/** "region.province" for a scope level given as "region.province" or "province". */
function qualified(level) {
  return level.includes('.') ? level : 'region.' + level;
}

/**
 * The regions a user bound to a province or city may pick: {key, caption, level, children}, the
 * captions in {@code lang} (the scope's own caption when the members cannot be read).
 */
async function scopedRegions(base, locale, scope) {
  const level = qualified(scope.level);
  let caption = scope.caption || scope.key;
  let children = [];
  try {
    const own = (await api(base + level + '?' + locale)).members.find((m) => m.key === scope.key);
    caption = own ? own.caption : caption;
    if (level === 'region.province') {
      children = (await api(base + 'region.city?parent=' + encodeURIComponent(scope.key) + '&' + locale)).members;
    }
  } catch {
    // the scope alone, captioned as /api/me gave it
  }
  return { key: scope.key, caption, level, children };
}

/**
 * {macros: [{key, caption}], provinces: {macroKey: [{key, caption}]}, scoped: null|{key, caption,
 * level, children}, names: Map key -> caption} of {@code cube} in {@code lang}. For a user bound
 * to a province or city, {@code scoped} is what the pickers offer instead of the country.
 */
export async function loadRegions(cube, lang) {
  const scope = userScope();
  const id = cube + '|' + lang + '|' + (scope ? scope.key : '');
  if (!cache.has(id)) {
    const base = '/api/cubes/' + encodeURIComponent(cube) + '/members/';
    const locale = 'locale=' + encodeURIComponent(lang);
    const names = new Map();
    let macros = [];
    const provinces = {};
    let scoped = null;
    if (scope) {
      scoped = await scopedRegions(base, locale, scope);
      names.set(scoped.key, scoped.caption);
      for (const c of scoped.children) {
        names.set(c.key, c.caption);
      }
    } else {
      macros = (await api(base + 'region.macro_region?' + locale)).members;
      const lists = await Promise.all(macros.map((m) =>
        api(base + 'region.province?parent=' + encodeURIComponent(m.key) + '&' + locale).then((r) => r.members)));
      macros.forEach((m, i) => {
        provinces[m.key] = lists[i];
        names.set(m.key, m.caption);
        for (const p of lists[i]) {
          names.set(p.key, p.caption);
        }
      });
    }
    cache.set(id, { macros, provinces, scoped, names });
  }
  return cache.get(id);
}

/** The months of {@code cube}, newest first (YYYY-MM). */
export async function loadMonths(cube) {
  const answer = await api('/api/cubes/' + encodeURIComponent(cube) + '/members/time.month');
  return answer.members.map((m) => m.key).sort().reverse();
}

/** The options of a user's own region: the region itself, and a province's cities under it. */
export function scopedOptions(scoped) {
  if (!scoped.children.length) {
    return [h('option', { value: scoped.key }, scoped.caption)];
  }
  return [h('optgroup', { label: scoped.caption },
    h('option', { value: scoped.key }, t('scope.wholeProvince', { name: scoped.caption })),
    scoped.children.map((c) => h('option', { value: c.key }, c.caption)))];
}

/**
 * Fills {@code select} with the country, each macro-region and its provinces; keeps {@code selected}.
 * For a user bound to a province or city: that region (and a province's cities), preselected.
 */
export function fillRegionSelect(select, regions, selected, { allLabel = 'scope.nationwide' } = {}) {
  if (regions.scoped) {
    select.replaceChildren(...scopedOptions(regions.scoped));
    select.value = selected || regions.scoped.key;
    if (select.value !== (selected || regions.scoped.key)) {
      select.value = regions.scoped.key;
    }
    return;
  }
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
