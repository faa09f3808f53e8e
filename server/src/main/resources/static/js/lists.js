// The churn lists page (/lists.html): the at-risk list (GET /api/churn/at-risk) and the churned-
// customer base (GET /api/churn/churned) for a month and a region, with numbers masked as the API
// gives them, and the same list as a CSV file from the server (/api/churn/{list}/export).

import { addMessages, api, h, initLanguage, language, onLanguageChange, t } from './telecube.js';
import { fetchDocument, fillMonthSelect, fillRegionSelect, loadMonths, loadRegions, saveBlob } from './regions.js';
import { startSession } from './session.js';

addMessages({
  'zh-CN': {
    'lists.pageTitle': '流失名单 · TeleCube',
    'lists.heading': '流失名单',
    'lists.lead': '流失预警用户与已离网用户，号码已脱敏。',
    'lists.whichList': '名单',
    'lists.atRisk': '流失预警',
    'lists.churned': '已离网',
    'lists.atRiskTitle': '流失预警用户',
    'lists.churnedTitle': '已离网用户',
    'lists.atRiskHint': '月末在网、预警分达到阈值的用户，按预警分 × 价值分排序。',
    'lists.churnedHint': '当月离网的用户，按离网前 3 个月平均 ARPU 从高到低排序。',
    'lists.export': '导出 CSV',
    'lists.exported': '已导出 {name}',
    'lists.empty': '该月份和地区没有用户。',
    'lists.loadFailed': '无法加载名单：{detail}',
    'lists.allRegions': '全部地区',
    'field.month': '月份',
    'field.region': '地区',
    'field.limit': '显示',
    'scope.wholeRegion': '{name}（全片区）',
    'col.rank': '#',
    'col.msisdn': '号码',
    'col.city': '城市',
    'col.segment': '价值分群',
    'col.tier': '价值层级',
    'col.arpu': 'ARPU',
    'col.tenure': '在网时长',
    'col.warningScore': '预警分',
    'col.signals': '预警信号',
    'col.action': '建议措施',
    'col.churnDate': '离网日期',
    'col.reason': '离网原因',
    'col.arpuBefore': '离网前 ARPU',
    'col.segmentBefore': '离网前分群',
    'col.lastSignals': '最近预警信号',
    'lists.months': '{n} 个月',
  },
  en: {
    'lists.pageTitle': 'Churn lists · TeleCube',
    'lists.heading': 'Churn lists',
    'lists.lead': 'Subscribers at risk of churning and subscribers who churned, with masked numbers.',
    'lists.whichList': 'List',
    'lists.atRisk': 'At risk',
    'lists.churned': 'Churned',
    'lists.atRiskTitle': 'Subscribers at risk',
    'lists.churnedTitle': 'Churned subscribers',
    'lists.atRiskHint': 'Active at the month\'s end with a warning score over the threshold, ranked by warning score × value score.',
    'lists.churnedHint': 'Churned in the month, by the average ARPU of the three months before, highest first.',
    'lists.export': 'Export CSV',
    'lists.exported': 'Exported {name}',
    'lists.empty': 'No subscribers for this month and region.',
    'lists.loadFailed': 'Cannot load the list: {detail}',
    'lists.allRegions': 'All regions',
    'field.month': 'Month',
    'field.region': 'Region',
    'field.limit': 'Show',
    'scope.wholeRegion': '{name} (whole region)',
    'col.rank': '#',
    'col.msisdn': 'Number',
    'col.city': 'City',
    'col.segment': 'Segment',
    'col.tier': 'Value tier',
    'col.arpu': 'ARPU',
    'col.tenure': 'Tenure',
    'col.warningScore': 'Warning score',
    'col.signals': 'Signals',
    'col.action': 'Action',
    'col.churnDate': 'Churn date',
    'col.reason': 'Reason',
    'col.arpuBefore': 'ARPU before',
    'col.segmentBefore': 'Segment before',
    'col.lastSignals': 'Last signals',
    'lists.months': '{n} mo',
  },
});

const CUBE = 'subscribers';
const state = { list: 'at-risk', rows: [], months: [], loaded: false };
const $ = (id) => document.getElementById(id);

/** ¥1,234.50 — the same in both languages, as the reports print amounts. */
function yuan(value) {
  if (value === null || value === undefined) {
    return t('common.none');
  }
  return '¥' + Number(value).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function name(member) {
  return member ? (member.caption || member.key) : t('common.none');
}

function names(members) {
  return (members || []).map(name).join(language() === 'zh-CN' ? '、' : ', ') || t('common.none');
}

const COLUMNS = {
  'at-risk': [
    { key: 'col.rank', num: true, value: (r) => String(r.rank) },
    { key: 'col.msisdn', mono: true, value: (r) => r.msisdn || t('common.none') },
    { key: 'col.city', value: (r) => name(r.city) },
    { key: 'col.segment', value: (r) => name(r.segment) },
    { key: 'col.tier', value: (r) => name(r.valueTier) },
    { key: 'col.arpu', num: true, value: (r) => yuan(r.arpu) },
    { key: 'col.tenure', num: true, value: (r) => t('lists.months', { n: r.tenureMonths }) },
    { key: 'col.warningScore', num: true, value: (r) => Number(r.warningScore).toFixed(3) },
    { key: 'col.signals', value: (r) => names(r.signals) },
    { key: 'col.action', value: (r) => name(r.action) },
  ],
  churned: [
    { key: 'col.msisdn', mono: true, value: (r) => r.msisdn || t('common.none') },
    { key: 'col.city', value: (r) => name(r.city) },
    { key: 'col.churnDate', value: (r) => r.churnDate || t('common.none') },
    { key: 'col.reason', value: (r) => name(r.reason) },
    { key: 'col.tenure', num: true, value: (r) => t('lists.months', { n: r.tenureMonths }) },
    { key: 'col.arpuBefore', num: true, value: (r) => yuan(r.arpuBefore) },
    { key: 'col.segmentBefore', value: (r) => name(r.segmentBefore) },
    { key: 'col.lastSignals', value: (r) => names(r.lastSignals) },
  ],
};

function query({ limit = $('l-limit').value } = {}) {
  const params = new URLSearchParams({ month: $('l-month').value, limit, locale: language() });
  if ($('l-region').value) {
    params.set('region', $('l-region').value);
  }
  return params;
}

/* ---------- Rendering ---------- */

function render() {
  const columns = COLUMNS[state.list];
  for (const b of document.querySelectorAll('[data-list]')) {
    b.setAttribute('aria-pressed', String(b.dataset.list === state.list));
  }
  $('list-title').textContent = t(state.list === 'at-risk' ? 'lists.atRiskTitle' : 'lists.churnedTitle');
  $('list-hint').textContent = t(state.list === 'at-risk' ? 'lists.atRiskHint' : 'lists.churnedHint');
  $('list-head').replaceChildren(h('tr', {}, columns.map((c) =>
    h('th', { scope: 'col', class: c.num ? 'tc-num' : null, dataset: { col: c.key } }, t(c.key)))));
  $('row-count').textContent = String(state.rows.length);
  const body = $('list-body');
  if (!state.rows.length) {
    body.replaceChildren(h('tr', {}, h('td', { colspan: columns.length, class: 'tc-empty' },
      state.loaded ? t('lists.empty') : t('common.loading'))));
  } else {
    body.replaceChildren(...state.rows.map((r) => h('tr', { dataset: { subscriberId: r.subscriberId } },
      columns.map((c) => h('td', { class: [c.num ? 'tc-num' : '', c.mono ? 'tc-mono' : ''].join(' ').trim() || null },
        c.value(r))))));
  }
  $('list-table').setAttribute('aria-busy', 'false');
}

/* ---------- Loading ---------- */

let generation = 0;

async function loadList() {
  const mine = ++generation;
  const lang = language();
  $('list-table').setAttribute('aria-busy', 'true');
  try {
    const answer = await api('/api/churn/' + state.list + '?' + query());
    if (mine !== generation) {
      return;
    }
    state.rows = answer.subscribers;
    state.loaded = true;
    $('page-error').hidden = true;
    // what tests wait for: the list, month, region and language the table now shows
    document.body.dataset.listReady = [state.list, answer.month, answer.region || '', lang].join('|');
  } catch (e) {
    if (mine !== generation) {
      return;
    }
    state.rows = [];
    state.loaded = true;
    showPageError(e);
  }
  render();
}

function showPageError(error) {
  $('page-error-text').textContent = t('lists.loadFailed', { detail: error.detail || error.message });
  $('page-error').hidden = false;
}

async function exportCsv() {
  const button = $('export');
  button.disabled = true;
  try {
    const { blob, filename } = await fetchDocument('/api/churn/' + state.list + '/export?' + query({ limit: 10000 }));
    saveBlob(blob, filename);
  } catch (e) {
    showPageError(e);
  } finally {
    button.disabled = false;
  }
}

async function fillRegions() {
  fillRegionSelect($('l-region'), await loadRegions(CUBE, language()), $('l-region').value,
    { allLabel: 'lists.allRegions' });
}

/* ---------- Start ---------- */

function wire() {
  $('page-error-retry').addEventListener('click', () => start());
  for (const b of document.querySelectorAll('[data-list]')) {
    b.addEventListener('click', () => {
      if (state.list !== b.dataset.list) {
        state.list = b.dataset.list;
        state.rows = [];
        state.loaded = false;
        render();
        loadList();
      }
    });
  }
  for (const id of ['l-month', 'l-region', 'l-limit']) {
    $(id).addEventListener('change', loadList);
  }
  $('export').addEventListener('click', exportCsv);
  onLanguageChange(async () => {
    render();
    try {
      await fillRegions();
    } catch {
      // region names stay in the language they were loaded in
    }
    loadList(); // captions of cities, segments and signals come from the API in its language
  });
}

async function start() {
  $('page-error').hidden = true;
  try {
    state.months = await loadMonths(CUBE);
    fillMonthSelect($('l-month'), state.months, $('l-month').value);
    await fillRegions();
  } catch (e) {
    showPageError(e);
    return;
  }
  render();
  await loadList();
  document.body.dataset.ready = 'true';
}

initLanguage();
// who is logged in first: the navigation, and the region picker bound to the user's scope
startSession('lists').then(({ allowed }) => {
  if (allowed) {
    wire();
    start();
  }
});
