// The reports page (/reports.html): the report catalog (GET /api/reports), and a form to render one
// for a month the warehouse holds, a scope (the country, a macro-region or a province), a language
// and a format — viewed in the page (PDF, HTML) or downloaded. The document is fetched first, so an
// API error (a month without data, an unknown scope) is shown here rather than as a raw error page.

import { addMessages, api, h, initLanguage, language, onLanguageChange, t } from './telecube.js';
import { fetchDocument, fillMonthSelect, fillRegionSelect, loadMonths, loadRegions, saveBlob } from './regions.js';
import { startSession } from './session.js';

addMessages({
  'zh-CN': {
    'reports.pageTitle': '报告中心 · TeleCube',
    'reports.heading': '报告中心',
    'reports.lead': '选择报告、月份和范围，在浏览器中查看或下载。',
    'reports.catalogTitle': '报告目录',
    'reports.col.report': '报告',
    'reports.col.description': '内容',
    'reports.col.formats': '格式',
    'reports.choose': '选择',
    'reports.renderTitle': '生成报告',
    'reports.view': '在浏览器中查看',
    'reports.download': '下载',
    'reports.openTab': '在新标签页打开',
    'reports.viewerTitle': '报告预览',
    'reports.rendering': '正在生成报告…',
    'reports.downloaded': '已下载 {name}',
    'reports.xlsxHint': 'XLSX 工作簿只能下载，用 Excel 或 WPS 打开。',
    'reports.failed': '无法生成报告：{detail}',
    'reports.loadFailed': '无法加载报告目录：{detail}',
    'reports.empty': '没有可用的报告。',
    'field.report': '报告',
    'field.month': '报告月份',
    'field.scope': '范围',
    'field.locale': '报告语言',
    'field.format': '格式',
    'scope.nationwide': '全国',
    'scope.wholeRegion': '{name}（全片区）',
  },
  en: {
    'reports.pageTitle': 'Reports · TeleCube',
    'reports.heading': 'Reports',
    'reports.lead': 'Pick a report, a month and a scope; view it in the browser or download it.',
    'reports.catalogTitle': 'Report catalog',
    'reports.col.report': 'Report',
    'reports.col.description': 'Contents',
    'reports.col.formats': 'Formats',
    'reports.choose': 'Choose',
    'reports.renderTitle': 'Render a report',
    'reports.view': 'View in the browser',
    'reports.download': 'Download',
    'reports.openTab': 'Open in a new tab',
    'reports.viewerTitle': 'Report preview',
    'reports.rendering': 'Rendering the report…',
    'reports.downloaded': 'Downloaded {name}',
    'reports.xlsxHint': 'An XLSX workbook can only be downloaded; open it with Excel or WPS.',
    'reports.failed': 'Cannot render the report: {detail}',
    'reports.loadFailed': 'Cannot load the report catalog: {detail}',
    'reports.empty': 'No reports available.',
    'field.report': 'Report',
    'field.month': 'Month',
    'field.scope': 'Scope',
    'field.locale': 'Report language',
    'field.format': 'Format',
    'scope.nationwide': 'Nationwide',
    'scope.wholeRegion': '{name} (whole region)',
  },
});

const VIEWABLE = new Set(['pdf', 'html']);
const state = { reports: [], months: new Map(), viewerUrl: null };
const $ = (id) => document.getElementById(id);

function caption(c) {
  const text = (c && (c.text || c)) || {};
  return text[language()] ?? text['zh-CN'] ?? '';
}

function selectedReport() {
  return state.reports.find((r) => r.id === $('r-report').value) || state.reports[0];
}

/** The document's URL for the form as it stands. */
function documentUrl() {
  const params = new URLSearchParams({ month: $('r-month').value, locale: $('r-locale').value,
    format: $('r-format').value });
  if ($('r-scope').value) {
    params.set('scope', $('r-scope').value);
  }
  return '/api/reports/' + encodeURIComponent($('r-report').value) + '?' + params;
}

/* ---------- Rendering ---------- */

function renderCatalog() {
  $('report-count').textContent = String(state.reports.length);
  const body = $('catalog-body');
  if (!state.reports.length) {
    body.replaceChildren(h('tr', {}, h('td', { colspan: 3, class: 'tc-empty' }, t('reports.empty'))));
  } else {
    body.replaceChildren(...state.reports.map((r) => h('tr', { dataset: { reportId: r.id } },
      h('td', { class: 'tc-col-name' },
        h('div', { class: 'tc-primary-text' }, caption(r.title)),
        h('div', { class: 'tc-sub tc-mono' }, r.id),
        h('button', { type: 'button', class: 'tc-btn tc-btn--small', onclick: () => choose(r.id) }, t('reports.choose'))),
      h('td', {}, caption(r.description)),
      h('td', {}, r.formats.map((f) => f.toLowerCase()).join(' · ').toUpperCase()))));
  }
  $('catalog-table').setAttribute('aria-busy', 'false');
  const selected = $('r-report').value;
  $('r-report').replaceChildren(...state.reports.map((r) => h('option', { value: r.id }, caption(r.title))));
  $('r-report').value = selected || (state.reports[0] && state.reports[0].id) || '';
}

function fillFormats() {
  const report = selectedReport();
  const formats = (report ? report.formats : ['PDF']).map((f) => f.toLowerCase());
  const selected = $('r-format').value;
  $('r-format').replaceChildren(...formats.map((f) => h('option', { value: f }, f.toUpperCase())));
  $('r-format').value = formats.includes(selected) ? selected : formats[0];
}

/** The view button and the new-tab link only for formats a browser shows; the URL kept current. */
function updateActions() {
  const viewable = VIEWABLE.has($('r-format').value);
  $('view').disabled = !viewable;
  $('hint-format').textContent = viewable ? '' : t('reports.xlsxHint');
  const link = $('open-tab');
  link.href = documentUrl();
  link.hidden = !viewable;
}

async function fillReportOptions() {
  const report = selectedReport();
  if (!report) {
    return;
  }
  fillFormats();
  if (!state.months.has(report.cube)) {
    state.months.set(report.cube, await loadMonths(report.cube));
  }
  fillMonthSelect($('r-month'), state.months.get(report.cube), $('r-month').value);
  fillRegionSelect($('r-scope'), await loadRegions(report.cube, language()), $('r-scope').value);
  updateActions();
}

function choose(id) {
  $('r-report').value = id;
  fillReportOptions().catch(showRenderError);
  $('r-report').focus();
}

/* ---------- Errors ---------- */

function clearErrors() {
  $('render-error').hidden = true;
  for (const p of document.querySelectorAll('[data-error-for]')) {
    p.textContent = '';
  }
  for (const el of document.querySelectorAll('#render-form [aria-invalid]')) {
    el.removeAttribute('aria-invalid');
  }
}

function showRenderError(error) {
  const detail = error.detail || error.message || String(error);
  $('render-error').textContent = t('reports.failed', { detail });
  $('render-error').hidden = false;
  const field = document.querySelector(`[data-error-for="${error.field}"]`);
  if (field) {
    field.textContent = detail;
    $('r-' + error.field).setAttribute('aria-invalid', 'true');
  }
}

function showPageError(error) {
  $('page-error-text').textContent = t('reports.loadFailed', { detail: error.detail || error.message });
  $('page-error').hidden = false;
}

/* ---------- Actions ---------- */

async function withBusy(button, action) {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  clearErrors();
  try {
    await action();
  } catch (e) {
    showRenderError(e);
  } finally {
    button.removeAttribute('aria-busy');
    updateActions();
    button.disabled = button === $('view') && !VIEWABLE.has($('r-format').value);
  }
}

async function view() {
  const url = documentUrl();
  const format = $('r-format').value;
  const { blob } = await fetchDocument(url);
  if (state.viewerUrl) {
    URL.revokeObjectURL(state.viewerUrl);
  }
  state.viewerUrl = URL.createObjectURL(blob);
  const frame = $('viewer');
  // HTML from the server runs no scripts here; Chrome's PDF viewer needs an unsandboxed frame
  if (format === 'html') {
    frame.setAttribute('sandbox', 'allow-same-origin');
  } else {
    frame.removeAttribute('sandbox');
  }
  frame.dataset.source = url;
  frame.src = state.viewerUrl;
  const scope = $('r-scope').selectedOptions[0];
  $('viewer-title').textContent = [caption(selectedReport().title), scope ? scope.textContent : '',
    $('r-month').value, format.toUpperCase()].join(' · ');
  $('viewer-card').hidden = false;
  $('viewer-card').scrollIntoView({ block: 'start' });
}

async function download() {
  const { blob, filename } = await fetchDocument(documentUrl());
  saveBlob(blob, filename);
}

/* ---------- Start ---------- */

function wire() {
  $('page-error-retry').addEventListener('click', () => start());
  $('r-report').addEventListener('change', () => fillReportOptions().catch(showRenderError));
  // a changed field makes the last error stale
  for (const id of ['r-report', 'r-month', 'r-scope', 'r-locale', 'r-format']) {
    $(id).addEventListener('change', () => {
      clearErrors();
      updateActions();
    });
  }
  $('view').addEventListener('click', () => withBusy($('view'), view));
  $('download').addEventListener('click', () => withBusy($('download'), download));
  onLanguageChange(async (lang) => {
    renderCatalog();
    try {
      fillRegionSelect($('r-scope'), await loadRegions(selectedReport().cube, lang), $('r-scope').value);
    } catch {
      // the scope names stay in the language they were loaded in
    }
    updateActions();
  });
}

async function start() {
  $('page-error').hidden = true;
  try {
    state.reports = await api('/api/reports');
    renderCatalog();
    $('r-locale').value = language();
    await fillReportOptions();
  } catch (e) {
    showPageError(e);
    return;
  }
  document.body.dataset.ready = 'true';
}

initLanguage();
// who is logged in first: the navigation, and the region picker bound to the user's scope
startSession('reports').then(({ allowed }) => {
  if (allowed) {
    wire();
    start();
  }
});
