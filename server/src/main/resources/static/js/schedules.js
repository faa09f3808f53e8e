// The report schedules page (/schedules.html): schedules with their next and last runs, a form to
// create and edit one with a live preview of its next fire times, sending now, deleting, and the
// delivery history. A schedule goes to its addresses, or bursts to a role at an org level (each
// recipient user gets their own region's report). Talks to /api/schedules, /api/deliveries,
// /api/reports and the region members of the revenue cube. Every time is shown in the schedule's
// own zone, with its offset.

import {
  addMessages, api, ApiError, asWritten, debounce, h, initLanguage, inZone, language, onLanguageChange,
  relative, t, timeElement, toast,
} from './telecube.js';
import { loadRegions as loadCubeRegions, scopedOptions } from './regions.js';
import { isAdmin, startSession, userScope } from './session.js';

const DEFAULT_ZONE = 'Asia/Shanghai';
const DEFAULT_SUBJECT = '{report} · {scope} · {month}';
const HISTORY_LIMIT = 50;
const ACTIVE = new Set(['QUEUED', 'RENDERING', 'SENDING', 'RETRYING']);
const STATUSES = ['QUEUED', 'RENDERING', 'SENDING', 'RETRYING', 'SENT', 'FAILED', 'SKIPPED', 'CANCELLED'];

const PRESETS = [
  { id: 'monthly', cron: '0 0 8 1 * ?' },
  { id: 'weekly', cron: '0 0 8 ? * MON' },
  { id: 'daily', cron: '0 0 8 * * ?' },
];

const ZONES = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Kolkata', 'UTC', 'Europe/London', 'America/New_York'];
const OTHER_ZONE = '__other__';
const MONTH_OFFSETS = [-1, 0, -2, -3, -12];
/** The month select's choice for a fixed month (the schedule's `month`, YYYY-MM) instead of an offset. */
const FIXED_MONTH = 'fixed';

/** The request fields the API can name in a problem, and the form control each one belongs to. */
const FIELD_CONTROLS = {
  name: 'f-name', reportId: 'f-report', scope: 'f-scope', monthOffset: 'f-month', format: 'f-format',
  locale: 'f-locale', cron: 'f-cron', timeZone: 'f-zone', to: 'f-to', cc: 'f-cc', subject: 'f-subject',
  month: 'f-month-fixed', 'audience.role': 'f-audience-role', 'audience.level': 'f-audience-level',
};
/** Fields the API may name with another word (the report service's parameter names). */
const FIELD_ALIASES = { id: 'reportId' };

addMessages({
  'zh-CN': {
    'schedules.pageTitle': '定时报告 · TeleCube',
    'schedules.heading': '定时报告',
    'schedules.lead': '按计划把报告发到邮箱。所有时间均按各计划自己的时区显示，并注明时差。',
    'schedules.new': '新建定时报告',
    'schedules.listTitle': '定时计划',
    'schedules.col.name': '名称',
    'schedules.col.report': '报告、范围与收件人',
    'schedules.col.when': '发送时间',
    'schedules.col.next': '下次运行',
    'schedules.col.last': '上次运行',
    'schedules.empty': '还没有定时报告',
    'schedules.emptyHint': '新建一个，报告会按时发到收件人的邮箱。',
    'schedules.col.owner': '负责人',
    'schedules.paused': '已停用',
    'schedules.neverRun': '尚未运行',
    'schedules.noNextRun': '不再运行',
    'schedules.sendNow': '立即发送',
    'schedules.preview': '预览接下来 5 次',
    'schedules.previewTitle': '接下来 5 次运行（{zone}）',
    'schedules.previewPaused': '此计划已停用，启用后才会按这些时间发送。',
    'schedules.recipients': '{count} 位收件人',
    'schedules.eachOwnRegion': '各自辖区',
    'schedules.confirmSendBurstText': '报告会马上生成，按各自辖区发给{audience}；原定计划不受影响。',
    'audience.summary.manager.province': '群发：各省经理',
    'audience.summary.manager.city': '群发：各市经理',
    'audience.summary.analyst.province': '群发：各省分析师',
    'audience.summary.analyst.city': '群发：各市分析师',
    'audience.summary.other': '群发：{role}（{level}）',
    'audience.who.manager.province': '各省经理',
    'audience.who.manager.city': '各市经理',
    'audience.who.analyst.province': '各省分析师',
    'audience.who.analyst.city': '各市分析师',
    'audience.role.manager': '经理',
    'audience.role.analyst': '分析师',
    'audience.level.province': '省级（每省的用户）',
    'audience.level.city': '市级（每市的用户）',
    'schedules.saved': '已保存「{name}」',
    'schedules.deleted': '已删除「{name}」',
    'schedules.queued': '「{name}」已加入发送队列',
    'schedules.confirmSendTitle': '立即发送「{name}」?',
    'schedules.confirmSendText': '报告会马上生成并发给 {count} 位收件人；原定计划不受影响。',
    'schedules.confirmDeleteTitle': '删除「{name}」?',
    'schedules.confirmDeleteText': '删除后将不再发送，已有的投递记录会保留。',
    'schedules.loadFailed': '无法加载定时报告：{detail}',
    'scope.nationwide': '全国',
    'scope.wholeRegion': '{name}（全片区）',
    'month.0': '本月',
    'month.-1': '上个月',
    'month.-2': '两个月前',
    'month.-3': '三个月前',
    'month.-12': '去年同月',
    'month.n': '{n} 个月前',
    'month.fixed': '固定月份…',
    'preset.monthly': '每月1日 08:00',
    'preset.weekly': '每周一 08:00',
    'preset.daily': '每天 08:00',
    'zone.Asia/Shanghai': '北京时间',
    'zone.Asia/Hong_Kong': '香港',
    'zone.Asia/Kolkata': '印度',
    'zone.UTC': '协调世界时',
    'zone.Europe/London': '伦敦',
    'zone.America/New_York': '纽约',
    'zone.other': '其他时区…',
    'editor.createTitle': '新建定时报告',
    'editor.editTitle': '编辑定时报告',
    'editor.whatLegend': '报告',
    'editor.whenLegend': '发送时间',
    'editor.whoLegend': '收件人与邮件',
    'editor.previewTitle': '接下来 5 次运行',
    'editor.previewEmpty': '输入 cron 表达式后，这里会显示接下来的运行时间。',
    'editor.previewNone': '此表达式之后不再触发。',
    'editor.fixErrors': '请修改标出的字段后再保存。',
    'field.name': '名称',
    'field.namePlaceholder': '例如：华南收入月报',
    'field.report': '报告',
    'field.scope': '范围',
    'field.month': '报告月份',
    'field.monthHint': '相对于发送当天所在的月份，或选一个固定月份。',
    'field.monthFixed': '固定月份',
    'field.format': '格式',
    'field.locale': '报告语言',
    'field.preset': '常用时间',
    'field.cron': 'Cron 表达式',
    'field.cronHint': 'Quartz 语法，秒在最前：秒 分 时 日 月 星期，例如 0 0 8 1 * ? 表示每月1日 08:00。',
    'field.timeZone': '时区',
    'field.timeZoneOther': '其他时区（IANA 名称，如 Europe/Paris）',
    'field.to': '收件人',
    'field.cc': '抄送',
    'field.recipientsHint': '每行一个邮箱地址，也可以用逗号或分号分隔。',
    'field.recipientsMode': '发给谁',
    'field.modeAddresses': '指定收件人',
    'field.modeBurst': '按角色群发',
    'field.audienceRole': '角色',
    'field.audienceLevel': '级别',
    'field.audienceHint': '该角色中组织在此级别、且在你辖区内的每位用户各收一封，内容是其自己辖区的报告，发到其账号的邮箱。',
    'field.subject': '邮件主题',
    'field.subjectHint': '可用占位符 {report}（报告）、{scope}（范围）、{month}（月份）；留空则使用默认主题。',
    'field.enabled': '启用（按计划自动发送）',
    'history.title': '投递记录',
    'history.filterSchedule': '按定时计划筛选',
    'history.filterStatus': '按状态筛选',
    'history.allSchedules': '全部定时计划',
    'history.allStatuses': '全部状态',
    'history.col.fireTime': '计划时间',
    'history.col.schedule': '定时计划',
    'history.col.month': '报告月份',
    'history.col.trigger': '触发方式',
    'history.col.status': '状态',
    'history.col.attempts': '尝试次数',
    'history.col.details': '详情',
    'history.empty': '暂无投递记录',
    'history.emptyHint': '计划触发或点击“立即发送”后，每次投递都会出现在这里。',
    'history.deleted': '已删除',
    'history.pending': '「{name}」已加入发送队列，即将开始…',
    'history.sentAt': '发送于 {time}',
    'history.attachment': '附件 {size}',
    'history.nextAttempt': '下次重试 {time}',
    'history.to': '收件人：{list}',
    'status.QUEUED': '排队中',
    'status.RENDERING': '生成中',
    'status.SENDING': '发送中',
    'status.RETRYING': '重试中',
    'status.SENT': '已发送',
    'status.FAILED': '失败',
    'status.SKIPPED': '已跳过',
    'status.CANCELLED': '已取消',
    'trigger.SCHEDULED': '定时',
    'trigger.CATCH_UP': '补发',
    'trigger.MANUAL': '手动',
  },
  en: {
    'schedules.pageTitle': 'Report schedules · TeleCube',
    'schedules.heading': 'Report schedules',
    'schedules.lead': 'Reports mailed on a schedule. Every time is shown in the schedule’s own time zone, with its offset.',
    'schedules.new': 'New schedule',
    'schedules.listTitle': 'Schedules',
    'schedules.col.name': 'Name',
    'schedules.col.report': 'Report, scope, recipients',
    'schedules.col.when': 'When',
    'schedules.col.next': 'Next run',
    'schedules.col.last': 'Last run',
    'schedules.empty': 'No report schedules yet',
    'schedules.emptyHint': 'Create one and the report arrives in its recipients’ mailboxes on time.',
    'schedules.col.owner': 'Owner',
    'schedules.paused': 'Paused',
    'schedules.neverRun': 'Not run yet',
    'schedules.noNextRun': 'Does not fire again',
    'schedules.sendNow': 'Send now',
    'schedules.preview': 'Preview next 5',
    'schedules.previewTitle': 'Next 5 runs ({zone})',
    'schedules.previewPaused': 'This schedule is paused: it sends at these times only once enabled.',
    'schedules.recipients': '{count} recipient(s)',
    'schedules.eachOwnRegion': 'each recipient’s own region',
    'schedules.confirmSendBurstText': 'The report is rendered right away for each recipient’s own region and mailed to {audience}; the schedule itself is unchanged.',
    'audience.summary.manager.province': 'Burst: every province manager',
    'audience.summary.manager.city': 'Burst: every city manager',
    'audience.summary.analyst.province': 'Burst: every province analyst',
    'audience.summary.analyst.city': 'Burst: every city analyst',
    'audience.summary.other': 'Burst: {role} ({level})',
    'audience.who.manager.province': 'every province manager',
    'audience.who.manager.city': 'every city manager',
    'audience.who.analyst.province': 'every province analyst',
    'audience.who.analyst.city': 'every city analyst',
    'audience.role.manager': 'Managers',
    'audience.role.analyst': 'Analysts',
    'audience.level.province': 'Province level (users of each province)',
    'audience.level.city': 'City level (users of each city)',
    'schedules.saved': 'Saved “{name}”',
    'schedules.deleted': 'Deleted “{name}”',
    'schedules.queued': '“{name}” is queued for sending',
    'schedules.confirmSendTitle': 'Send “{name}” now?',
    'schedules.confirmSendText': 'The report is rendered right away and mailed to {count} recipient(s); the schedule itself is unchanged.',
    'schedules.confirmDeleteTitle': 'Delete “{name}”?',
    'schedules.confirmDeleteText': 'It will not be sent any more. Its delivery history is kept.',
    'schedules.loadFailed': 'Could not load the schedules: {detail}',
    'scope.nationwide': 'Nationwide',
    'scope.wholeRegion': '{name} (whole region)',
    'month.0': 'Current month',
    'month.-1': 'Previous month',
    'month.-2': 'Two months before',
    'month.-3': 'Three months before',
    'month.-12': 'Same month last year',
    'month.n': '{n} months before',
    'month.fixed': 'A fixed month…',
    'preset.monthly': '1st of every month 08:00',
    'preset.weekly': 'Mondays 08:00',
    'preset.daily': 'Daily 08:00',
    'zone.Asia/Shanghai': 'China',
    'zone.Asia/Hong_Kong': 'Hong Kong',
    'zone.Asia/Kolkata': 'India',
    'zone.UTC': 'Coordinated Universal Time',
    'zone.Europe/London': 'London',
    'zone.America/New_York': 'New York',
    'zone.other': 'Other time zone…',
    'editor.createTitle': 'New report schedule',
    'editor.editTitle': 'Edit report schedule',
    'editor.whatLegend': 'Report',
    'editor.whenLegend': 'When',
    'editor.whoLegend': 'Recipients and mail',
    'editor.previewTitle': 'Next 5 runs',
    'editor.previewEmpty': 'Enter a cron expression to see when it runs next.',
    'editor.previewNone': 'This expression does not fire again.',
    'editor.fixErrors': 'Please correct the marked field and save again.',
    'field.name': 'Name',
    'field.namePlaceholder': 'e.g. South revenue, monthly',
    'field.report': 'Report',
    'field.scope': 'Scope',
    'field.month': 'Report month',
    'field.monthHint': 'Relative to the month of the sending day, or a fixed month.',
    'field.monthFixed': 'Fixed month',
    'field.format': 'Format',
    'field.locale': 'Report language',
    'field.preset': 'Common times',
    'field.cron': 'Cron expression',
    'field.cronHint': 'Quartz syntax, seconds first: sec min hour day month weekday; 0 0 8 1 * ? is 08:00 on the 1st of every month.',
    'field.timeZone': 'Time zone',
    'field.timeZoneOther': 'Other time zone (IANA name, e.g. Europe/Paris)',
    'field.to': 'To',
    'field.cc': 'Cc',
    'field.recipientsHint': 'One address per line, or separated by commas or semicolons.',
    'field.recipientsMode': 'Send to',
    'field.modeAddresses': 'Addresses',
    'field.modeBurst': 'Burst to a role',
    'field.audienceRole': 'Role',
    'field.audienceLevel': 'Level',
    'field.audienceHint': 'Every user of the role whose org unit is at this level within your region gets their own mail, with the report of their own region, at their account’s email.',
    'field.subject': 'Mail subject',
    'field.subjectHint': 'Placeholders {report}, {scope} and {month}; leave empty for the default subject.',
    'field.enabled': 'Enabled (sends on schedule)',
    'history.title': 'Delivery history',
    'history.filterSchedule': 'Filter by schedule',
    'history.filterStatus': 'Filter by status',
    'history.allSchedules': 'All schedules',
    'history.allStatuses': 'All statuses',
    'history.col.fireTime': 'Fire time',
    'history.col.schedule': 'Schedule',
    'history.col.month': 'Report month',
    'history.col.trigger': 'Trigger',
    'history.col.status': 'Status',
    'history.col.attempts': 'Attempts',
    'history.col.details': 'Details',
    'history.empty': 'No deliveries yet',
    'history.emptyHint': 'Each delivery shows up here when a schedule fires or you click “Send now”.',
    'history.deleted': 'Deleted',
    'history.pending': '“{name}” is queued and about to start…',
    'history.sentAt': 'Sent {time}',
    'history.attachment': 'attachment {size}',
    'history.nextAttempt': 'Next attempt {time}',
    'history.to': 'To: {list}',
    'status.QUEUED': 'Queued',
    'status.RENDERING': 'Rendering',
    'status.SENDING': 'Sending',
    'status.RETRYING': 'Retrying',
    'status.SENT': 'Sent',
    'status.FAILED': 'Failed',
    'status.SKIPPED': 'Skipped',
    'status.CANCELLED': 'Cancelled',
    'trigger.SCHEDULED': 'Scheduled',
    'trigger.CATCH_UP': 'Catch-up',
    'trigger.MANUAL': 'Manual',
  },
});

/* ---------- State ---------- */

const state = {
  reports: [],
  schedules: [],
  deliveries: [],
  /** region captions per language: {macros: [{key, caption}], provinces: {macroKey: [...]}, names: Map} */
  regions: {},
  previews: new Map(), // schedule id -> {fireTimes, timeZone, enabled} of open previews
  editingId: null,
  loaded: false,
  /** deliveries asked for with "send now" that Quartz has not started yet: idempotency key -> {name, since} */
  awaiting: new Map(),
};

const $ = (id) => document.getElementById(id);

/* ---------- Loading ---------- */

async function loadReports() {
  state.reports = await api('/api/reports');
}

/** The revenue cube's regions in {@code lang}, as far as the user's scope reaches (see regions.js). */
async function loadRegions(lang) {
  if (!state.regions[lang]) {
    state.regions[lang] = await loadCubeRegions('revenue', lang);
  }
  return state.regions[lang];
}

async function loadSchedules({ quiet = false } = {}) {
  state.schedules = await api('/api/schedules', { quiet });
  state.loaded = true;
}

async function loadDeliveries({ quiet = false } = {}) {
  const params = new URLSearchParams({ limit: String(HISTORY_LIMIT) });
  if ($('history-schedule').value) {
    params.set('scheduleId', $('history-schedule').value);
  }
  if ($('history-status').value) {
    params.set('status', $('history-status').value);
  }
  state.deliveries = await api('/api/deliveries?' + params, { quiet });
}

function showPageError(error) {
  $('page-error-text').textContent = t('schedules.loadFailed', { detail: error.detail || error.message });
  $('page-error').hidden = false;
}

async function refreshAll({ quiet = false } = {}) {
  try {
    await Promise.all([loadSchedules({ quiet }), loadDeliveries({ quiet })]);
    $('page-error').hidden = true;
  } catch (e) {
    if (!quiet) {
      showPageError(e);
    }
  }
  render();
  schedulePoll();
}

/** Keeps the page current: often while a delivery is under way, now and then otherwise. */
let pollTimer;

function schedulePoll() {
  clearTimeout(pollTimer);
  settleAwaiting();
  const active = state.deliveries.some((d) => ACTIVE.has(d.status));
  const delay = state.awaiting.size ? 1500 : active ? 4000 : 30000;
  pollTimer = setTimeout(() => {
    if (document.hidden || $('editor').open || $('confirm').open) {
      schedulePoll();
    } else {
      refreshAll({ quiet: true });
    }
  }, delay);
}

/** Forgets the "send now" requests whose delivery has shown up (or that waited a minute in vain). */
function settleAwaiting() {
  const seen = new Set(state.deliveries.map((d) => d.idempotencyKey));
  for (const [key, request] of state.awaiting) {
    if (seen.has(key) || Date.now() - request.since > 60_000) {
      state.awaiting.delete(key);
    }
  }
}

/* ---------- Names of things in the current language ---------- */

function caption(c) {
  if (!c) {
    return '';
  }
  const text = c.text || c;
  return text[language()] ?? text['zh-CN'] ?? Object.values(text)[0] ?? '';
}

function reportTitle(id) {
  const report = state.reports.find((r) => r.id === id);
  return report ? caption(report.title) : id;
}

function scopeName(key) {
  if (!key) {
    // a blank scope is the owner's own: the country, or the region a scoped user is bound to
    return userScope() && userScope().key ? scopeName(userScope().key) : t('scope.nationwide');
  }
  const regions = state.regions[language()];
  return (regions && regions.names.get(key)) || key;
}

/** Whether a schedule bursts to an audience (a role at an org level) instead of going to addresses. */
function isBurst(s) {
  return Boolean(s && s.audienceRole);
}

/** A burst schedule's audience as the list says it: "群发：各省经理" / "Burst: every province manager". */
function audienceSummary(s) {
  const key = `audience.summary.${s.audienceRole}.${s.audienceLevel}`;
  const text = t(key);
  return text === key ? t('audience.summary.other', { role: s.audienceRole, level: s.audienceLevel }) : text;
}

/** The same without the "burst:" prefix, inside a sentence. */
function audienceWho(s) {
  const key = `audience.who.${s.audienceRole}.${s.audienceLevel}`;
  const text = t(key);
  return text === key ? `${s.audienceRole} (${s.audienceLevel})` : text;
}

/**
 * Bursting is offered to an admin and to anyone not bound to a single city: a city user has nobody
 * below them to burst to (the server would find no recipients, not refuse).
 */
function burstOffered() {
  const scope = userScope();
  return isAdmin() || !scope || !/(^|\.)city$/.test(scope.level || '');
}

function presetOf(cron) {
  const c = (cron || '').trim().replace(/\s+/g, ' ');
  return PRESETS.find((p) => p.cron === c) || null;
}

function monthLabel(offset) {
  const key = 'month.' + offset;
  const text = t(key);
  return text === key ? t('month.n', { n: -offset }) : text;
}

function localeLabel(locale) {
  return locale === 'en' ? 'English' : '中文';
}

function zoneOf(scheduleId) {
  const view = state.schedules.find((v) => v.schedule.id === scheduleId);
  return view ? view.schedule.timeZone : DEFAULT_ZONE;
}

function statusBadge(status) {
  return h('span', { class: 'tc-badge tc-badge--' + status.toLowerCase(), dataset: { status } },
    t('status.' + status));
}

/** "2026-10" as "2026年10月" or "Oct 2026". */
function reportMonthText(month) {
  const m = /^(\d{4})-(\d{2})$/.exec(month || '');
  if (!m) {
    return month || t('common.none');
  }
  if (language() === 'zh-CN') {
    return `${m[1]}年${Number(m[2])}月`;
  }
  return new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', timeZone: 'UTC' })
    .format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)));
}

function fileSize(bytes) {
  if (bytes === null || bytes === undefined) {
    return '';
  }
  if (bytes < 1024) {
    return bytes + ' B';
  }
  if (bytes < 1024 * 1024) {
    return (bytes / 1024).toFixed(1) + ' KB';
  }
  return (bytes / 1024 / 1024).toFixed(1) + ' MB';
}

/* ---------- Rendering ---------- */

function render() {
  keepingFocus(() => {
    renderSchedules();
    renderHistoryFilters();
    renderHistory();
  });
}

/** Re-renders without losing the keyboard focus of a row button (found again by its data). */
function keepingFocus(fn) {
  const active = document.activeElement;
  const key = active && active.dataset && active.dataset.action
    ? `[data-action="${active.dataset.action}"][data-id="${active.dataset.id}"]` : null;
  fn();
  if (key) {
    const again = document.querySelector(key);
    if (again) {
      again.focus();
    }
  }
}

/** The owner of a schedule view ({owner} or {schedule: {owner}}; a username or {username, displayName}). */
function ownerOf(view) {
  const owner = view.owner ?? view.schedule.owner;
  if (!owner) {
    return null;
  }
  return typeof owner === 'string' ? owner : owner.displayName || owner.username || null;
}

/** Only an admin sees everyone's schedules, so only an admin needs to be told whose each one is. */
function showOwner() {
  return isAdmin() && state.schedules.some((view) => 'owner' in view || 'owner' in view.schedule);
}

function scheduleColumns() {
  return showOwner() ? 7 : 6;
}

function renderSchedules() {
  const body = $('schedules-body');
  $('col-owner').hidden = !showOwner();
  $('schedules-table').setAttribute('aria-busy', String(!state.loaded));
  $('schedule-count').textContent = String(state.schedules.length);
  if (!state.loaded) {
    return;
  }
  if (state.schedules.length === 0) {
    body.replaceChildren(h('tr', {}, h('td', { colspan: scheduleColumns(), class: 'tc-empty' },
      h('strong', {}, t('schedules.empty')), t('schedules.emptyHint'))));
    return;
  }
  const rows = [];
  for (const view of state.schedules) {
    rows.push(scheduleRow(view));
    if (state.previews.has(view.schedule.id)) {
      rows.push(previewRow(view.schedule, state.previews.get(view.schedule.id)));
    }
  }
  body.replaceChildren(...rows);
}

function scheduleRow(view) {
  const s = view.schedule;
  const preset = presetOf(s.cron);
  const nameId = 'schedule-name-' + s.id;
  const previewOpen = state.previews.has(s.id);
  const next = [
    view.nextRun
      ? [timeElement(view.nextRun, asWritten(view.nextRun)), h('span', { class: 'tc-sub' }, relative(view.nextRun))]
      : h('span', { class: 'tc-faint' }, s.enabled ? t('schedules.noNextRun') : t('common.none')),
    h('button', {
      type: 'button', class: 'tc-link-btn', dataset: { action: 'preview', id: String(s.id) },
      'aria-expanded': String(previewOpen), 'aria-controls': 'preview-row-' + s.id, 'aria-describedby': nameId,
      onclick: () => togglePreview(s),
    }, h('span', { class: 'tc-caret', 'aria-hidden': 'true' }), t('schedules.preview')),
  ];
  const last = view.lastRun
    ? [statusBadge(view.lastRun.status),
      h('span', { class: 'tc-sub' }, timeElement(view.lastRun.fireTime, inZone(view.lastRun.fireTime, s.timeZone))),
      view.lastRun.error && view.lastRun.status !== 'SENT'
        ? h('span', { class: 'tc-error-text tc-clamp', title: view.lastRun.error }, view.lastRun.error) : null]
    : h('span', { class: 'tc-faint' }, t('schedules.neverRun'));
  return h('tr', { dataset: { scheduleId: s.id } },
    h('td', { class: 'tc-col-name' },
      h('span', { class: 'tc-primary-text', id: nameId }, s.name),
      s.enabled ? null : [' ', h('span', { class: 'tc-badge tc-badge--paused' }, t('schedules.paused'))]),
    showOwner() ? h('td', { class: 'tc-schedule-owner' }, ownerOf(view) || h('span', { class: 'tc-faint' }, t('common.none'))) : null,
    h('td', {},
      h('span', { class: 'tc-keep' }, reportTitle(s.reportId)),
      h('span', { class: 'tc-sub' },
        h('span', { class: 'tc-schedule-scope' }, isBurst(s) ? t('schedules.eachOwnRegion') : scopeName(s.scope)), ' · ',
        s.month ? reportMonthText(s.month) : monthLabel(s.monthOffset)),
      h('span', { class: 'tc-sub' }, h('span', { class: 'tc-tag' }, s.format), ' ', localeLabel(s.locale)),
      recipientsLine(s)),
    h('td', {},
      preset ? h('span', {}, t('preset.' + preset.id)) : h('code', { class: 'tc-keep' }, s.cron),
      h('span', { class: 'tc-sub' }, s.timeZone),
      preset ? h('code', { class: 'tc-sub' }, s.cron) : null),
    h('td', { class: 'tc-next-run' }, next),
    h('td', { class: 'tc-last-run' }, last),
    h('td', { class: 'tc-actions-cell' },
      h('div', { class: 'tc-row-actions' },
        rowButton('edit', s.id, t('common.edit'), nameId, () => openEditor(s.id)),
        rowButton('send-now', s.id, t('schedules.sendNow'), nameId, () => sendNow(view)),
        rowButton('delete', s.id, t('common.delete'), nameId, () => remove(view), {}, true))));
}

/**
 * Who a schedule goes to, under its report and scope (a column of its own would push the row's
 * actions out of view): its audience, or its addresses.
 */
function recipientsLine(s) {
  if (isBurst(s)) {
    return h('span', {
      class: 'tc-sub tc-recipients tc-audience', dataset: { audienceRole: s.audienceRole, audienceLevel: s.audienceLevel },
    }, audienceSummary(s));
  }
  const all = [...(s.to || []), ...(s.cc || [])];
  return h('span', { class: 'tc-sub tc-recipients tc-clamp', title: all.join(', ') }, t('history.to', { list: all.join(', ') }));
}

function rowButton(action, id, label, describedBy, onclick, extra = {}, danger = false) {
  return h('button', {
    type: 'button', class: 'tc-btn tc-btn--ghost tc-btn--small' + (danger ? ' tc-btn--danger-text' : ''),
    dataset: { action, id: String(id) }, 'aria-describedby': describedBy, onclick, ...extra,
  }, label);
}

function previewRow(schedule, preview) {
  const list = preview.fireTimes.map((time) => h('li', {}, timeElement(time, asWritten(time), { showWeekday: true })));
  return h('tr', { class: 'tc-row-detail', id: 'preview-row-' + schedule.id },
    h('td', { colspan: scheduleColumns() },
      h('div', { class: 'tc-preview__head' }, t('schedules.previewTitle', { zone: preview.timeZone })),
      h('ol', { class: 'tc-time-list tc-time-list--row' }, list),
      preview.enabled ? null : h('p', { class: 'tc-hint' }, t('schedules.previewPaused'))));
}

async function togglePreview(schedule) {
  if (state.previews.has(schedule.id)) {
    state.previews.delete(schedule.id);
  } else {
    try {
      state.previews.set(schedule.id, await api('/api/schedules/' + schedule.id + '/preview'));
    } catch (e) {
      toast(e.detail || e.message, { error: true });
      return;
    }
  }
  keepingFocus(renderSchedules);
}

function renderHistoryFilters() {
  const select = $('history-schedule');
  const chosen = select.value;
  const options = [h('option', { value: '' }, t('history.allSchedules'))];
  for (const view of state.schedules) {
    options.push(h('option', { value: String(view.schedule.id) }, view.schedule.name));
  }
  if (chosen && !state.schedules.some((v) => String(v.schedule.id) === chosen)) {
    options.push(h('option', { value: chosen }, '#' + chosen));
  }
  select.replaceChildren(...options);
  select.value = chosen;

  const status = $('history-status');
  const chosenStatus = status.value;
  status.replaceChildren(h('option', { value: '' }, t('history.allStatuses')),
    ...STATUSES.map((s) => h('option', { value: s }, t('status.' + s))));
  status.value = chosenStatus;
}

function renderHistory() {
  const body = $('history-body');
  $('history-table').setAttribute('aria-busy', String(!state.loaded));
  if (!state.loaded) {
    return;
  }
  settleAwaiting();
  const pending = [...state.awaiting.values()].map((request) => h('tr', { class: 'tc-row-pending' },
    h('td', { colspan: 7 }, h('span', { class: 'tc-spinner', 'aria-hidden': 'true' }), ' ',
      t('history.pending', { name: request.name }))));
  if (pending.length) {
    body.replaceChildren(...pending, ...state.deliveries.map(deliveryRow));
    return;
  }
  if (state.deliveries.length === 0) {
    body.replaceChildren(h('tr', {}, h('td', { colspan: 7, class: 'tc-empty' },
      h('strong', {}, t('history.empty')), t('history.emptyHint'))));
    return;
  }
  body.replaceChildren(...state.deliveries.map(deliveryRow));
}

function deliveryRow(d) {
  const zone = d.scheduleId === null ? DEFAULT_ZONE : zoneOf(d.scheduleId);
  const at = (instant) => timeElement(instant, inZone(instant, zone));
  const details = [];
  if (d.status === 'SENT' && d.sentAt) {
    details.push(h('span', {}, t('history.sentAt', { time: '' }), at(d.sentAt),
      d.attachmentSize ? ' · ' + t('history.attachment', { size: fileSize(d.attachmentSize) }) : null));
  }
  if (d.status === 'RETRYING' && d.nextAttemptAt) {
    details.push(h('span', {}, t('history.nextAttempt', { time: '' }), at(d.nextAttemptAt)));
  }
  if (d.error && d.status !== 'SENT') {
    details.push(h('span', { class: 'tc-error-text' }, d.error));
  }
  if (d.recipients && d.recipients.length) {
    details.push(h('span', { class: 'tc-sub' }, t('history.to', { list: d.recipients.join(', ') })));
  }
  return h('tr', { dataset: { deliveryId: d.id, scheduleId: d.scheduleId ?? '' } },
    h('td', {}, at(d.fireTime)),
    h('td', {}, h('span', {}, d.scheduleName),
      d.scheduleId === null ? [' ', h('span', { class: 'tc-badge tc-badge--deleted' }, t('history.deleted'))] : null,
      h('span', { class: 'tc-sub' }, reportTitle(d.reportId))),
    h('td', { class: 'tc-nowrap' }, reportMonthText(d.reportMonth)),
    h('td', {}, t('trigger.' + d.triggerKind)),
    h('td', { class: 'tc-delivery-status' }, statusBadge(d.status)),
    h('td', { class: 'tc-num' }, String(d.attempts)),
    h('td', {}, details.length ? details : h('span', { class: 'tc-faint' }, t('common.none'))));
}

/* ---------- Actions ---------- */

function recipientCount(s) {
  return s.to.length + s.cc.length;
}

async function sendNow(view) {
  const s = view.schedule;
  const ok = await confirmDialog({
    title: t('schedules.confirmSendTitle', { name: s.name }),
    text: isBurst(s) ? t('schedules.confirmSendBurstText', { audience: audienceWho(s) })
      : t('schedules.confirmSendText', { count: recipientCount(s) }),
    ok: t('schedules.sendNow'),
  });
  if (!ok) {
    return;
  }
  try {
    const queued = await api('/api/schedules/' + s.id + '/send-now', { method: 'POST' });
    state.awaiting.set(queued.idempotencyKey, { name: s.name, since: Date.now() });
    toast(t('schedules.queued', { name: s.name }));
  } catch (e) {
    toast(e.detail || e.message, { error: true });
  }
  await refreshAll();
}

async function remove(view) {
  const s = view.schedule;
  const ok = await confirmDialog({
    title: t('schedules.confirmDeleteTitle', { name: s.name }),
    text: t('schedules.confirmDeleteText'),
    ok: t('common.delete'),
    danger: true,
  });
  if (!ok) {
    return;
  }
  try {
    await api('/api/schedules/' + s.id, { method: 'DELETE' });
    state.previews.delete(s.id);
    toast(t('schedules.deleted', { name: s.name }));
  } catch (e) {
    toast(e.detail || e.message, { error: true });
  }
  await refreshAll();
  $('new-schedule').focus();
}

/** A small modal question; resolves true when confirmed, false on cancel or Escape. */
function confirmDialog({ title, text, ok, danger = false }) {
  const dialog = $('confirm');
  $('confirm-title').textContent = title;
  $('confirm-text').textContent = text;
  const okButton = $('confirm-ok');
  okButton.textContent = ok;
  okButton.className = 'tc-btn ' + (danger ? 'tc-btn--danger' : 'tc-btn--primary');
  const opener = document.activeElement;
  dialog.returnValue = '';
  dialog.showModal();
  (danger ? $('confirm-cancel') : okButton).focus();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      if (opener && opener.isConnected) {
        opener.focus();
      }
      resolve(dialog.returnValue === 'ok');
    }, { once: true });
  });
}

/* ---------- Editor ---------- */

function fillReportOptions(selected) {
  const select = $('f-report');
  select.replaceChildren(...state.reports.map((r) => h('option', { value: r.id }, caption(r.title))));
  if (selected && !state.reports.some((r) => r.id === selected)) {
    select.append(h('option', { value: selected }, selected));
  }
  if (selected) {
    select.value = selected;
  }
}

function fillFormatOptions(selected) {
  const report = state.reports.find((r) => r.id === $('f-report').value);
  const formats = (report ? report.formats : ['PDF', 'HTML', 'XLSX']).map((f) => f.toLowerCase());
  if (selected && !formats.includes(selected)) {
    formats.push(selected);
  }
  const select = $('f-format');
  select.replaceChildren(...formats.map((f) => h('option', { value: f }, f.toUpperCase())));
  select.value = selected && formats.includes(selected) ? selected : formats[0];
}

function fillScopeOptions(selected) {
  const select = $('f-scope');
  const regions = state.regions[language()];
  const scope = userScope();
  if (scope) {
    // bound to a province or city: that region (and a province's cities), never the country above it
    const options = regions && regions.scoped ? scopedOptions(regions.scoped)
      : [h('option', { value: scope.key }, scope.caption || scope.key)];
    const known = new Set([scope.key, ...(regions && regions.scoped ? regions.scoped.children.map((c) => c.key) : [])]);
    if (selected && !known.has(selected)) {
      options.push(h('option', { value: selected }, scopeName(selected)));
    }
    select.replaceChildren(...options);
    select.value = selected || scope.key;
    return;
  }
  const options = [h('option', { value: '' }, t('scope.nationwide'))];
  const known = new Set(['']);
  if (regions) {
    for (const macro of regions.macros) {
      known.add(macro.key);
      const group = h('optgroup', { label: macro.caption },
        h('option', { value: macro.key }, t('scope.wholeRegion', { name: macro.caption })));
      for (const p of regions.provinces[macro.key] || []) {
        known.add(p.key);
        group.append(h('option', { value: p.key }, p.caption));
      }
      options.push(group);
    }
  }
  if (selected && !known.has(selected)) {
    options.push(h('option', { value: selected }, selected));
  }
  select.replaceChildren(...options);
  select.value = selected || '';
}

/** The month choices: offsets, then "a fixed month" (whose YYYY-MM is typed beside it). */
function fillMonthOptions(selected) {
  const offsets = [...MONTH_OFFSETS];
  if (selected !== undefined && selected !== FIXED_MONTH && !offsets.includes(selected)) {
    offsets.push(selected);
  }
  $('f-month').replaceChildren(...offsets.map((o) => h('option', { value: String(o) }, monthLabel(o))),
    h('option', { value: FIXED_MONTH }, t('month.fixed')));
  $('f-month').value = String(selected ?? -1);
  $('f-month-fixed').hidden = $('f-month').value !== FIXED_MONTH;
}

/** The month select's current choice: an offset (a number) or FIXED_MONTH. */
function chosenMonth() {
  const v = $('f-month').value;
  return v === FIXED_MONTH ? FIXED_MONTH : Number(v || -1);
}

function zoneOffsetNow(zone) {
  const parts = inZone(new Date(), zone);
  return parts ? 'UTC' + parts.offset : '';
}

function fillZoneOptions(selected) {
  const zone = selected || DEFAULT_ZONE;
  const select = $('f-zone');
  select.replaceChildren(
    ...ZONES.map((z) => h('option', { value: z }, `${t('zone.' + z)} · ${z} (${zoneOffsetNow(z)})`)),
    h('option', { value: OTHER_ZONE }, t('zone.other')));
  const other = $('f-zone-other');
  if (ZONES.includes(zone)) {
    select.value = zone;
    other.hidden = true;
    other.value = '';
  } else {
    select.value = OTHER_ZONE;
    other.hidden = false;
    other.value = zone;
  }
}

function chosenZone() {
  return $('f-zone').value === OTHER_ZONE ? $('f-zone-other').value.trim() : $('f-zone').value;
}

function renderPresets() {
  const cron = $('f-cron').value;
  const preset = presetOf(cron);
  $('cron-presets').replaceChildren(...PRESETS.map((p) => h('button', {
    type: 'button', class: 'tc-chip', 'aria-pressed': String(preset === p), dataset: { cron: p.cron, preset: p.id },
    onclick: () => {
      $('f-cron').value = p.cron;
      clearFieldError('cron');
      renderPresets();
      updatePreview();
    },
  }, t('preset.' + p.id))));
}

/** Fills the form's selects in the current language, keeping what is chosen. */
function refreshFormOptions() {
  fillReportOptions($('f-report').value);
  fillFormatOptions($('f-format').value);
  fillScopeOptions($('f-scope').value);
  fillMonthOptions(chosenMonth());
  fillZoneOptions(chosenZone());
  renderPresets();
}

function splitAddresses(text) {
  return text.split(/[\n,;]+/).map((a) => a.trim()).filter(Boolean);
}

/** The form's choice of recipients: 'addresses' or 'burst'. */
function chosenRecipients() {
  return $('f-mode-burst').checked ? 'burst' : 'addresses';
}

/** Shows the fields of one way of addressing: to, cc and the scope picker, or the audience's role and level. */
function showRecipients(mode) {
  $('f-mode-burst').checked = mode === 'burst';
  $('f-mode-addresses').checked = mode !== 'burst';
  for (const el of document.querySelectorAll('#schedule-form [data-recipients]')) {
    el.hidden = el.dataset.recipients !== mode;
  }
}

function formBody() {
  // a burst takes no addresses and no scope: each recipient is a user, with their own region
  const recipients = chosenRecipients() === 'burst'
    ? { audience: { role: $('f-audience-role').value, level: $('f-audience-level').value } }
    : { scope: $('f-scope').value, to: splitAddresses($('f-to').value), cc: splitAddresses($('f-cc').value) };
  return {
    name: $('f-name').value,
    reportId: $('f-report').value,
    ...(chosenMonth() === FIXED_MONTH ? { month: $('f-month-fixed').value } : { monthOffset: chosenMonth() }),
    format: $('f-format').value,
    locale: $('f-locale').value,
    cron: $('f-cron').value.trim(),
    timeZone: chosenZone(),
    ...recipients,
    subject: $('f-subject').value,
    enabled: $('f-enabled').checked,
    // no owner: the server makes the logged-in user the owner of a new schedule
  };
}

function fillForm(s) {
  $('f-name').value = s.name || '';
  fillReportOptions(s.reportId || (state.reports[0] && state.reports[0].id));
  fillFormatOptions(s.format || 'pdf');
  fillScopeOptions(s.scope || '');
  $('f-month-fixed').value = s.month || '';
  fillMonthOptions(s.month ? FIXED_MONTH : s.monthOffset ?? -1);
  $('f-locale').value = s.locale || language();
  $('f-cron').value = s.cron || PRESETS[0].cron;
  fillZoneOptions(s.timeZone || DEFAULT_ZONE);
  $('f-to').value = (s.to || []).join('\n');
  $('f-cc').value = (s.cc || []).join('\n');
  $('f-audience-role').value = s.audienceRole || 'manager';
  $('f-audience-level').value = s.audienceLevel || 'province';
  // the choice is offered where bursting is, and kept for a schedule that already bursts
  $('recipients-mode').hidden = !burstOffered() && !isBurst(s);
  showRecipients(isBurst(s) ? 'burst' : 'addresses');
  $('f-subject').value = s.subject && s.subject !== DEFAULT_SUBJECT ? s.subject : '';
  $('f-enabled').checked = s.enabled !== false;
  renderPresets();
}

function clearErrors() {
  for (const el of document.querySelectorAll('#schedule-form [data-error-for]')) {
    el.replaceChildren();
  }
  for (const el of document.querySelectorAll('#schedule-form [aria-invalid]')) {
    el.removeAttribute('aria-invalid');
  }
  $('form-error').hidden = true;
}

function clearFieldError(field) {
  const box = document.querySelector(`#schedule-form [data-error-for="${field}"]`);
  if (box) {
    box.replaceChildren();
  }
  const control = $(FIELD_CONTROLS[field]);
  if (control) {
    control.removeAttribute('aria-invalid');
  }
  if (field === 'timeZone') {
    $('f-zone-other').removeAttribute('aria-invalid');
  }
}

/** Shows the API's problem beside the field it names, in its own words. */
function showProblem(error) {
  // to[1], cc[0]: the message goes beside the list the address is in
  const named = error.field ? error.field.replace(/\[\d+\]$/, '') : error.field;
  const field = FIELD_ALIASES[named] || named;
  const box = field && document.querySelector(`#schedule-form [data-error-for="${field}"]`);
  // a field the form does not show (to or scope beside a burst) cannot carry the message
  if (!box || box.closest('[hidden]')) {
    $('form-error').textContent = error.detail || error.message;
    $('form-error').hidden = false;
    return;
  }
  // the API words it in the page's language (telecube.js sends it as Accept-Language)
  box.replaceChildren(h('span', { class: 'tc-field-error__detail' }, error.detail || error.message));
  let control = $(FIELD_CONTROLS[field]);
  if (field === 'timeZone' && !$('f-zone-other').hidden) {
    control = $('f-zone-other');
  }
  control.setAttribute('aria-invalid', 'true');
  control.focus({ preventScroll: true });
  // the label, the field and its message all in view
  box.closest('.tc-field').scrollIntoView({ block: 'nearest' });
  $('form-error').textContent = t('editor.fixErrors');
  $('form-error').hidden = false;
}

async function openEditor(id = null) {
  clearErrors();
  state.editingId = id;
  let schedule = {};
  if (id !== null) {
    try {
      schedule = (await api('/api/schedules/' + id)).schedule;
    } catch (e) {
      toast(e.detail || e.message, { error: true });
      return;
    }
  }
  const title = $('editor-title');
  title.dataset.i18n = id === null ? 'editor.createTitle' : 'editor.editTitle';
  title.textContent = t(title.dataset.i18n);
  fillForm(schedule);
  $('editor').showModal();
  $('f-name').focus();
  updatePreview();
}

function closeEditor() {
  $('editor').close();
}

async function save(event) {
  event.preventDefault();
  clearErrors();
  const button = $('save');
  button.disabled = true;
  button.textContent = t('common.saving');
  const body = formBody();
  try {
    const id = state.editingId;
    const view = await api(id === null ? '/api/schedules' : '/api/schedules/' + id,
      { method: id === null ? 'POST' : 'PUT', body });
    state.previews.delete(view.schedule.id);
    closeEditor();
    toast(t('schedules.saved', { name: view.schedule.name }));
    await refreshAll();
    const edit = document.querySelector(`[data-action="edit"][data-id="${view.schedule.id}"]`);
    if (edit) {
      edit.focus();
    }
  } catch (e) {
    if (e instanceof ApiError) {
      showProblem(e);
    } else {
      throw e;
    }
  } finally {
    button.disabled = false;
    button.textContent = t('common.save');
  }
}

/* ---------- Live preview of the cron in the form ---------- */

let previewRequest = null;

async function runPreview() {
  const cron = $('f-cron').value.trim();
  const zone = chosenZone();
  const list = $('preview-list');
  const error = $('preview-error');
  if (previewRequest) {
    previewRequest.abort();
  }
  if (!cron) {
    list.replaceChildren();
    error.replaceChildren();
    list.append(h('li', { class: 'tc-faint tc-preview__empty' }, t('editor.previewEmpty')));
    return;
  }
  const controller = new AbortController();
  previewRequest = controller;
  $('preview-spinner').hidden = false;
  try {
    const params = new URLSearchParams({ cron });
    if (zone) {
      params.set('timeZone', zone);
    }
    const answer = await api('/api/schedules/preview?' + params, { quiet: true, signal: controller.signal });
    error.replaceChildren();
    list.replaceChildren(...(answer.fireTimes.length
      ? answer.fireTimes.map((time) => h('li', {}, timeElement(time, asWritten(time), { showWeekday: true })))
      : [h('li', { class: 'tc-faint tc-preview__empty' }, t('editor.previewNone'))]));
  } catch (e) {
    if (e.name === 'AbortError') {
      return;
    }
    list.replaceChildren();
    error.textContent = e.detail || e.message;
  } finally {
    if (previewRequest === controller) {
      previewRequest = null;
      $('preview-spinner').hidden = true;
    }
  }
}

const updatePreview = debounce(runPreview, 300);

/* ---------- Wiring ---------- */

function wire() {
  $('new-schedule').addEventListener('click', () => openEditor(null));
  $('refresh').addEventListener('click', () => refreshAll());
  $('page-error-retry').addEventListener('click', () => start());
  $('schedule-form').addEventListener('submit', save);
  for (const button of document.querySelectorAll('#editor [data-close]')) {
    button.addEventListener('click', closeEditor);
  }
  $('f-report').addEventListener('change', () => fillFormatOptions($('f-format').value));
  $('f-cron').addEventListener('input', () => {
    renderPresets();
    updatePreview();
  });
  $('f-zone').addEventListener('change', () => {
    const other = $('f-zone-other');
    other.hidden = $('f-zone').value !== OTHER_ZONE;
    if (!other.hidden) {
      other.focus();
    }
    clearFieldError('timeZone');
    updatePreview();
  });
  $('f-zone-other').addEventListener('input', updatePreview);
  $('f-month').addEventListener('change', () => {
    const fixed = $('f-month-fixed');
    fixed.hidden = $('f-month').value !== FIXED_MONTH;
    if (!fixed.hidden) {
      fixed.focus();
    }
    clearFieldError('month');
  });
  // a field's error goes away as soon as it is changed
  for (const [field, id] of Object.entries(FIELD_CONTROLS)) {
    $(id).addEventListener('input', () => clearFieldError(field));
    $(id).addEventListener('change', () => clearFieldError(field));
  }
  $('f-zone-other').addEventListener('input', () => clearFieldError('timeZone'));
  for (const radio of document.querySelectorAll('#schedule-form [name=recipientsMode]')) {
    radio.addEventListener('change', () => {
      for (const field of ['to', 'cc', 'scope', 'audience.role', 'audience.level']) {
        clearFieldError(field);
      }
      showRecipients(chosenRecipients());
    });
  }
  $('history-schedule').addEventListener('change', () => refreshDeliveries());
  $('history-status').addEventListener('change', () => refreshDeliveries());

  onLanguageChange(async (lang) => {
    render();
    if ($('editor').open) {
      refreshFormOptions();
      const title = $('editor-title');
      title.textContent = t(title.dataset.i18n);
      runPreview();
    }
    try {
      await loadRegions(lang);
      keepingFocus(renderSchedules);
      if ($('editor').open) {
        fillScopeOptions($('f-scope').value);
      }
    } catch {
      // scope names stay as keys
    }
  });
}

async function refreshDeliveries() {
  try {
    await loadDeliveries();
  } catch (e) {
    toast(e.detail || e.message, { error: true });
  }
  keepingFocus(renderHistory);
  schedulePoll();
}

async function start() {
  $('page-error').hidden = true;
  try {
    await Promise.all([loadReports(), loadRegions(language()).catch(() => null)]);
  } catch (e) {
    showPageError(e);
    return;
  }
  await refreshAll();
  document.body.dataset.ready = 'true';
}

initLanguage();
// who is logged in first: the navigation, the owner column (admins) and the scope picker bound to the user's region
startSession('schedules').then(({ allowed }) => {
  if (allowed) {
    wire();
    start();
  }
});
