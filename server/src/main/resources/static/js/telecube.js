// TeleCube's shared page code: languages (zh-CN, the default, and en), calls to the API with its
// problem JSON, the loading bar, toasts, times in a given zone, and a small DOM helper.
// A plain ES module with no dependencies; every page of the product imports it.

export const LANGUAGES = ['zh-CN', 'en'];
export const DEFAULT_LANGUAGE = 'zh-CN';
const STORAGE_KEY = 'telecube.lang';

const messages = {
  'zh-CN': {
    'nav.explorer': '立方体分析',
    'nav.schedules': '定时报告',
    'nav.reports': '报告中心',
    'nav.lists': '流失名单',
    'common.mainNav': '主导航',
    'common.language': '语言',
    'common.skipToContent': '跳到主要内容',
    'common.loading': '加载中…',
    'common.refresh': '刷新',
    'common.retry': '重试',
    'common.cancel': '取消',
    'common.close': '关闭',
    'common.save': '保存',
    'common.saving': '保存中…',
    'common.delete': '删除',
    'common.edit': '编辑',
    'common.actions': '操作',
    'common.optional': '（可选）',
    'common.none': '—',
    'error.network': '无法连接服务器，请检查网络后重试。',
    'error.http': '服务器返回错误 {status}。',
  },
  en: {
    'nav.explorer': 'Cube explorer',
    'nav.schedules': 'Report schedules',
    'nav.reports': 'Reports',
    'nav.lists': 'Churn lists',
    'common.mainNav': 'Main navigation',
    'common.language': 'Language',
    'common.skipToContent': 'Skip to main content',
    'common.loading': 'Loading…',
    'common.refresh': 'Refresh',
    'common.retry': 'Retry',
    'common.cancel': 'Cancel',
    'common.close': 'Close',
    'common.save': 'Save',
    'common.saving': 'Saving…',
    'common.delete': 'Delete',
    'common.edit': 'Edit',
    'common.actions': 'Actions',
    'common.optional': '(optional)',
    'common.none': '—',
    'error.network': 'Cannot reach the server. Check the connection and try again.',
    'error.http': 'The server answered with error {status}.',
  },
};

let current = DEFAULT_LANGUAGE;
const listeners = [];

/** Adds a page's own messages: {'zh-CN': {key: text}, en: {key: text}}. */
export function addMessages(more) {
  for (const lang of LANGUAGES) {
    Object.assign(messages[lang], more[lang] || {});
  }
}

/** The text of {@code key} in the current language, with {name} placeholders filled from {@code vars}. */
export function t(key, vars = {}) {
  const text = messages[current][key] ?? messages[DEFAULT_LANGUAGE][key] ?? key;
  return text.replace(/\{(\w+)}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

export function language() {
  return current;
}

/** Called with the new language after every switch (re-render whatever is built in script). */
export function onLanguageChange(listener) {
  listeners.push(listener);
}

function normalize(lang) {
  if (!lang) {
    return null;
  }
  const l = lang.trim().toLowerCase();
  if (l === 'en' || l.startsWith('en-')) {
    return 'en';
  }
  if (l === 'zh' || l.startsWith('zh')) {
    return 'zh-CN';
  }
  return null;
}

function storedLanguage() {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * Picks the language (?lang= first, then the last choice in localStorage, then zh-CN), translates
 * the page and wires the switch buttons ([data-lang]).
 */
export function initLanguage() {
  const fromUrl = normalize(new URL(location.href).searchParams.get('lang'));
  current = fromUrl || normalize(storedLanguage()) || DEFAULT_LANGUAGE;
  if (fromUrl) {
    remember(fromUrl);
  }
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.addEventListener('click', () => setLanguage(button.dataset.lang));
  }
  applyLanguage();
}

function remember(lang) {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

export function setLanguage(lang) {
  const l = normalize(lang) || DEFAULT_LANGUAGE;
  remember(l);
  const url = new URL(location.href);
  url.searchParams.set('lang', l);
  history.replaceState(history.state, '', url);
  if (l === current) {
    return;
  }
  current = l;
  applyLanguage();
  for (const listener of listeners) {
    listener(current);
  }
}

/** Translates the static markup: data-i18n (text), data-i18n-placeholder, -title, -aria-label. */
export function translate(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n);
  }
  for (const [data, attribute] of [['i18nPlaceholder', 'placeholder'], ['i18nTitle', 'title'],
    ['i18nAriaLabel', 'aria-label']]) {
    const selector = '[data-' + data.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase()) + ']';
    for (const el of root.querySelectorAll(selector)) {
      el.setAttribute(attribute, t(el.dataset[data]));
    }
  }
}

function applyLanguage() {
  document.documentElement.lang = current;
  translate();
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === current));
  }
  // links to the other pages keep the language
  for (const a of document.querySelectorAll('.tc-nav a, a.tc-brand')) {
    const url = new URL(a.getAttribute('href'), location.href);
    url.searchParams.set('lang', current);
    a.href = url.pathname + url.search;
  }
}

/* ---------- API ---------- */

/** An error answer of the API (RFC 9457 problem JSON) or a failure to reach it. */
export class ApiError extends Error {
  constructor({ status = 0, title = '', detail = '', field = null, code = null } = {}) {
    super(detail || title || 'HTTP ' + status);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.field = field;
    this.code = code;
  }
}

export const LOGIN_PAGE = '/login.html';
const CSRF_COOKIE = 'XSRF-TOKEN';
const CSRF_HEADER = 'X-XSRF-TOKEN';

/** The current value of the XSRF-TOKEN cookie, or null. Read on every call: the token rotates at login. */
export function csrfToken() {
  for (const part of document.cookie.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === CSRF_COOKIE) {
      const value = part.slice(i + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return value;
      }
    }
  }
  return null;
}

/**
 * The CSRF header for a state-changing request made with the session ({} without the cookie), for
 * the fetch calls that do not go through api(): {...csrfHeaders(), 'content-type': ...}.
 */
export function csrfHeaders() {
  const token = csrfToken();
  return token ? { [CSRF_HEADER]: token } : {};
}

function changesState(method) {
  return !['GET', 'HEAD', 'OPTIONS'].includes(String(method).toUpperCase());
}

/** Only a path of this site may follow the login: "/…", never "//host" or "/\host" (no open redirect). */
export function safeNext(next) {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')
    || /[\u0000-\u001f\u007f\\]/.test(next)) {
    return null;
  }
  let url;
  try {
    url = new URL(next, location.origin);
  } catch {
    return null;
  }
  if (url.origin !== location.origin || url.pathname === LOGIN_PAGE) {
    return null;
  }
  return url.pathname + url.search + url.hash;
}

let leaving = false;

/**
 * Sends the browser to the login page, to come back here afterwards. {reason: 'password'} when
 * the account must change its password first (the login page then shows that form).
 */
export function redirectToLogin({ reason = null } = {}) {
  if (leaving || location.pathname === LOGIN_PAGE) {
    return;
  }
  leaving = true;
  const params = new URLSearchParams({ next: location.pathname + location.search });
  if (reason) {
    params.set('reason', reason);
  }
  location.assign(LOGIN_PAGE + '?' + params);
}

/**
 * What a page does with an answer that says the session is gone (401) or the password must be
 * changed first (403 password_change_required): leaves for the login page. True when it did.
 */
export function handleAuthFailure(status, code) {
  if (status === 401) {
    redirectToLogin();
    return true;
  }
  if (status === 403 && code === 'password_change_required') {
    redirectToLogin({ reason: 'password' });
    return true;
  }
  return false;
}

/**
 * The product's pages and the roles that may use each (the server's role matrix decides; this only
 * keeps the navigation from offering what would be refused). A loader has no page: it loads data
 * through the API or the command line.
 */
export const PAGES = [
  { id: 'explorer', path: '/', alias: '/index.html', label: 'nav.explorer', roles: ['admin', 'analyst'] },
  { id: 'schedules', path: '/schedules.html', label: 'nav.schedules', roles: ['admin', 'analyst', 'manager'] },
  { id: 'reports', path: '/reports.html', label: 'nav.reports', roles: ['admin', 'analyst', 'manager'] },
  { id: 'lists', path: '/lists.html', label: 'nav.lists', roles: ['admin', 'manager'] },
];

/** The page a path shows, or null for anything else. */
export function pageAt(pathname) {
  return PAGES.find((p) => p.path === pathname || p.alias === pathname) || null;
}

/** Whether {@code role} may use the page {@code id}; any role when the server has no users (role null). */
export function mayUse(role, id) {
  const page = PAGES.find((p) => p.id === id);
  return !role || !page || page.roles.includes(role);
}

/**
 * Where a role starts: a manager at the reports, the others at their first page; a loader at the
 * explorer's address, which tells it to use the API or the command line.
 */
export function homeOf(role) {
  if (role === 'manager') {
    return '/reports.html';
  }
  const page = PAGES.find((p) => mayUse(role, p.id));
  return page ? page.path : '/';
}

let pending = 0;

function busy(delta) {
  pending = Math.max(0, pending + delta);
  const bar = document.getElementById('tc-progress');
  if (bar) {
    bar.hidden = pending === 0;
  }
  document.body.toggleAttribute('data-loading', pending > 0);
}

/**
 * Calls the API: JSON in and out. Resolves to the parsed body (null for 204); rejects with an
 * ApiError carrying the problem's detail, field and code. {quiet: true} keeps the loading bar off.
 * State-changing calls carry the CSRF header. A 401 (the session is gone) leaves for the login page
 * unless {loginRedirect: false} (the login page's own calls, whose 401 means a wrong password).
 */
export async function api(path, { method = 'GET', body, quiet = false, signal, headers = {}, loginRedirect = true } = {}) {
  // Accept-Language: the API words its problems in the page's language, not the browser's
  const init = {
    method,
    headers: { Accept: 'application/json, application/problem+json', 'Accept-Language': current, ...headers },
    signal,
  };
  if (changesState(method)) {
    Object.assign(init.headers, csrfHeaders());
  }
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (!quiet) {
    busy(1);
  }
  try {
    let response;
    try {
      response = await fetch(path, init);
    } catch (e) {
      if (e.name === 'AbortError') {
        throw e;
      }
      throw new ApiError({ detail: t('error.network') });
    }
    const text = await response.text();
    let json = null;
    if (text) {
      try {
        json = JSON.parse(text);
      } catch {
        json = null;
      }
    }
    if (!response.ok) {
      const problem = json && typeof json === 'object' ? json : {};
      if (loginRedirect) {
        handleAuthFailure(response.status, problem.code || null);
      }
      throw new ApiError({
        status: response.status,
        title: problem.title || response.statusText,
        detail: problem.detail || t('error.http', { status: response.status }),
        field: problem.field || null,
        code: problem.code || null,
      });
    }
    return json;
  } finally {
    if (!quiet) {
      busy(-1);
    }
  }
}

/* ---------- Times ---------- */

const formatters = new Map();

function formatter(zone) {
  if (!formatters.has(zone)) {
    formatters.set(zone, new Intl.DateTimeFormat('en-US', {
      timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
      hourCycle: 'h23', timeZoneName: 'longOffset',
    }));
  }
  return formatters.get(zone);
}

/** "+08:00" from Intl's "GMT+08:00" (and "GMT" alone at UTC). */
function offsetOf(gmt) {
  const m = /^GMT(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/.exec(gmt || '');
  if (!m || !m[1]) {
    return '+00:00';
  }
  return m[1] + m[2].padStart(2, '0') + ':' + (m[3] || '00');
}

/**
 * An instant ("2026-11-23T15:58:15Z") as the wall time in {@code zone} with its offset:
 * {date: "2026-11-23", time: "23:58", offset: "+08:00"}. Never the browser's own zone.
 */
export function inZone(instant, zone) {
  const date = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(date.getTime())) {
    return null;
  }
  let parts;
  try {
    parts = formatter(zone).formatToParts(date);
  } catch {
    parts = formatter('UTC').formatToParts(date);
  }
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}`, offset: offsetOf(p.timeZoneName) };
}

/**
 * A time the API already gives in a zone ("2026-12-01T08:00:00+08:00") as written there, without
 * converting it: {date, time, offset}.
 */
export function asWritten(offsetDateTime) {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(offsetDateTime || '');
  if (!m) {
    return null;
  }
  return { date: m[1], time: m[2], offset: m[3] === 'Z' ? '+00:00' : m[3] };
}

const WEEKDAYS = {
  'zh-CN': ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};

/** The weekday of a "YYYY-MM-DD" date, in the current language. */
export function weekday(isoDate) {
  const [y, m, d] = isoDate.split('-').map(Number);
  return WEEKDAYS[current][new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
}

/**
 * A <time> element showing {date time offset}; its datetime attribute keeps the API's value.
 */
export function timeElement(value, parts, { showWeekday = false } = {}) {
  if (!parts) {
    return h('span', { class: 'tc-faint' }, t('common.none'));
  }
  return h('time', { class: 'tc-time', datetime: value },
    showWeekday ? h('span', { class: 'tc-weekday' }, weekday(parts.date) + ' ') : null,
    `${parts.date} ${parts.time} `,
    h('span', { class: 'tc-time__offset' }, parts.offset));
}

/** "in 8 days" / "8 天后" from now to {@code instant}, in the current language. */
export function relative(instant) {
  const ms = new Date(instant).getTime() - Date.now();
  if (Number.isNaN(ms)) {
    return '';
  }
  const rtf = new Intl.RelativeTimeFormat(current, { numeric: 'auto' });
  const abs = Math.abs(ms);
  const minute = 60_000;
  const hour = 60 * minute;
  const day = 24 * hour;
  if (abs < hour) {
    return rtf.format(Math.round(ms / minute), 'minute');
  }
  if (abs < day) {
    return rtf.format(Math.round(ms / hour), 'hour');
  }
  if (abs < 60 * day) {
    return rtf.format(Math.round(ms / day), 'day');
  }
  return rtf.format(Math.round(ms / (30 * day)), 'month');
}

/* ---------- DOM ---------- */

/**
 * Builds an element: h('td', {class: 'x', dataset: {id: 1}, onclick: fn}, 'text', child, [children]).
 * Text is always set as text, never parsed as HTML.
 */
export function h(tag, attributes = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(el, child);
    } else {
      el.append(child instanceof Node ? child : String(child));
    }
  }
}

/** A short message in the corner that goes away by itself; read out by screen readers. */
export function toast(message, { error = false, ms = 4000 } = {}) {
  const box = document.getElementById('tc-toasts');
  if (!box) {
    return;
  }
  const el = h('div', { class: error ? 'tc-toast tc-toast--error' : 'tc-toast' }, message);
  while (box.children.length >= 3) {
    box.firstElementChild.remove();
  }
  box.append(el);
  setTimeout(() => el.remove(), ms);
}

/** Calls {@code fn} once {@code ms} have passed without another call. */
export function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
