// Who is logged in, for the pages behind the login: GET /api/me once per page, the user menu at the
// header's end (name, role, org, log out), the navigation cut to the pages the role may use, and a
// plain message instead of a page the role may not use (so it makes no requests that would be
// refused). The server enforces all of it; this only keeps the pages from offering what it refuses.

import {
  addMessages, api, h, homeOf, language, LOGIN_PAGE, mayUse, onLanguageChange, pageAt, PAGES, redirectToLogin, t, toast,
} from './telecube.js';

addMessages({
  'zh-CN': {
    'user.menu': '当前用户',
    'user.logout': '退出登录',
    'user.logoutFailed': '无法退出登录：{detail}',
    'user.scope': '范围：{name}',
    'user.scopeTitle': '你只能看到此范围内的数据',
    'role.admin': '管理员',
    'role.analyst': '分析师',
    'role.manager': '业务经理',
    'role.loader': '数据加载',
    'access.title': '此页面不适用于你的角色',
    'access.text': '你的角色（{role}）不能使用“{page}”。',
    'access.goTo': '你可以使用：',
    'access.loaderTitle': '请通过 API 或命令行加载数据',
    'access.loaderText': '数据加载账号没有分析页面。请用命令行 telecube etl load 或 ETL 接口（/api/etl）加载数据，并使用 API 令牌（Authorization: Bearer …）认证。',
    'access.loaderCommand': 'TELECUBE_TOKEN=<令牌> telecube etl load --server <地址> <文件或目录>',
  },
  en: {
    'user.menu': 'Signed-in user',
    'user.logout': 'Log out',
    'user.logoutFailed': 'Could not log out: {detail}',
    'user.scope': 'Scope: {name}',
    'user.scopeTitle': 'You see only the data within this scope',
    'role.admin': 'Administrator',
    'role.analyst': 'Analyst',
    'role.manager': 'Manager',
    'role.loader': 'Data loader',
    'access.title': 'This page is not for your role',
    'access.text': 'Your role ({role}) cannot use “{page}”.',
    'access.goTo': 'You can use:',
    'access.loaderTitle': 'Load data through the API or the command line',
    'access.loaderText': 'A data-loading account has no analysis pages. Load data with the command telecube etl load or the ETL API (/api/etl), authenticated with an API token (Authorization: Bearer …).',
    'access.loaderCommand': 'TELECUBE_TOKEN=<token> telecube etl load --server <url> <files or directory>',
  },
});

let mePromise = null;
let me = null;
let options = {};

/**
 * The logged-in user ({username, displayName, role, org: {code, caption}, scope: null|{level, key,
 * caption}, mustChangePassword}), fetched once. Null when the server has no users (404: a build
 * without login), so the pages work as before. A 401 has already sent the browser to the login page.
 */
export function currentUser() {
  if (!mePromise) {
    mePromise = api('/api/me', { quiet: true }).then((answer) => {
      me = answer;
      return me;
    }, (e) => {
      if (e && e.status === 404) {
        return null;
      }
      throw e;
    });
  }
  return mePromise;
}

/** The region scope of the user ({level, key, caption}), or null for a user who sees the whole country. */
export function userScope() {
  return (me && me.scope) || null;
}

export function userRole() {
  return (me && me.role) || null;
}

export function isAdmin() {
  return !me || me.role === 'admin';
}

function roleName(role) {
  const key = 'role.' + role;
  const text = t(key);
  return text === key ? role : text;
}

/* ---------- Header ---------- */

function renderUserMenu() {
  const end = document.querySelector('.tc-header__end');
  if (!end || !me) {
    return;
  }
  let box = document.getElementById('tc-user');
  if (!box) {
    box = h('div', { class: 'tc-user', id: 'tc-user', role: 'group' });
    end.append(box);
  }
  box.setAttribute('aria-label', t('user.menu'));
  const scope = userScope();
  const meta = [roleName(me.role), me.org && (me.org.caption || me.org.code)].filter(Boolean).join(' · ');
  const chip = options.scopeChip && scope
    ? h('span', { class: 'tc-scope-chip', id: 'tc-scope-chip', title: t('user.scopeTitle'), dataset: { scope: scope.key } },
      t('user.scope', { name: scope.caption || scope.key }))
    : null;
  // replaceChildren would write a null as the text "null"
  box.replaceChildren(...(chip ? [chip] : []),
    h('span', { class: 'tc-user__who' },
      h('span', { class: 'tc-user__name', id: 'tc-user-name', title: me.username }, me.displayName || me.username),
      h('span', { class: 'tc-user__meta', id: 'tc-user-meta', dataset: { role: me.role, org: (me.org && me.org.code) || '' } },
        meta)),
    h('button', { type: 'button', class: 'tc-btn tc-btn--small', id: 'tc-logout', onclick: logOut }, t('user.logout')));
}

/** Keeps only the links to pages the role may use; the brand goes to the role's first page. */
function pruneNavigation() {
  const role = userRole();
  for (const a of document.querySelectorAll('.tc-nav a')) {
    const page = pageAt(new URL(a.getAttribute('href'), location.href).pathname);
    if (page && !mayUse(role, page.id)) {
      a.closest('li').remove();
    }
  }
  const nav = document.querySelector('.tc-nav');
  if (nav && !nav.querySelector('a')) {
    nav.hidden = true;
  }
  const brand = document.querySelector('a.tc-brand');
  if (brand && role) {
    const url = new URL(homeOf(role), location.href);
    url.searchParams.set('lang', language());
    brand.setAttribute('href', url.pathname + url.search);
  }
}

async function logOut() {
  const button = document.getElementById('tc-logout');
  if (button) {
    button.disabled = true;
  }
  try {
    await api('/api/session', { method: 'DELETE', loginRedirect: false });
  } catch (e) {
    // already logged out (401): the login page is where this ends anyway
    if (!e || e.status !== 401) {
      toast(t('user.logoutFailed', { detail: e.detail || e.message }), { error: true });
      if (button) {
        button.disabled = false;
      }
      return;
    }
  }
  location.assign(LOGIN_PAGE);
}

/* ---------- A page the role may not use ---------- */

function pageName(id) {
  const page = PAGES.find((p) => p.id === id);
  return page ? t(page.label) : id;
}

function renderNoAccess(pageId) {
  const panel = document.getElementById('tc-no-access');
  if (!panel) {
    return;
  }
  const role = userRole();
  const usable = PAGES.filter((p) => mayUse(role, p.id));
  const content = role === 'loader'
    ? [h('h1', {}, t('access.loaderTitle')),
      h('p', {}, t('access.loaderText')),
      h('pre', { class: 'tc-preview tc-mono' }, t('access.loaderCommand'))]
    : [h('h1', {}, t('access.title')),
      h('p', {}, t('access.text', { role: roleName(role), page: pageName(pageId) })),
      usable.length ? h('p', {}, t('access.goTo')) : null,
      usable.length ? h('div', { class: 'tc-toolbar' }, usable.map((p) => {
        const url = new URL(p.path, location.href);
        url.searchParams.set('lang', language());
        return h('a', { class: 'tc-btn', href: url.pathname + url.search, dataset: { page: p.id } }, t(p.label));
      })) : null];
  panel.replaceChildren(h('section', { class: 'tc-card tc-no-access', role: 'alert' }, content));
}

/** Hides the page's own content and shows why, with links to the pages the role may use. */
function showNoAccess(pageId) {
  for (const el of document.body.children) {
    if (!el.matches('header, .tc-progress, .tc-toasts, script, #tc-no-access')) {
      el.hidden = true;
    }
  }
  document.body.append(h('main', { id: 'tc-no-access', class: 'tc-main', tabindex: '-1' }));
  renderNoAccess(pageId);
  document.body.dataset.access = 'denied';
}

/* ---------- Start ---------- */

/**
 * Called by each page after initLanguage(): resolves to {me, allowed}. When the role may not use
 * {@code pageId}, the page shows a message instead and must not load anything (allowed false).
 * {scopeChip: true} shows the user's region scope in the header (the explorer).
 */
export async function startSession(pageId, { scopeChip = false } = {}) {
  options = { scopeChip };
  let user = null;
  try {
    user = await currentUser();
  } catch (e) {
    if (e && (e.status === 401 || e.code === 'password_change_required')) {
      // on the way to the login page: nothing to load here
      return { me: null, allowed: false };
    }
    // cannot tell who this is (network): the page's own calls will say what is wrong
  }
  if (user && user.mustChangePassword) {
    // everything but /api/me would be refused until the password is changed, on the login page
    redirectToLogin({ reason: 'password' });
    return { me: user, allowed: false };
  }
  pruneNavigation();
  renderUserMenu();
  document.body.dataset.session = user ? user.role : 'none';
  const allowed = !user || mayUse(user.role, pageId);
  if (!allowed) {
    showNoAccess(pageId);
  } else {
    document.body.dataset.access = 'allowed';
  }
  onLanguageChange(async () => {
    renderUserMenu();
    renderNoAccess(pageId);
    pruneNavigation();
    if (me) {
      // the org and scope captions come in the language of the request
      try {
        me = await api('/api/me', { quiet: true });
        renderUserMenu();
      } catch {
        // the captions stay in the language they came in
      }
    }
  });
  return { me: user, allowed };
}
