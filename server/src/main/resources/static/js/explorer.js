// The cube explorer: pick a cube, put levels on rows and columns, pick measures, and slice, dice,
// drill and pivot. Every view is a query to POST /api/cubes/{cube}/query and lives in the URL, so it
// can be bookmarked and shared. No framework: the page is small enough to render by hand, and the
// table is built as one string so a few thousand cells render in milliseconds.

import {
  addMessages, api, ApiError, csrfHeaders, handleAuthFailure, initLanguage, language, onLanguageChange, t as text,
} from './telecube.js';
import { layout } from './pivot.js';
import { startSession } from './session.js';

const MAX_RENDERED_CELLS = 20_000;
const TIME_INTELLIGENCE = ['previous_period_change', 'same_period_last_year_change', 'year_to_date'];

const TEXT = {
  'zh-CN': {
    title: '立方体分析', cube: '数据立方体', dimensions: '维度', measures: '指标', rows: '行', columns: '列',
    filters: '筛选', addFilter: '添加筛选', toRows: '放到行', toColumns: '放到列', remove: '移除',
    swap: '行列互换', totals: '合计', timeIntelligence: '环比 / 同比 / 年累计', chart: '图表',
    chartNone: '无', chartBar: '柱状图', chartLine: '折线图', chartMap: '中国地图', exportCsv: '导出 CSV',
    exportXlsx: '导出 Excel', copyLink: '复制链接', copied: '链接已复制', loading: '查询中…',
    total: '合计', subtotal: '小计', all: '全部', dropHere: '拖放层级到此处，或用左侧按钮',
    noMeasure: '请至少选择一个指标。', noData: '没有数据。', truncated: '结果超过 {0} 行，已截断；请添加筛选缩小范围。',
    capped: '共 {0} 个单元格，仅显示前 {1} 行（{2} 个单元格）；导出可得到全部数据。',
    stats: '{0} 行 × {1} 列 · 查询 {2} 毫秒 · 渲染 {3} 毫秒', drill: '下钻到 {0}', rollUp: '上卷到 {0}',
    search: '搜索成员', apply: '应用', cancel: '取消', from: '从', to: '到', selectAll: '全选', clear: '清空',
    sortBy: '按此列排序', members: '{0} 个成员', pickLevel: '选择层级', range: '时间范围',
    cancelQuery: '取消查询', cancelled: '查询已取消，显示的是上一次的结果。',
    partialMark: '（{0}/{1}个月）', partialTitle: '{0}：{2}个月中仅{1}个月有数据',
    partialNote: '带（n/m个月）的期间只有部分月份有数据，不能与完整期间直接比较；与部分期间相比的环比、同比不予计算（显示为 —）。',
    pp: '{0}个百分点',
  },
  en: {
    title: 'Cube explorer', cube: 'Cube', dimensions: 'Dimensions', measures: 'Measures', rows: 'Rows',
    columns: 'Columns', filters: 'Filters', addFilter: 'Add filter', toRows: 'To rows', toColumns: 'To columns',
    remove: 'Remove', swap: 'Swap axes', totals: 'Totals', timeIntelligence: 'MoM / YoY / YTD', chart: 'Chart',
    chartNone: 'None', chartBar: 'Bar', chartLine: 'Line', chartMap: 'China map', exportCsv: 'Export CSV',
    exportXlsx: 'Export Excel', copyLink: 'Copy link', copied: 'Link copied', loading: 'Running query…',
    total: 'Total', subtotal: 'Subtotal', all: 'All', dropHere: 'Drop levels here, or use the buttons on the left',
    noMeasure: 'Pick at least one measure.', noData: 'No data.',
    truncated: 'More than {0} rows: the result was cut off. Add a filter to narrow it down.',
    capped: '{0} cells in all; showing the first {1} rows ({2} cells). Export to get everything.',
    stats: '{0} rows × {1} columns · query {2} ms · render {3} ms', drill: 'Drill down to {0}',
    rollUp: 'Roll up to {0}', search: 'Search members', apply: 'Apply', cancel: 'Cancel', from: 'From', to: 'To',
    selectAll: 'All', clear: 'Clear', sortBy: 'Sort by this column', members: '{0} members',
    pickLevel: 'Pick a level', range: 'Time range',
    cancelQuery: 'Cancel query', cancelled: 'Query cancelled; the table shows the previous result.',
    partialMark: ' ({0} of {1} months)', partialTitle: '{0}: data for {1} of its {2} months',
    partialNote: 'Periods marked (n of m months) hold data for only part of their months and cannot be compared with whole periods; changes against a partial period are not computed (shown as —).',
    pp: '{0} pp',
  },
};

// ---------------------------------------------------------------- state and URL

const DEFAULT_VIEW = {
  cube: 'revenue', rows: ['region.macro_region'], columns: ['time.year'], measures: ['revenue'],
  filters: [], totals: true, ti: false, chart: 'bar', sort: null,
};

let state = readUrl();
let model = null; // the cube list of GET /api/cubes in the current language
let lastAnswer = null;
let lastLayout = null; // the pivot of lastAnswer, shared by the table and the chart
let shownState = null; // the view lastAnswer answers, restored when a newer query is cancelled
let periods = new Map(); // "level|key" → {monthsWithData, monthsInPeriod, partial} of lastAnswer
const captions = new Map(); // "level|key" → caption, for filter chips and breadcrumbs

addMessages(Object.fromEntries(Object.entries(TEXT).map(([l, m]) =>
  [l, Object.fromEntries(Object.entries(m).map(([k, v]) => [`explorer.${k}`, v]))])));

function lang() {
  return language();
}

function t(key, ...args) {
  return text(`explorer.${key}`, Object.fromEntries(args.map((a, i) => [i, a])));
}

function readUrl() {
  const p = new URLSearchParams(location.search);
  const list = (name, fallback) => (p.has(name) ? p.get(name).split(',').filter(Boolean) : fallback);
  const filters = p.getAll('f').map((f) => {
    const i = f.indexOf(':');
    const level = f.slice(0, i);
    const value = f.slice(i + 1);
    const range = /^(.*)\.\.(.*)$/.exec(value);
    return range ? { level, from: range[1], to: range[2] } : { level, members: value.split(',').filter(Boolean) };
  });
  const sort = p.get('sort') ? { column: Number(p.get('sort').split(':')[0]), desc: p.get('sort').endsWith(':desc') } : null;
  return {
    cube: p.get('cube') || DEFAULT_VIEW.cube,
    rows: list('rows', p.has('cube') ? [] : DEFAULT_VIEW.rows),
    columns: list('cols', p.has('cube') ? [] : DEFAULT_VIEW.columns),
    measures: list('m', p.has('cube') ? [] : DEFAULT_VIEW.measures),
    filters,
    totals: p.has('tot') ? p.get('tot') === '1' : DEFAULT_VIEW.totals,
    ti: p.get('ti') === '1',
    chart: p.get('chart') || DEFAULT_VIEW.chart,
    sort,
  };
}

function writeUrl() {
  const p = new URLSearchParams();
  p.set('cube', state.cube);
  if (state.rows.length) p.set('rows', state.rows.join(','));
  if (state.columns.length) p.set('cols', state.columns.join(','));
  if (state.measures.length) p.set('m', state.measures.join(','));
  for (const f of state.filters) {
    p.append('f', `${f.level}:${f.members ? f.members.join(',') : `${f.from}..${f.to}`}`);
  }
  p.set('tot', state.totals ? '1' : '0');
  if (state.ti) p.set('ti', '1');
  p.set('chart', state.chart);
  if (state.sort) p.set('sort', `${state.sort.column}:${state.sort.desc ? 'desc' : 'asc'}`);
  p.set('lang', lang());
  history.replaceState(null, '', `${location.pathname}?${p}`);
}

// ---------------------------------------------------------------- the model

function cube() {
  return model.cubes.find((c) => c.name === state.cube) || model.cubes[0];
}

function levelInfo(qualified) {
  for (const d of cube().dimensions) {
    const i = d.levels.findIndex((l) => l.qualifiedName === qualified);
    if (i >= 0) {
      return { dimension: d, level: d.levels[i], index: i, child: d.levels[i + 1] || null, parent: d.levels[i - 1] || null };
    }
  }
  return null;
}

function levelCaption(qualified) {
  return levelInfo(qualified)?.level.caption ?? qualified;
}

async function loadModel() {
  model = await api(`/api/cubes?locale=${lang()}`, { quiet: true });
  if (!model.cubes.some((c) => c.name === state.cube)) state.cube = model.cubes[0].name;
  // drop what the chosen cube does not have (a shared link from another version)
  const known = (l) => levelInfo(l) != null;
  state.rows = state.rows.filter(known);
  state.columns = state.columns.filter(known);
  state.filters = state.filters.filter((f) => known(f.level));
  state.measures = state.measures.filter((m) => cube().measures.some((x) => x.name === m));
}

// ---------------------------------------------------------------- elements

const $ = (id) => document.getElementById(id);
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

function renderStaticText() {
  document.documentElement.lang = lang();
  document.title = `${t('title')} · TeleCube`;
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
}

function renderSidebar() {
  $('cube-select').innerHTML = model.cubes
    .map((c) => `<option value="${esc(c.name)}"${c.name === state.cube ? ' selected' : ''}>${esc(c.caption)}</option>`).join('');
  const used = new Set([...state.rows, ...state.columns]);
  $('dimension-list').innerHTML = cube().dimensions.map((d) => `
    <li class="dimension"><span class="dimension-name">${esc(d.caption)}</span>
      <ul>${d.levels.map((l) => `
        <li class="level${used.has(l.qualifiedName) ? ' used' : ''}" draggable="true" data-level="${esc(l.qualifiedName)}">
          <span class="level-name">${esc(l.caption)}</span>
          <span class="level-actions">
            <button type="button" class="mini" data-action="to-rows" data-level="${esc(l.qualifiedName)}" title="${esc(t('toRows'))}" aria-label="${esc(`${l.caption}: ${t('toRows')}`)}">${esc(t('rows'))}</button>
            <button type="button" class="mini" data-action="to-columns" data-level="${esc(l.qualifiedName)}" title="${esc(t('toColumns'))}" aria-label="${esc(`${l.caption}: ${t('toColumns')}`)}">${esc(t('columns'))}</button>
          </span>
        </li>`).join('')}
      </ul></li>`).join('');
  $('measure-list').innerHTML = cube().measures.map((m) => `
    <li><label><input type="checkbox" data-measure="${esc(m.name)}"${state.measures.includes(m.name) ? ' checked' : ''}>
      ${esc(m.caption)}</label></li>`).join('');
}

function renderAxes() {
  for (const [axis, id] of [['rows', 'rows-zone'], ['columns', 'columns-zone']]) {
    const levels = state[axis];
    $(id).innerHTML = levels.length === 0
      ? `<span class="placeholder">${esc(t('dropHere'))}</span>`
      : levels.map((l) => `<span class="chip axis-chip" draggable="true" data-level="${esc(l)}" data-axis="${axis}">
          ${esc(levelCaption(l))}
          <button type="button" class="chip-x" data-action="remove-level" data-level="${esc(l)}" aria-label="${esc(`${t('remove')} ${levelCaption(l)}`)}">×</button></span>`).join('');
  }
  $('filter-chips').innerHTML = state.filters.map((f, i) => {
    const what = f.members
      ? f.members.map((k) => captions.get(`${f.level}|${k}`) || k).join('、')
      : `${captions.get(`${f.level}|${f.from}`) || f.from} – ${captions.get(`${f.level}|${f.to}`) || f.to}`;
    return `<span class="chip filter-chip"><button type="button" class="chip-edit" data-action="edit-filter" data-index="${i}">
      <b>${esc(levelCaption(f.level))}</b>: ${esc(what)}</button>
      <button type="button" class="chip-x" data-action="remove-filter" data-index="${i}" aria-label="${esc(`${t('remove')} ${levelCaption(f.level)}`)}">×</button></span>`;
  }).join('');
  renderBreadcrumb();
  $('totals-toggle').checked = state.totals;
  $('ti-toggle').checked = state.ti;
  $('chart-select').value = state.chart;
}

/** The drill path of the first row level's dimension: the single-member filters above it. */
function renderBreadcrumb() {
  const first = state.rows[0] && levelInfo(state.rows[0]);
  if (!first) {
    $('breadcrumb').innerHTML = '';
    return;
  }
  const root = first.dimension.all || `${t('all')} ${first.dimension.caption}`;
  const origin = drillPath(first)[0];
  const crumbs = [`<li><button type="button" class="crumb" data-action="roll-up" data-depth="-1" title="${esc(t('rollUp', (origin ? origin.level : first.level).caption))}">${esc(root)}</button></li>`];
  for (const step of drillPath(first)) {
    const caption = captions.get(`${step.filter.level}|${step.filter.members[0]}`) || step.filter.members[0];
    crumbs.push(`<li><button type="button" class="crumb" data-action="roll-up" data-depth="${step.depth}" title="${esc(t('rollUp', step.level.caption))}">${esc(caption)}</button></li>`);
  }
  crumbs.push(`<li aria-current="page"><span class="crumb current">${esc(first.level.caption)}</span></li>`);
  $('breadcrumb').innerHTML = crumbs.join('');
}

// ---------------------------------------------------------------- actions

function placeLevel(level, axis) {
  const other = axis === 'rows' ? 'columns' : 'rows';
  const info = levelInfo(level);
  // one level per dimension on the axes: a finer level of the same dimension replaces the coarser
  const sameDimension = (l) => levelInfo(l)?.dimension.name === info.dimension.name;
  state[other] = state[other].filter((l) => !sameDimension(l));
  const at = state[axis].findIndex(sameDimension);
  if (at >= 0) state[axis][at] = level;
  else state[axis].push(level);
  state.sort = null;
}

function drillDown(level, key, caption) {
  const info = levelInfo(level);
  if (!info?.child) return;
  captions.set(`${level}|${key}`, caption);
  state.filters = state.filters.filter((f) => f.level !== level);
  state.filters.push({ level, members: [key] });
  for (const axis of ['rows', 'columns']) {
    state[axis] = state[axis].map((l) => (l === level ? info.child.qualifiedName : l));
  }
  state.sort = null;
}

/** The drill path above the first row level: its dimension's single-member filters, top-down. */
function drillPath(first) {
  return first.dimension.levels.slice(0, first.index).map((level, depth) => ({
    level, depth, filter: state.filters.find((x) => x.level === level.qualifiedName && x.members && x.members.length === 1),
  })).filter((step) => step.filter);
}

/**
 * Goes back to the level a crumb names: a member's crumb (depth = its level) shows that level,
 * the member among its siblings, under the steps above it; the root (depth -1) shows the level
 * the drilling started from, with the whole path dropped.
 */
function rollUp(depth) {
  const first = levelInfo(state.rows[0]);
  const path = drillPath(first);
  const target = depth < 0 ? path[0] : path.find((step) => step.depth === depth);
  if (!target) return;
  const dropped = new Set(path.filter((step) => step.depth >= target.depth).map((step) => step.filter));
  state.filters = state.filters.filter((f) => !dropped.has(f));
  state.rows[0] = target.level.qualifiedName;
  state.sort = null;
}

function queryBody() {
  return {
    measures: state.measures,
    rows: state.rows,
    columns: state.columns,
    filters: state.filters.map((f) => (f.members ? { level: f.level, members: f.members } : { level: f.level, from: f.from, to: f.to })),
    locale: lang(),
    totals: state.totals,
    timeIntelligence: state.ti && cube().dimensions.some((d) => d.time) ? TIME_INTELLIGENCE : [],
  };
}

let running = 0;
let inFlight = null; // {controller, id} of the query running now

function queryId() {
  return globalThis.crypto?.randomUUID ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** Stops the query in flight: the browser drops the request and the server cancels its statement. */
function abortQuery() {
  if (!inFlight) return;
  const { controller, id } = inFlight;
  inFlight = null;
  controller.abort();
  // a DELETE with the session: it needs the CSRF header like every state-changing call
  fetch(`/api/cubes/queries/${encodeURIComponent(id)}`, { method: 'DELETE', keepalive: true, headers: csrfHeaders() }).catch(() => {});
}

/** The wait over the result: it blocks clicks on the stale table and offers Cancel. */
function setWaiting(waiting) {
  $('busy').hidden = !waiting;
  $('wait').hidden = !waiting;
  $('pivot').toggleAttribute('inert', waiting);
  $('chart').toggleAttribute('inert', waiting);
  if (waiting) document.body.setAttribute('aria-busy', 'true');
  else document.body.removeAttribute('aria-busy');
}

function cancelQuery() {
  abortQuery();
  running++; // whatever was asked for is no longer awaited
  setWaiting(false);
  if (shownState) {
    // back to the view the table shows, so the axes, the URL and the table agree
    state = structuredClone(shownState);
    writeUrl();
    renderAxes();
    renderSidebar();
  }
  showMessage(t('cancelled'), 'info');
}

async function run() {
  writeUrl();
  renderAxes();
  renderSidebar();
  const status = $('status');
  abortQuery(); // a newer view supersedes the one still running
  const ticket = ++running;
  if (state.measures.length === 0) {
    setWaiting(false);
    showMessage(t('noMeasure'), 'info');
    $('pivot').innerHTML = '';
    clearChart();
    return;
  }
  setWaiting(true);
  const asked = structuredClone(state);
  const flight = { controller: new AbortController(), id: queryId() };
  inFlight = flight;
  try {
    const started = performance.now();
    const answer = await api(`/api/cubes/${encodeURIComponent(state.cube)}/query`, {
      method: 'POST', body: queryBody(), signal: flight.controller.signal, headers: { 'X-Query-Id': flight.id },
    });
    if (ticket !== running) return; // a newer view was asked for meanwhile
    inFlight = null;
    const queried = performance.now() - started;
    lastAnswer = answer;
    shownState = asked;
    periods = new Map((answer.periods || []).map((period) => [`${period.level}|${period.key}`, period]));
    lastLayout = layout(answer, state.rows, state.columns);
    const rendered = renderTable(answer, lastLayout);
    status.textContent = t('stats', rendered.rows, rendered.columns, Math.round(queried), rendered.millis.toFixed(1));
    window.explorerStats = { renderMillis: rendered.millis, cells: rendered.cells, queryMillis: queried };
    try {
      await renderChart(lastLayout);
    } catch (chartError) {
      // the table stands on its own: a chart that cannot draw must not take it away
      clearChart();
      showMessage(chartError.message, 'warning');
    }
  } catch (e) {
    if (ticket !== running || e.name === 'AbortError') return;
    if (inFlight === flight) inFlight = null;
    showMessage(e instanceof ApiError && e.field ? `${e.message} (${e.field})` : e.message, 'error');
    $('pivot').innerHTML = '';
    clearChart();
  } finally {
    if (ticket === running) setWaiting(false);
  }
}

function showMessage(text, kind) {
  const box = $('message');
  box.hidden = !text;
  box.className = `message ${kind || ''}`;
  box.textContent = text || '';
}

// ---------------------------------------------------------------- the table

/** One format per measure column: whole yuan when its amounts run into thousands, fen otherwise. */
function formatter(measure, cells) {
  const l = lang();
  const isChange = isChangeColumn(measure);
  if (isChange && measure.change === 'difference') {
    // a rate's change is a difference in percentage points (+1.2 pp), never +71% of a rate
    if (measure.format === 'percent') {
      const f = new Intl.NumberFormat(l, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
      return (v) => t('pp', f.format(v * 100));
    }
    const base = formatter({ ...measure, name: measure.name.replace(/:.*$/, ''), change: null }, cells);
    return (v) => (v > 0 ? '+' : '') + base(v);
  }
  if (measure.format === 'percent' || isChange) {
    const f = new Intl.NumberFormat(l, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: isChange ? 'exceptZero' : 'auto' });
    return (v) => f.format(v);
  }
  if (measure.format === 'currency') {
    const largest = cells.reduce((m, c) => Math.max(m, Math.abs(c[measure.name] ?? 0)), 0);
    const digits = largest >= 10_000 ? 0 : 2;
    const f = new Intl.NumberFormat(l, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', minimumFractionDigits: digits, maximumFractionDigits: digits });
    return (v) => f.format(v);
  }
  if (measure.format === 'integer') {
    const f = new Intl.NumberFormat(l, { maximumFractionDigits: 0 });
    return (v) => f.format(v);
  }
  const f = new Intl.NumberFormat(l, { maximumFractionDigits: 2 });
  return (v) => f.format(v);
}

/** A change column of time intelligence (revenue:previous_period_change). */
function isChangeColumn(measure) {
  return measure.change != null || /_change$/.test(measure.name);
}

/**
 * A value cell. A change is marked up/down by its sign and good/bad by what the measure declares
 * (a rise in churn is bad news, whatever its sign), and the colour follows good/bad.
 */
function numberCell(value, measure, format, extraClass = '') {
  if (value == null || Number.isNaN(value)) return `<td class="num empty${extraClass}">—</td>`;
  let tone = '';
  if (isChangeColumn(measure) && value !== 0) {
    const good = (value > 0) === (measure.higherIsBetter !== false);
    tone = `${value > 0 ? ' up' : ' down'}${good ? ' good' : ' bad'}`;
  }
  return `<td class="num${tone}${extraClass}" data-value="${value}">${esc(format(value))}</td>`;
}

/** The period of a time member when it holds fewer months of data than its length, else null. */
function partialPeriod(m) {
  const period = periods.get(`${m.level}|${m.key}`);
  return period && period.partial ? period : null;
}

/** A member's caption, with "(1/12个月)" when it is a partial period. */
function memberText(m) {
  const period = partialPeriod(m);
  return period ? `${m.caption}${t('partialMark', period.monthsWithData, period.monthsInPeriod)}` : m.caption;
}

function memberLabel(m) {
  const period = partialPeriod(m);
  if (!period) return esc(m.caption);
  return `${esc(m.caption)}<span class="partial" title="${esc(t('partialTitle', m.caption, period.monthsWithData, period.monthsInPeriod))}">${
    esc(t('partialMark', period.monthsWithData, period.monthsInPeriod))}</span>`;
}

function memberButton(m) {
  const info = levelInfo(m.level);
  if (!info?.child || m.key == null) return memberLabel(m);
  return `<button type="button" class="member" data-action="drill" data-level="${esc(m.level)}" data-key="${esc(m.key)}"
    data-caption="${esc(m.caption)}" title="${esc(t('drill', info.child.caption))}">${memberLabel(m)}</button>`;
}

function renderTable(answer, p) {
  const started = performance.now();
  if (answer.truncated) showMessage(t('truncated', answer.cells.length), 'warning');
  else showMessage('', '');
  if (p.rows.length === 0) {
    $('pivot').innerHTML = `<p class="empty-result">${esc(t('noData'))}</p>`;
    return { millis: performance.now() - started, rows: 0, columns: 0, cells: 0 };
  }
  const formats = p.measures.map((m) => formatter(m, answer.cells));
  const colTuples = p.columns.length ? p.columns : [[]];
  const showRowTotal = state.totals && state.columns.length > 0 && p.hasRowTotals;
  const dataColumns = [];
  for (const c of colTuples) p.measures.forEach((m, mi) => dataColumns.push({ col: c, measure: m, mi, total: false }));
  if (showRowTotal) p.measures.forEach((m, mi) => dataColumns.push({ col: null, measure: m, mi, total: true }));

  let rows = p.rows.map((r) => ({ r, values: dataColumns.map((dc) => (dc.total ? p.rowTotal(r, dc.measure) : p.value(r, dc.col, dc.measure))) }));
  if (state.sort) {
    const { column, desc } = state.sort;
    const key = (x) => (column < 0 ? x.r.map((m) => m.caption).join(' ') : x.values[column]);
    rows.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      if (x == null) return 1;
      if (y == null) return -1;
      const c = typeof x === 'number' ? x - y : String(x).localeCompare(String(y), lang());
      return desc ? -c : c;
    });
  }
  const totalCells = rows.length * dataColumns.length;
  const maxRows = Math.max(1, Math.floor(MAX_RENDERED_CELLS / Math.max(1, dataColumns.length)));
  if (rows.length > maxRows) {
    showMessage(t('capped', totalCells.toLocaleString(lang()), maxRows.toLocaleString(lang()), (maxRows * dataColumns.length).toLocaleString(lang())), 'warning');
    rows = rows.slice(0, maxRows);
  }

  const sortMark = (i) => (state.sort && state.sort.column === i ? (state.sort.desc ? ' ▼' : ' ▲') : '');
  const ariaSort = (i) => (state.sort && state.sort.column === i ? (state.sort.desc ? 'descending' : 'ascending') : 'none');
  const h = [];
  h.push('<table class="pivot-table"><thead>');
  // one header row per column level, then the measures
  const rowHeaderSpan = Math.max(1, state.rows.length);
  state.columns.forEach((level, li) => {
    h.push('<tr>');
    h.push(`<th class="corner" colspan="${rowHeaderSpan}"><span class="axis-label">${esc(levelCaption(level))}</span></th>`);
    for (const c of colTuples) {
      h.push(`<th class="col-member" colspan="${p.measures.length}" scope="colgroup">${memberButton(c[li])}</th>`);
    }
    if (showRowTotal) h.push(`<th class="col-member total" colspan="${p.measures.length}" scope="colgroup">${esc(t('total'))}</th>`);
    h.push('</tr>');
  });
  h.push('<tr>');
  state.rows.forEach((level, i) => {
    h.push(`<th class="row-level" scope="col" aria-sort="${i === 0 ? ariaSort(-1) : 'none'}">${i === 0
      ? `<button type="button" class="sort" data-action="sort" data-column="-1" title="${esc(t('sortBy'))}">${esc(levelCaption(level))}${sortMark(-1)}</button>`
      : esc(levelCaption(level))}</th>`);
  });
  if (state.rows.length === 0) h.push('<th class="row-level"></th>');
  dataColumns.forEach((dc, i) => {
    h.push(`<th class="measure${dc.total ? ' total' : ''}" scope="col" aria-sort="${ariaSort(i)}"><button type="button" class="sort" data-action="sort" data-column="${i}" title="${esc(t('sortBy'))}">${esc(dc.measure.caption)}${sortMark(i)}</button></th>`);
  });
  h.push('</tr></thead><tbody>');

  let previousFirst = null;
  const subtotalRow = (firstMember) => {
    const cells = dataColumns.map((dc) => (dc.total ? p.subtotal(firstMember.key, [], dc.measure) : p.subtotal(firstMember.key, dc.col, dc.measure)));
    if (cells.every((v) => v == null)) return '';
    return `<tr class="subtotal"><th scope="row" colspan="${rowHeaderSpan}">${memberLabel(firstMember)} ${esc(t('subtotal'))}</th>${
      cells.map((v, i) => numberCell(v, dataColumns[i].measure, formats[dataColumns[i].mi], dataColumns[i].total ? ' total' : '')).join('')}</tr>`;
  };
  const subtotals = state.totals && p.hasSubtotals && !state.sort;
  for (const row of rows) {
    if (subtotals && previousFirst && previousFirst.key !== row.r[0].key) h.push(subtotalRow(previousFirst));
    h.push('<tr>');
    row.r.forEach((m, i) => {
      const repeat = subtotals && i === 0 && previousFirst && previousFirst.key === m.key;
      h.push(`<th scope="row" class="row-member">${repeat ? '' : memberButton(m)}</th>`);
    });
    if (row.r.length === 0) h.push(`<th scope="row" class="row-member">${esc(t('all'))}</th>`);
    row.values.forEach((v, i) => h.push(numberCell(v, dataColumns[i].measure, formats[dataColumns[i].mi], dataColumns[i].total ? ' total' : '')));
    h.push('</tr>');
    previousFirst = row.r[0] || null;
  }
  if (subtotals && previousFirst) h.push(subtotalRow(previousFirst));
  if (state.totals && state.rows.length > 0 && p.hasColumnTotals) {
    h.push(`<tr class="grand-total"><th scope="row" colspan="${rowHeaderSpan}">${esc(t('total'))}</th>`);
    dataColumns.forEach((dc) => {
      const v = dc.total ? p.grandTotal(dc.measure) : p.columnTotal(dc.col, dc.measure);
      h.push(numberCell(v, dc.measure, formats[dc.mi], ' total'));
    });
    h.push('</tr>');
  }
  h.push('</tbody></table>');
  const partial = [...p.rows, ...p.columns].some((tuple) => tuple.some((m) => partialPeriod(m)));
  if (partial) h.push(`<p class="partial-note" role="note">${esc(t('partialNote'))}</p>`);
  $('pivot').innerHTML = h.join('');
  return { millis: performance.now() - started, rows: rows.length, columns: dataColumns.length, cells: rows.length * dataColumns.length };
}

// ---------------------------------------------------------------- the chart

let charts = null; // ./charts.js, loaded on first use so the table never waits for it

async function renderChart(p) {
  const box = $('chart');
  if (state.chart === 'none' || state.measures.length === 0) {
    clearChart();
    return;
  }
  box.hidden = false;
  try {
    charts = charts || (await import('./charts.js'));
  } catch (e) {
    clearChart();
    return;
  }
  const measure = p.measures[0];
  const categories = p.rows.map((r) => r.map(memberText).join(' · '));
  const cols = p.columns.length ? p.columns.slice(0, 12) : [[]];
  const series = cols.map((c) => ({
    name: c.length ? c.map(memberText).join(' · ') : measure.caption,
    values: p.rows.map((r) => p.value(r, c, measure)),
  }));
  const options = { categories, series, format: measure.format, locale: lang(), title: measure.caption };
  charts.disposeChart(box);
  if (state.chart === 'map' && state.rows.length === 1 && state.rows[0] === 'region.province') {
    const values = {};
    const names = {};
    p.rows.forEach((r) => {
      names[r[0].key] = r[0].caption;
      values[r[0].key] = state.columns.length ? p.rowTotal(r, measure) ?? p.value(r, cols[0], measure) : p.value(r, [], measure);
    });
    box.style.height = '';
    await charts.chinaMap(box, { values, captions: names, name: measure.caption, format: measure.format, locale: lang(), title: measure.caption });
  } else if (state.chart === 'line') {
    box.style.height = '';
    charts.lineChart(box, timeFirst(p, measure, options));
  } else {
    // many categories: bars across, one labelled row each, the panel as tall as they need
    const horizontal = categories.length > 12;
    box.style.height = horizontal ? `${Math.max(440, categories.length * 22 + 90)}px` : '';
    charts.barChart(box, { ...options, horizontal });
  }
}

/** A line chart wants time along the axis: if time is on the columns, turn the series around. */
function timeFirst(p, measure, options) {
  if (state.rows.some((l) => l.startsWith('time.')) || state.columns.length === 0) return options;
  return {
    ...options,
    categories: p.columns.map((c) => c.map(memberText).join(' · ')),
    series: p.rows.slice(0, 12).map((r) => ({ name: r.map(memberText).join(' · '), values: p.columns.map((c) => p.value(r, c, measure)) })),
  };
}

function clearChart() {
  const box = $('chart');
  if (charts) charts.disposeChart(box);
  box.hidden = true;
}

// ---------------------------------------------------------------- filters

async function openFilter(index) {
  const dialog = $('filter-dialog');
  const existing = index == null ? null : state.filters[index];
  const levelSelect = $('filter-level');
  levelSelect.innerHTML = `<option value="">${esc(t('pickLevel'))}</option>` + cube().dimensions.map((d) => `<optgroup label="${esc(d.caption)}">${
    d.levels.map((l) => `<option value="${esc(l.qualifiedName)}">${esc(l.caption)}</option>`).join('')}</optgroup>`).join('');
  levelSelect.value = existing ? existing.level : '';
  levelSelect.disabled = existing != null;
  dialog.dataset.index = index == null ? '' : String(index);
  $('filter-search').value = '';
  await loadMembers(existing);
  dialog.showModal();
  (existing ? $('filter-search') : levelSelect).focus();
}

async function loadMembers(existing) {
  const level = $('filter-level').value;
  const list = $('filter-members');
  const range = $('filter-range');
  list.innerHTML = '';
  range.hidden = true;
  if (!level) return;
  const members = await api(`/api/cubes/${encodeURIComponent(state.cube)}/members/${encodeURIComponent(level)}?locale=${lang()}`);
  members.members.forEach((m) => captions.set(`${level}|${m.key}`, m.caption));
  const chosen = new Set(existing?.members || []);
  list.innerHTML = members.members.map((m) => `<li><label><input type="checkbox" value="${esc(m.key)}"${chosen.has(m.key) ? ' checked' : ''}>
    <span>${esc(m.caption)}</span></label></li>`).join('');
  $('filter-count').textContent = t('members', members.members.length);
  if (level.startsWith('time.')) {
    const options = members.members.map((m) => `<option value="${esc(m.key)}">${esc(m.caption)}</option>`).join('');
    $('filter-from').innerHTML = `<option value=""></option>${options}`;
    $('filter-to').innerHTML = `<option value=""></option>${options}`;
    $('filter-from').value = existing?.from || '';
    $('filter-to').value = existing?.to || '';
    range.hidden = false;
  }
}

function applyFilter() {
  const dialog = $('filter-dialog');
  const level = $('filter-level').value;
  const index = dialog.dataset.index === '' ? null : Number(dialog.dataset.index);
  if (!level) return;
  const from = $('filter-from').value;
  const to = $('filter-to').value;
  const members = [...$('filter-members').querySelectorAll('input:checked')].map((i) => i.value);
  let filter = null;
  if (!$('filter-range').hidden && from && to) filter = { level, from, to };
  else if (members.length) filter = { level, members };
  const rest = state.filters.filter((f, i) => i !== index && f.level !== level);
  state.filters = filter ? [...rest, filter] : rest;
  dialog.close();
  run();
}

// ---------------------------------------------------------------- export

/** POSTs the view to the export endpoint and saves the answer under the server's file name. */
async function download(url, body, fallbackName) {
  // a read, but a POST: it carries the CSRF header
  const response = await fetch(url, {
    method: 'POST', headers: { 'content-type': 'application/json', 'Accept-Language': lang(), ...csrfHeaders() }, body: JSON.stringify(body),
  });
  if (!response.ok) {
    let problem = {};
    try {
      problem = await response.json();
    } catch (e) {
      // not problem JSON: the status says enough
    }
    handleAuthFailure(response.status, problem.code);
    throw new ApiError({ status: response.status, detail: problem.detail || response.statusText, field: problem.field, code: problem.code });
  }
  const blob = await response.blob();
  const disposition = response.headers.get('content-disposition') || '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = star ? decodeURIComponent(star[1]) : plain ? plain[1] : fallbackName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

// ---------------------------------------------------------------- wiring

function wire() {
  onLanguageChange(async () => {
    setWaiting(true); // at once: the model is reloaded before the query runs
    renderStaticText();
    captions.clear();
    try {
      await loadModel();
    } catch (err) {
      setWaiting(false);
      showMessage(err.message, 'error');
      return;
    }
    await resolveFilterCaptions();
    run();
  });
  $('cube-select').addEventListener('change', (e) => {
    state = { ...state, cube: e.target.value, rows: [], columns: [], measures: [], filters: [], sort: null };
    const c = cube();
    const time = c.dimensions.find((d) => d.time);
    const region = c.dimensions.find((d) => d.name === 'region');
    if (region) state.rows = [region.levels[Math.min(1, region.levels.length - 1)].qualifiedName];
    if (time) state.columns = [time.levels[0].qualifiedName];
    state.measures = [c.measures[0].name];
    run();
  });
  $('measure-list').addEventListener('change', (e) => {
    const name = e.target.dataset.measure;
    if (!name) return;
    state.measures = e.target.checked ? [...state.measures, name] : state.measures.filter((m) => m !== name);
    state.sort = null;
    run();
  });
  document.addEventListener('click', (e) => {
    const target = e.target.closest('[data-action]');
    if (!target) return;
    // the table under the wait is stale: its members and columns are not the view being asked for
    if (!$('wait').hidden && target.closest('#pivot, #chart')) return;
    const { action, level } = target.dataset;
    if (action === 'to-rows' || action === 'to-columns') {
      placeLevel(level, action === 'to-rows' ? 'rows' : 'columns');
      run();
    } else if (action === 'remove-level') {
      state.rows = state.rows.filter((l) => l !== level);
      state.columns = state.columns.filter((l) => l !== level);
      state.sort = null;
      run();
    } else if (action === 'drill') {
      drillDown(level, target.dataset.key, target.dataset.caption);
      run();
    } else if (action === 'roll-up') {
      rollUp(Number(target.dataset.depth));
      run();
    } else if (action === 'remove-filter') {
      state.filters.splice(Number(target.dataset.index), 1);
      run();
    } else if (action === 'edit-filter') {
      openFilter(Number(target.dataset.index)).catch((err) => showMessage(err.message, 'error'));
    } else if (action === 'sort') {
      const column = Number(target.dataset.column);
      state.sort = state.sort && state.sort.column === column ? { column, desc: !state.sort.desc } : { column, desc: column >= 0 };
      writeUrl();
      if (lastAnswer) renderTable(lastAnswer, lastLayout);
    }
  });
  $('cancel-query').addEventListener('click', cancelQuery);
  // leaving the page mid-query: nobody will read the answer, so the server need not compute it
  window.addEventListener('pagehide', abortQuery);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !$('wait').hidden && inFlight && !$('filter-dialog').open) cancelQuery();
  });
  $('swap').addEventListener('click', () => {
    [state.rows, state.columns] = [state.columns, state.rows];
    state.sort = null;
    run();
  });
  $('totals-toggle').addEventListener('change', (e) => { state.totals = e.target.checked; run(); });
  $('ti-toggle').addEventListener('change', (e) => { state.ti = e.target.checked; state.sort = null; run(); });
  $('chart-select').addEventListener('change', (e) => {
    state.chart = e.target.value;
    writeUrl();
    if (lastLayout) renderChart(lastLayout).catch((err) => showMessage(err.message, 'warning')); else run();
  });
  $('add-filter').addEventListener('click', () => openFilter(null).catch((err) => showMessage(err.message, 'error')));
  $('filter-level').addEventListener('change', () => loadMembers(null).catch((err) => showMessage(err.message, 'error')));
  $('filter-search').addEventListener('input', (e) => {
    const q = e.target.value.trim().toLocaleLowerCase(lang());
    for (const li of $('filter-members').children) {
      li.hidden = q !== '' && !li.textContent.toLocaleLowerCase(lang()).includes(q);
    }
  });
  $('filter-all').addEventListener('click', () => {
    for (const li of $('filter-members').children) if (!li.hidden) li.querySelector('input').checked = true;
  });
  $('filter-none').addEventListener('click', () => {
    for (const input of $('filter-members').querySelectorAll('input')) input.checked = false;
  });
  $('filter-apply').addEventListener('click', applyFilter);
  $('filter-cancel').addEventListener('click', () => $('filter-dialog').close());
  for (const [id, format] of [['export-csv', 'csv'], ['export-xlsx', 'xlsx']]) {
    $(id).addEventListener('click', async () => {
      try {
        await download(`/api/cubes/${encodeURIComponent(state.cube)}/export?format=${format}`, queryBody(), `${state.cube}.${format}`);
      } catch (err) {
        showMessage(err.message, 'error');
      }
    });
  }
  $('copy-link').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      $('status').textContent = t('copied');
    } catch (err) {
      window.prompt(t('copyLink'), location.href);
    }
  });
  // drag and drop of levels onto the axes (buttons do the same for keyboards)
  document.addEventListener('dragstart', (e) => {
    const item = e.target.closest('[data-level][draggable="true"]');
    if (item) e.dataTransfer.setData('text/plain', item.dataset.level);
  });
  for (const [id, axis] of [['rows-zone', 'rows'], ['columns-zone', 'columns']]) {
    const zone = $(id);
    zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
    zone.addEventListener('dragleave', () => zone.classList.remove('over'));
    zone.addEventListener('drop', (e) => {
      e.preventDefault();
      zone.classList.remove('over');
      const level = e.dataTransfer.getData('text/plain');
      if (level && levelInfo(level)) {
        placeLevel(level, axis);
        run();
      }
    });
  }
}

async function resolveFilterCaptions() {
  for (const f of state.filters) {
    const keys = f.members || [f.from, f.to];
    if (keys.every((k) => captions.has(`${f.level}|${k}`))) continue;
    try {
      const members = await api(`/api/cubes/${encodeURIComponent(state.cube)}/members/${encodeURIComponent(f.level)}?locale=${lang()}`, { quiet: true });
      members.members.forEach((m) => captions.set(`${f.level}|${m.key}`, m.caption));
    } catch (e) {
      // the chip shows keys instead of captions
    }
  }
}

async function start() {
  initLanguage();
  renderStaticText();
  // who is logged in first: a role without the explorer (a manager, a loader) gets a message, not queries
  const { allowed } = await startSession('explorer', { scopeChip: true });
  if (!allowed) return;
  wire();
  try {
    await loadModel();
    await resolveFilterCaptions();
    await run();
  } catch (e) {
    showMessage(e.message, 'error');
  }
  window.explorerReady = true;
}

start();
