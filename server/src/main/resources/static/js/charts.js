/**
 * The chart layer of the cube explorer: bar, line and China-by-province map charts drawn with
 * Apache ECharts 5, from plain data.
 *
 * The page loads ECharts first with a classic script tag (the WebJar, versionless URL):
 *
 *   <script src="/webjars/echarts/echarts.min.js"></script>
 *   <script type="module">
 *     import { barChart, lineChart, chinaMap } from '/js/charts.js';
 *     barChart(el, { categories: ['华北', '华东'], series: [{ name: '收入', values: [1200, 3400] }],
 *                    format: 'currency', locale: 'zh-CN' });
 *     await chinaMap(el2, { values: { '440000': 1234.5 }, name: '收入', format: 'currency', locale: 'zh-CN' });
 *   </script>
 *
 * Every chart: no animation (stable screenshots), a calm print-friendly palette, SVG rendering by
 * default (crisp when printed; `renderer: 'canvas'` to change), numbers through Intl.NumberFormat of
 * the given locale, and resizing with its element (ResizeObserver). Drawing again into the same
 * element reuses its chart; disposeChart(element) ends it.
 *
 * format is the measure's format of the cube model: 'currency' (yuan), 'percent' (a ratio: 0.123 is
 * 12.3%), 'count' or 'integer' (whole numbers), 'number' or null (up to two decimals).
 * locale is 'zh-CN' or 'en' (any BCP 47 tag; Chinese texts for zh*, English otherwise).
 */

/** Series colours: muted, distinct in print and for most colour-blind readers. */
export const PALETTE = Object.freeze([
  '#3a6ea5', '#e39b3f', '#5b9a68', '#c4574f', '#7d6aa8', '#4aa3b5', '#a08660', '#8a8f96',
]);

/** Choropleth ramp of the map, light (low) to dark (high). */
export const MAP_RAMP = Object.freeze(['#d6e5f4', '#b3cfe9', '#86b2da', '#5a91c6', '#336aa6', '#1b467a']);

const FONT_FAMILY = "'Noto Sans SC','Noto Sans CJK SC','PingFang SC','Microsoft YaHei','Helvetica Neue',Arial,sans-serif";
const TEXT_COLOR = '#333a44';
const MUTED_COLOR = '#6b7480';
const AXIS_COLOR = '#b8bec6';
const GRID_COLOR = '#e8ebef';
const NO_DATA_AREA = '#f3f3f2';

/** URL of the China GeoJSON, generated into the server's static resources at build time. */
export const CHINA_MAP_URL = '/maps/china.json';
const CHINA_MAP_NAME = 'china';

/**
 * The province-level units of GB/T 2260 with their Chinese and English names. The warehouse has the
 * first 31 (reference data regions.csv); Taiwan, Hong Kong and Macau are here so that the map can
 * name their areas.
 */
const PROVINCES = Object.freeze({
  '110000': ['北京市', 'Beijing'],
  '120000': ['天津市', 'Tianjin'],
  '130000': ['河北省', 'Hebei'],
  '140000': ['山西省', 'Shanxi'],
  '150000': ['内蒙古自治区', 'Inner Mongolia'],
  '210000': ['辽宁省', 'Liaoning'],
  '220000': ['吉林省', 'Jilin'],
  '230000': ['黑龙江省', 'Heilongjiang'],
  '310000': ['上海市', 'Shanghai'],
  '320000': ['江苏省', 'Jiangsu'],
  '330000': ['浙江省', 'Zhejiang'],
  '340000': ['安徽省', 'Anhui'],
  '350000': ['福建省', 'Fujian'],
  '360000': ['江西省', 'Jiangxi'],
  '370000': ['山东省', 'Shandong'],
  '410000': ['河南省', 'Henan'],
  '420000': ['湖北省', 'Hubei'],
  '430000': ['湖南省', 'Hunan'],
  '440000': ['广东省', 'Guangdong'],
  '450000': ['广西壮族自治区', 'Guangxi'],
  '460000': ['海南省', 'Hainan'],
  '500000': ['重庆市', 'Chongqing'],
  '510000': ['四川省', 'Sichuan'],
  '520000': ['贵州省', 'Guizhou'],
  '530000': ['云南省', 'Yunnan'],
  '540000': ['西藏自治区', 'Tibet'],
  '610000': ['陕西省', 'Shaanxi'],
  '620000': ['甘肃省', 'Gansu'],
  '630000': ['青海省', 'Qinghai'],
  '640000': ['宁夏回族自治区', 'Ningxia'],
  '650000': ['新疆维吾尔自治区', 'Xinjiang'],
  '710000': ['台湾省', 'Taiwan'],
  '810000': ['香港特别行政区', 'Hong Kong'],
  '820000': ['澳门特别行政区', 'Macau'],
});

/** Areas the map draws that are no province (ECharts adds the South China Sea islands inset). */
const OTHER_AREAS = Object.freeze({ 南海诸岛: ['南海诸岛', 'South China Sea Islands'] });

const TEXTS = Object.freeze({
  zh: { noData: '无数据', high: '高', low: '低' },
  en: { noData: 'No data', high: 'High', low: 'Low' },
});

// ---------------------------------------------------------------------------------------------
// Numbers

const numberFormats = new Map();

function numberFormat(locale, options) {
  const key = locale + JSON.stringify(options);
  let nf = numberFormats.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, nf);
  }
  return nf;
}

function intlLocale(locale) {
  return locale ? String(locale) : 'zh-CN';
}

function isChinese(locale) {
  return intlLocale(locale).toLowerCase().startsWith('zh');
}

function texts(locale) {
  return isChinese(locale) ? TEXTS.zh : TEXTS.en;
}

function isNumber(v) {
  return typeof v === 'number' && Number.isFinite(v);
}

const CURRENCY = { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol' };

/**
 * A value in full, for tooltips and labels: ¥1,234,567.80, 12.3%, 1,234, 1,234.57; '—' when it is
 * no number.
 */
export function formatValue(value, format, locale) {
  if (!isNumber(value)) {
    return '—';
  }
  const loc = intlLocale(locale);
  switch (format) {
    case 'currency':
      return numberFormat(loc, { ...CURRENCY, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
    case 'percent':
      return numberFormat(loc, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
    case 'count':
    case 'integer':
      return numberFormat(loc, { maximumFractionDigits: 0 }).format(value);
    default:
      return numberFormat(loc, { maximumFractionDigits: 2 }).format(value);
  }
}

/**
 * A value in short, for axis ticks and legends: from ten thousand on in the locale's compact units
 * (zh-CN: ¥1.5万, ¥3亿; en: ¥15K, ¥300M); percents with at most one decimal.
 */
export function formatAxisValue(value, format, locale) {
  if (!isNumber(value)) {
    return '';
  }
  const loc = intlLocale(locale);
  if (format === 'percent') {
    return numberFormat(loc, { style: 'percent', maximumFractionDigits: 1 }).format(value);
  }
  const base = format === 'currency' ? CURRENCY : {};
  if (Math.abs(value) >= 10000) {
    return numberFormat(loc, { ...base, notation: 'compact', maximumFractionDigits: 2 }).format(value);
  }
  return numberFormat(loc, { ...base, minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(value);
}

// ---------------------------------------------------------------------------------------------
// Chart instances

function lib() {
  const echarts = globalThis.echarts;
  if (!echarts) {
    throw new Error('charts.js needs Apache ECharts: load /webjars/echarts/echarts.min.js with a classic '
        + '<script> tag before the module that draws');
  }
  return echarts;
}

const resizeObservers = new WeakMap();
const drawTokens = new WeakMap();

function chartFor(element, renderer, locale) {
  if (!(element instanceof Element)) {
    throw new TypeError('charts.js: element must be a DOM element, got ' + element);
  }
  const echarts = lib();
  const wanted = renderer === 'canvas' ? 'canvas' : 'svg';
  const lang = isChinese(locale) ? 'ZH' : 'EN';
  let chart = echarts.getInstanceByDom(element);
  if (chart && (chart.__telecube?.renderer !== wanted || chart.__telecube?.lang !== lang)) {
    disposeChart(element);
    chart = undefined;
  }
  if (!chart) {
    chart = echarts.init(element, null, { renderer: wanted, locale: lang });
    chart.__telecube = { renderer: wanted, lang };
    observeSize(element, chart);
  }
  return chart;
}

function observeSize(element, chart) {
  if (typeof ResizeObserver === 'undefined' || resizeObservers.has(element)) {
    return;
  }
  let pending = false;
  const observer = new ResizeObserver(() => {
    if (pending) {
      return;
    }
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      if (!chart.isDisposed()) {
        chart.resize();
      }
    });
  });
  observer.observe(element);
  resizeObservers.set(element, observer);
}

/** Ends the chart drawn into element (if any) and stops following its size. */
export function disposeChart(element) {
  const observer = resizeObservers.get(element);
  if (observer) {
    observer.disconnect();
    resizeObservers.delete(element);
  }
  drawTokens.delete(element);
  const echarts = globalThis.echarts;
  const chart = echarts && echarts.getInstanceByDom(element);
  if (chart) {
    chart.dispose();
  }
}

function escapeHtml(s) {
  return String(s ?? '').replace(/[&<>"']/g, c => ({
    '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
  })[c]);
}

function baseOption({ title, locale }) {
  return {
    animation: false,
    color: [...PALETTE],
    backgroundColor: 'transparent',
    textStyle: { fontFamily: FONT_FAMILY, color: TEXT_COLOR },
    aria: { enabled: true, decal: { show: false } },
    title: title
      ? { text: title, left: 8, top: 4, textStyle: { fontSize: 15, fontWeight: 600, color: TEXT_COLOR } }
      : { show: false },
    tooltip: {
      confine: true,
      backgroundColor: 'rgba(255,255,255,0.97)',
      borderColor: '#d5d9de',
      borderWidth: 1,
      padding: [8, 12],
      textStyle: { color: TEXT_COLOR, fontSize: 13, fontFamily: FONT_FAMILY },
      extraCssText: 'box-shadow: 0 2px 8px rgba(0,0,0,0.12); border-radius: 4px;',
    },
  };
}

function noDataGraphic(locale) {
  return [{
    type: 'text', left: 'center', top: 'middle', silent: true,
    style: { text: texts(locale).noData, fill: MUTED_COLOR, font: `14px ${FONT_FAMILY}` },
  }];
}

function checkSeries(categories, series) {
  if (!Array.isArray(categories)) {
    throw new TypeError('charts.js: categories must be an array of captions');
  }
  if (!Array.isArray(series)) {
    throw new TypeError('charts.js: series must be an array of {name, values}');
  }
  return series.map((s, i) => ({
    name: s.name == null ? `#${i + 1}` : String(s.name),
    values: categories.map((_, j) => (isNumber(s.values?.[j]) ? s.values[j] : null)),
  }));
}

/** The most categories labelled at once along the bottom of a chart; more scroll in a window. */
const MAX_LABELLED = 16;

/** A label's width in pixels at 12px, roughly: CJK characters are square, Latin ones about half. */
function textWidth(text) {
  let width = 0;
  for (const ch of text) {
    width += ch.codePointAt(0) > 0x2e80 ? 12 : 7;
  }
  return width;
}

function cartesianOption(kind, { categories, series, format, locale, title, stack, horizontal }) {
  const rows = checkSeries(categories, series);
  const option = baseOption({ title, locale });
  const legend = rows.length > 1;
  const top = (title ? 40 : 12) + (legend ? 28 : 0);
  option.legend = legend
    ? {
        top: title ? 34 : 4, left: 8, type: 'scroll', icon: kind === 'line' ? 'path://M0,4 L16,4 L16,6 L0,6 Z' : 'roundRect',
        itemWidth: kind === 'line' ? 16 : 12, itemHeight: kind === 'line' ? 10 : 10, itemGap: 16,
        textStyle: { color: TEXT_COLOR, fontSize: 12 },
      }
    : { show: false };
  option.grid = { left: 12, right: 32, top, bottom: 12, containLabel: true };
  option.tooltip.trigger = 'axis';
  option.tooltip.axisPointer = kind === 'bar'
    ? { type: 'shadow', shadowStyle: { color: 'rgba(58,110,165,0.08)' } }
    : { type: 'line', lineStyle: { color: AXIS_COLOR, type: 'dashed' } };
  option.tooltip.valueFormatter = v => formatValue(typeof v === 'number' ? v : Number.NaN, format, locale);

  // Every category gets its label (interval 0): a province the chart leaves unnamed cannot be
  // read. Along the bottom, labels turn as the axis fills up, and long ones wrap or end in "…"
  // (the tooltip has them whole); down the side they sit one per row.
  const labels = categories.map(c => String(c ?? ''));
  const longest = labels.reduce((m, c) => Math.max(m, textWidth(c)), 0);
  const crowded = !horizontal && (categories.length > 8 || longest * categories.length > 560);
  // more categories than fit along the bottom: a window of them, each labelled, with a slider
  const windowed = !horizontal && categories.length > MAX_LABELLED;
  const categoryAxis = {
    type: 'category',
    data: labels,
    boundaryGap: kind === 'bar',
    axisLine: { lineStyle: { color: AXIS_COLOR } },
    axisTick: { show: kind === 'bar', alignWithLabel: true, interval: 0, lineStyle: { color: AXIS_COLOR } },
    axisLabel: {
      color: MUTED_COLOR, interval: 0, hideOverlap: false,
      fontSize: horizontal && categories.length > 24 ? 11 : 12,
      rotate: crowded ? 45 : 0,
      width: horizontal ? 120 : (crowded ? 110 : undefined),
      overflow: horizontal || crowded ? 'truncate' : 'none',
    },
  };
  const valueAxis = {
    type: 'value',
    minInterval: format === 'count' || format === 'integer' ? 1 : undefined,
    axisLine: { show: false },
    axisTick: { show: false },
    splitLine: { lineStyle: { color: GRID_COLOR } },
    axisLabel: { color: MUTED_COLOR, fontSize: 12, formatter: v => formatAxisValue(v, format, locale) },
  };
  if (horizontal) {
    categoryAxis.inverse = true; // first category on top
    option.xAxis = valueAxis;
    option.yAxis = categoryAxis;
  } else {
    option.xAxis = categoryAxis;
    option.yAxis = valueAxis;
  }
  option.series = rows.map(s => kind === 'bar'
    ? {
        type: 'bar', name: s.name, data: s.values, stack: stack ? 'total' : undefined,
        barMaxWidth: 36, barGap: '15%', barCategoryGap: '35%',
        itemStyle: { borderRadius: stack ? 0 : (horizontal ? [0, 2, 2, 0] : [2, 2, 0, 0]) },
        emphasis: { focus: 'none' },
      }
    : {
        type: 'line', name: s.name, data: s.values, stack: stack ? 'total' : undefined,
        connectNulls: false, smooth: false,
        symbol: 'circle', symbolSize: 5, showSymbol: categories.length <= 36,
        lineStyle: { width: 2 },
        emphasis: { focus: 'none' },
      });
  if (windowed) {
    option.dataZoom = [
      { type: 'slider', xAxisIndex: 0, startValue: 0, endValue: MAX_LABELLED - 1, height: 14, bottom: 6,
        showDetail: false, brushSelect: false, zoomLock: true },
      { type: 'inside', xAxisIndex: 0, zoomLock: true },
    ];
    option.grid.bottom = 30;
  }
  option.graphic = rows.length === 0 || categories.length === 0 ? noDataGraphic(locale) : [];
  return option;
}

/**
 * A bar chart: one bar per category and series.
 *
 * @param {Element} element the container; give it a size (the chart fills it and follows it)
 * @param {{categories: string[], series: {name: string, values: (number|null)[]}[],
 *          format?: string|null, locale?: string, title?: string, stack?: boolean,
 *          horizontal?: boolean, renderer?: 'svg'|'canvas'}} data
 * @returns the ECharts instance
 */
export function barChart(element, data) {
  const chart = chartFor(element, data.renderer, data.locale);
  drawTokens.set(element, {});
  chart.setOption(cartesianOption('bar', data), { notMerge: true });
  return chart;
}

/**
 * A line chart, for time on the category axis (e.g. months in order).
 *
 * @param {Element} element the container
 * @param {{categories: string[], series: {name: string, values: (number|null)[]}[],
 *          format?: string|null, locale?: string, title?: string, stack?: boolean,
 *          renderer?: 'svg'|'canvas'}} data
 * @returns the ECharts instance
 */
export function lineChart(element, data) {
  const chart = chartFor(element, data.renderer, data.locale);
  drawTokens.set(element, {});
  chart.setOption(cartesianOption('line', { ...data, horizontal: false }), { notMerge: true });
  return chart;
}

// ---------------------------------------------------------------------------------------------
// The China map

let chinaMapLoad = null;
/** Province key (first two digits of the code) → the GeoJSON feature's name. */
let featureByKey = null;
/** GeoJSON feature name → province code, for the areas that have one. */
let codeByFeature = null;

function provinceKey(code) {
  const s = String(code ?? '').trim();
  return /^\d{2}(\d{4})?$/.test(s) ? s.slice(0, 2) : null;
}

function shortName(name) {
  return String(name ?? '').trim()
      .replace(/(特别行政区|壮族自治区|回族自治区|维吾尔自治区|自治区|省|市)$/, '');
}

function featureKey(feature) {
  const p = feature.properties || {};
  for (const raw of [feature.id, p.id, p.adcode, p.code]) {
    const key = provinceKey(raw);
    if (key) {
      return key;
    }
  }
  return null;
}

/**
 * Matches every province code to a feature of a GeoJSON: by the feature's code (id,
 * properties.id/adcode/code: '440000' or '44'), else by name ('广东省' ↔ '广东', or the English
 * name). Returns {'440000': '广东', ...} for the codes that have a feature.
 */
export function matchProvinces(geoJson) {
  const features = geoJson?.features || [];
  const names = features.map(f => f.properties?.name).filter(Boolean);
  const byKey = new Map();
  for (const f of features) {
    const key = featureKey(f);
    if (key && f.properties?.name && !byKey.has(key)) {
      byKey.set(key, f.properties.name);
    }
  }
  const taken = new Set(byKey.values());
  const result = {};
  for (const [code, [zh, en]] of Object.entries(PROVINCES)) {
    const key = provinceKey(code);
    let match = byKey.get(key);
    if (!match) {
      const short = shortName(zh);
      const free = names.filter(n => !taken.has(n));
      match = free.find(n => shortName(n) === short)
          || free.find(n => n.startsWith(short) || zh.startsWith(n))
          || free.find(n => n.toLowerCase() === en.toLowerCase());
    }
    if (match) {
      taken.add(match);
      result[code] = match;
    }
  }
  return result;
}

function indexFeatures(geoJson) {
  const matched = matchProvinces(geoJson);
  featureByKey = new Map(Object.entries(matched).map(([code, name]) => [provinceKey(code), name]));
  codeByFeature = new Map(Object.entries(matched).map(([code, name]) => [name, code]));
}

/**
 * Loads the China map once (fetch CHINA_MAP_URL, then echarts.registerMap) and resolves to the
 * names of its features.
 */
export function loadChinaMap() {
  if (!chinaMapLoad) {
    chinaMapLoad = fetch(CHINA_MAP_URL, { credentials: 'same-origin' })
      .then(response => {
        if (!response.ok) {
          throw new Error(`charts.js: ${CHINA_MAP_URL} answered ${response.status}`);
        }
        return response.json();
      })
      .then(geoJson => {
        lib().registerMap(CHINA_MAP_NAME, geoJson);
        indexFeatures(geoJson);
        return (geoJson.features || []).map(f => f.properties?.name);
      })
      .catch(error => {
        chinaMapLoad = null; // try again next time
        throw error;
      });
  }
  return chinaMapLoad;
}

/**
 * The map feature of a province code ('440000', or '44'), e.g. '广东'; null for an unknown code or
 * before loadChinaMap() (or chinaMap()) has resolved.
 */
export function provinceFeatureName(code) {
  const key = provinceKey(code);
  return featureByKey && key ? featureByKey.get(key) ?? null : null;
}

/** A province's name in the locale ('广东省' / 'Guangdong'); the code itself when unknown. */
export function provinceCaption(code, locale) {
  const key = provinceKey(code);
  const names = key ? PROVINCES[key + '0000'] : null;
  return names ? names[isChinese(locale) ? 0 : 1] : String(code ?? '');
}

/** The province codes this module knows (the 31 of the warehouse, then Taiwan, Hong Kong, Macau). */
export function provinceCodes() {
  return Object.keys(PROVINCES);
}

function areaCaption(featureName, locale, captions) {
  const code = codeByFeature?.get(featureName);
  if (code) {
    return captions?.[code] ?? provinceCaption(code, locale);
  }
  const other = OTHER_AREAS[featureName];
  return other ? other[isChinese(locale) ? 0 : 1] : featureName;
}

/**
 * A choropleth of China by province. Loads the map on first use, so it returns a promise of the
 * chart. Areas without a value (Taiwan, Hong Kong and Macau have none in the warehouse) are grey.
 *
 * @param {Element} element the container
 * @param {{values: Object<string, number>, name?: string, format?: string|null, locale?: string,
 *          title?: string, captions?: Object<string, string>, renderer?: 'svg'|'canvas'}} data
 *        values by province code ('440000': 1234.5); captions by code override the built-in names
 * @returns {Promise} the ECharts instance, once drawn; null when the element was drawn into again
 *          or disposed meanwhile
 */
export async function chinaMap(element, data) {
  const { values = {}, name = '', format = null, locale, title, captions, renderer } = data;
  const token = {};
  drawTokens.set(element, token);
  await loadChinaMap();
  if (drawTokens.get(element) !== token) {
    return null;
  }
  const chart = chartFor(element, renderer, locale);
  drawTokens.set(element, token);

  const items = [];
  const unmapped = [];
  for (const [code, value] of Object.entries(values)) {
    const feature = provinceFeatureName(code);
    if (!feature) {
      unmapped.push(code);
      continue;
    }
    const caption = captions?.[code] ?? provinceCaption(code, locale);
    items.push({ name: feature, value: isNumber(value) ? value : null, code: String(code), caption });
  }
  if (unmapped.length) {
    console.warn('charts.js: no map area for province codes', unmapped);
  }
  const numbers = items.map(i => i.value).filter(isNumber);
  let min = numbers.length ? Math.min(...numbers) : 0;
  let max = numbers.length ? Math.max(...numbers) : 1;
  if (min === max) {
    min = Math.min(0, min);
    max = max === min ? min + 1 : max;
  }
  const t = texts(locale);
  const option = baseOption({ title, locale });
  option.tooltip.trigger = 'item';
  option.tooltip.formatter = params => {
    const item = params.data;
    const caption = item?.caption ?? areaCaption(params.name, locale, captions);
    const value = item && isNumber(item.value) ? formatValue(item.value, format, locale) : t.noData;
    const label = name ? `<span style="color:${MUTED_COLOR}">${escapeHtml(name)}</span>&nbsp;&nbsp;` : '';
    return `<div style="font-weight:600;margin-bottom:4px">${escapeHtml(caption)}</div>`
        + `${label}<span style="font-weight:600">${escapeHtml(value)}</span>`;
  };
  option.visualMap = {
    show: numbers.length > 0,
    type: 'continuous',
    min,
    max,
    calculable: false,
    realtime: false,
    left: 16,
    bottom: 16,
    orient: 'vertical',
    itemWidth: 12,
    itemHeight: 110,
    text: [formatAxisValue(max, format, locale), formatAxisValue(min, format, locale)],
    textGap: 6,
    textStyle: { color: MUTED_COLOR, fontSize: 12 },
    inRange: { color: [...MAP_RAMP] },
    outOfRange: { color: NO_DATA_AREA },
    seriesIndex: 0,
  };
  option.series = [{
    type: 'map',
    map: CHINA_MAP_NAME,
    name,
    roam: false,
    selectedMode: false,
    // fit the whole country in the panel whatever its shape: the map's longer side is at most
    // 86% of the panel's shorter one (top/bottom alone let a wide map spill over the sides and
    // cut Xinjiang and Heilongjiang)
    layoutCenter: ['50%', title ? '55%' : '50%'],
    layoutSize: '86%',
    aspectScale: 0.78,
    label: { show: false },
    itemStyle: { areaColor: NO_DATA_AREA, borderColor: '#9aa3ad', borderWidth: 0.6 },
    emphasis: {
      label: { show: true, color: TEXT_COLOR, fontSize: 12, fontWeight: 600 },
      itemStyle: { areaColor: '#f2c879', borderColor: '#6b7480', borderWidth: 0.8 },
    },
    data: items,
  }];
  option.graphic = numbers.length === 0 ? noDataGraphic(locale) : [];
  chart.setOption(option, { notMerge: true });
  return chart;
}
