// The login page (/login.html): username and password to POST /api/session, then on to the page
// that sent the browser here (?next=, a path of this site only) or the role's first page. An
// account that must change its password (first login, or reset by an admin) sets a new one here
// first (POST /api/me/password). The API's problem detail is shown as it comes, in the page's
// language. Loaded before login, so it imports telecube.js only (the server lets both through).

import { addMessages, api, ApiError, csrfToken, homeOf, initLanguage, mayUse, pageAt, safeNext, t } from './telecube.js';

addMessages({
  'zh-CN': {
    'login.pageTitle': '登录 · TeleCube',
    'login.heading': '登录',
    'login.lead': '使用你的 TeleCube 账号登录。',
    'login.username': '用户名',
    'login.password': '密码',
    'login.submit': '登录',
    'login.submitting': '正在登录…',
    'login.missing': '请输入用户名和密码。',
    'login.expired': '登录已失效，请重新登录。',
    'password.heading': '设置新密码',
    'password.lead': '首次登录或密码被重置后，请先设置新密码。',
    'password.current': '当前密码',
    'password.new': '新密码',
    'password.hint': '至少 10 个字符。',
    'password.repeat': '再次输入新密码',
    'password.submit': '保存并继续',
    'password.saving': '正在保存…',
    'password.missing': '请填写全部三个密码框。',
    'password.mismatch': '两次输入的新密码不一致。',
  },
  en: {
    'login.pageTitle': 'Log in · TeleCube',
    'login.heading': 'Log in',
    'login.lead': 'Log in with your TeleCube account.',
    'login.username': 'Username',
    'login.password': 'Password',
    'login.submit': 'Log in',
    'login.submitting': 'Logging in…',
    'login.missing': 'Enter your username and password.',
    'login.expired': 'Your login has expired. Please log in again.',
    'password.heading': 'Set a new password',
    'password.lead': 'After the first login or a password reset, set a new password first.',
    'password.current': 'Current password',
    'password.new': 'New password',
    'password.hint': 'At least 10 characters.',
    'password.repeat': 'New password again',
    'password.submit': 'Save and continue',
    'password.saving': 'Saving…',
    'password.missing': 'Fill in all three password fields.',
    'password.mismatch': 'The two new passwords differ.',
  },
});

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);

/** Where to go once logged in: ?next= when it is a page of this site the role may use, else the role's start. */
function destination(me) {
  const role = me && me.role;
  const next = safeNext(params.get('next'));
  if (next) {
    const page = pageAt(new URL(next, location.origin).pathname);
    if (!page || mayUse(role, page.id)) {
      return next;
    }
  }
  return homeOf(role);
}

function proceed(me) {
  location.assign(destination(me));
}

function showError(id, message) {
  $(id).textContent = message;
  $(id).hidden = !message;
}

/** The API's own words for what went wrong (in the page's language), else the error's message. */
function detailOf(error) {
  return (error && (error.detail || error.message)) || t('error.network');
}

/** Without the XSRF-TOKEN cookie (it comes with every answer, the page's too) one GET fetches it. */
async function ensureCsrfCookie({ force = false } = {}) {
  if (!force && csrfToken()) {
    return;
  }
  try {
    await fetch('/api/session', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  } catch {
    // the POST will say what is wrong
  }
}

/** POST /api/session; once more with a fresh cookie if the CSRF token was refused. */
async function logIn(username, password) {
  await ensureCsrfCookie();
  const send = () => api('/api/session', { method: 'POST', body: { username, password }, loginRedirect: false });
  try {
    return await send();
  } catch (e) {
    if (e instanceof ApiError && e.status === 403 && e.code && e.code.startsWith('csrf')) {
      await ensureCsrfCookie({ force: true });
      return send();
    }
    throw e;
  }
}

/* ---------- Login ---------- */

async function submitLogin(event) {
  event.preventDefault();
  const username = $('login-username').value.trim();
  const password = $('login-password').value;
  showError('login-error', '');
  if (!username || !password) {
    showError('login-error', t('login.missing'));
    (username ? $('login-password') : $('login-username')).focus();
    return;
  }
  const button = $('login-submit');
  button.disabled = true;
  button.textContent = t('login.submitting');
  try {
    let me = await logIn(username, password);
    if (!me || typeof me !== 'object' || !me.username) {
      // a 204 answer: who we are comes from /api/me
      me = await api('/api/me', { loginRedirect: false });
    }
    if (me.mustChangePassword) {
      showPasswordForm(me, password);
      return;
    }
    proceed(me);
  } catch (e) {
    showError('login-error', detailOf(e));
    $('login-password').select();
    $('login-password').focus();
  } finally {
    button.disabled = false;
    button.textContent = t('login.submit');
  }
}

/* ---------- New password ---------- */

let passwordUser = null;

function showPasswordForm(me, currentPassword = '') {
  passwordUser = me;
  $('login-card').hidden = true;
  $('password-card').hidden = false;
  $('password-username').value = me.username || '';
  $('password-current').value = currentPassword;
  $('password-new').value = '';
  $('password-repeat').value = '';
  showError('password-error', '');
  (currentPassword ? $('password-new') : $('password-current')).focus();
  document.body.dataset.login = 'password';
}

function showLoginForm(message = '') {
  passwordUser = null;
  $('password-card').hidden = true;
  $('login-card').hidden = false;
  showError('login-error', message);
  $('login-username').focus();
  document.body.dataset.login = 'ready';
}

async function submitPassword(event) {
  event.preventDefault();
  const currentPassword = $('password-current').value;
  const newPassword = $('password-new').value;
  const repeat = $('password-repeat').value;
  showError('password-error', '');
  $('password-repeat').removeAttribute('aria-invalid');
  if (!currentPassword || !newPassword || !repeat) {
    showError('password-error', t('password.missing'));
    return;
  }
  if (newPassword !== repeat) {
    showError('password-error', t('password.mismatch'));
    $('password-repeat').setAttribute('aria-invalid', 'true');
    $('password-repeat').focus();
    return;
  }
  const button = $('password-submit');
  button.disabled = true;
  button.textContent = t('password.saving');
  try {
    await ensureCsrfCookie();
    await api('/api/me/password', { method: 'POST', body: { currentPassword, newPassword }, loginRedirect: false });
    proceed({ ...passwordUser, mustChangePassword: false });
  } catch (e) {
    if (e instanceof ApiError && e.status === 401 && e.code !== 'bad_credentials') {
      // the session itself is gone (expired, or the server restarted): log in again
      showLoginForm(e.detail || t('login.expired'));
      return;
    }
    showError('password-error', detailOf(e));
  } finally {
    button.disabled = false;
    button.textContent = t('password.submit');
  }
}

/* ---------- Start ---------- */

async function start() {
  initLanguage();
  $('login-form').addEventListener('submit', submitLogin);
  $('password-form').addEventListener('submit', submitPassword);
  // sent here by a page because the password must be changed first: the session is there already
  if (params.get('reason') === 'password') {
    try {
      const me = await api('/api/me', { loginRedirect: false, quiet: true });
      if (me && me.mustChangePassword) {
        showPasswordForm(me);
        return;
      }
    } catch {
      // not logged in (any more): the login form
    }
  }
  showLoginForm();
}

start();
