// The admin's users page (/admin/users): the list from GET /api/v1/users, a new user, and per user a change of
// role and scope, disable/enable, a password reset and the history of changes — all through the users API
// (api.js: the page's session and CSRF token). Every value is set as text.
import { call, sentence, t } from './api.js';
import { dateTime, refusal, show } from './admin-forms.js';

const page = document.getElementById('users-page');
const me = page.dataset.me;
const list = document.getElementById('users');
const listStatus = document.getElementById('list-status');
const cardTemplate = document.getElementById('user-card');
const changeTemplate = document.getElementById('change-form');
const newForm = document.getElementById('new-user');
const groupNames = new Map([...newForm.querySelectorAll('select[name=groups] option')]
  .map(o => [o.value, o.textContent]));

const scopedByGroups = role => role === 'LEADER' || role === 'CASHIER';
const roleName = role => t(`admin.role.${role}`);
const names = items => (items.length ? items.join(', ') : t('admin.history.none'));
const groupList = ids => names(ids.map(id => groupNames.get(id) ?? id));
const path = username => `/api/v1/users/${encodeURIComponent(username)}`;

function scopeText(user) {
  if (user.role === 'ADMIN') return t('admin.users.scopeAll');
  if (user.role === 'ACCOUNTANT') return t('admin.users.scopeProvinces', names(user.provinces ?? []));
  return t('admin.users.scopeGroups', groupList(user.groups ?? []));
}

/** Shows the scope inputs the chosen role uses: groups for a leader or cashier, provinces for an accountant. */
function showScope(form) {
  const role = form.querySelector('[name=role]').value;
  for (const el of form.querySelectorAll('[data-scope]')) {
    el.hidden = el.dataset.scope === 'groups' ? !scopedByGroups(role) : role !== 'ACCOUNTANT';
  }
}

function scopeOf(form) {
  const role = form.querySelector('[name=role]').value;
  const groups = [...form.querySelector('[name=groups]').selectedOptions].map(o => o.value);
  const provinces = form.querySelector('[name=provinces]').value.split(',').map(s => s.trim()).filter(Boolean);
  return { role, groups: scopedByGroups(role) ? groups : [], provinces: role === 'ACCOUNTANT' ? provinces : [] };
}

function card(user) {
  const li = cardTemplate.content.firstElementChild.cloneNode(true);
  li.dataset.username = user.username;
  li.dataset.role = user.role;
  li.dataset.enabled = String(user.enabled);
  li.querySelector('.user-name').textContent = user.username;
  if (user.username === me) li.querySelector('.user-name').append(` ${t('admin.users.you')}`);
  li.querySelector('.role').textContent = roleName(user.role);
  const state = li.querySelector('.state');
  state.textContent = t(user.enabled ? 'admin.users.enabled' : 'admin.users.disabled');
  state.classList.add(user.enabled ? 'recorded' : 'refused');
  if (user.lockedUntil) {
    const locked = li.querySelector('.locked');
    locked.hidden = false;
    locked.classList.add('pending');
    locked.textContent = t('admin.users.lockedUntil', dateTime(user.lockedUntil));
  }
  li.querySelector('.scope').textContent = scopeText(user);
  const toggle = li.querySelector('[data-action=toggle-enabled]');
  toggle.dataset.action = user.enabled ? 'disable' : 'enable';
  toggle.textContent = t(user.enabled ? 'admin.users.disable' : 'admin.users.enable');
  toggle.classList.toggle('danger', user.enabled);
  toggle.addEventListener('click', () => setEnabled(li, user, !user.enabled, toggle));
  li.querySelector('[data-part=change]').addEventListener('toggle', e => { if (e.target.open) openChange(li, user); });
  li.querySelector('[data-form=reset]').addEventListener('submit', e => { e.preventDefault(); reset(li, user, e.target); });
  li.querySelector('[data-part=history]').addEventListener('toggle', e => { if (e.target.open) history(li, user); });
  return li;
}

const cardNotice = li => li.querySelector(':scope > [data-result]');

/** Puts the user's new card in place of the old one, with what was done said on it. */
function replace(li, user, said, focus) {
  const fresh = card(user);
  li.replaceWith(fresh);
  show(cardNotice(fresh), said);
  fresh.querySelector(focus)?.focus();
}

async function setEnabled(li, user, enabled, button) {
  button.disabled = true;
  const answer = await call('PATCH', path(user.username), { enabled });
  button.disabled = false;
  if (!answer.ok) {
    show(cardNotice(li), refusal(li, answer.problem, 'admin.fields'), 'refused');
    return;
  }
  replace(li, answer.body, t(enabled ? 'admin.users.enabledDone' : 'admin.users.disabledDone', user.username),
    '[data-action=enable],[data-action=disable]');
}

function openChange(li, user) {
  const slot = li.querySelector('[data-part=change] .slot');
  if (slot.firstElementChild) return;
  const form = changeTemplate.content.firstElementChild.cloneNode(true);
  form.querySelector('[name=role]').value = user.role;
  for (const option of form.querySelector('[name=groups]').options) {
    option.selected = (user.groups ?? []).includes(option.value);
  }
  form.querySelector('[name=provinces]').value = (user.provinces ?? []).join(', ');
  showScope(form);
  form.querySelector('[name=role]').addEventListener('change', () => showScope(form));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('[type=submit]');
    button.disabled = true;
    const answer = await call('PATCH', path(user.username), scopeOf(form));
    button.disabled = false;
    if (!answer.ok) {
      show(form.querySelector('[data-result]'), refusal(form, answer.problem, 'admin.fields'), 'refused');
      return;
    }
    replace(li, answer.body, t('admin.users.changed', user.username), '[data-action=change]');
  });
  slot.append(form);
}

async function reset(li, user, form) {
  const notice = form.querySelector('[data-result]');
  const input = form.querySelector('[name=newPassword]');
  const button = form.querySelector('[type=submit]');
  button.disabled = true;
  const answer = await call('PUT', `${path(user.username)}/password`, { newPassword: input.value });
  button.disabled = false;
  if (!answer.ok) {
    show(notice, refusal(form, answer.problem, 'admin.fields'), 'refused');
    input.focus();
    return;
  }
  form.reset();
  li.querySelector('.locked').hidden = true;
  show(notice, t('admin.users.resetDone', user.username));
}

function changeLines(change) {
  const unlocked = change.unlocked ? ` ${t('admin.history.unlocked')}` : '';
  switch (change.type) {
    case 'CREATED':
      return [`${t('admin.history.CREATED', roleName(change.role))} · ${scopeText(change)}`];
    case 'PASSWORD_CHANGED':
    case 'PASSWORD_RESET':
      return [t(`admin.history.${change.type}`) + unlocked];
    case 'UPDATED': {
      const lines = [];
      if (change.role) lines.push(t('admin.history.role', roleName(change.role.from), roleName(change.role.to)));
      if (change.groups) lines.push(t('admin.history.groups', groupList(change.groups.from), groupList(change.groups.to)));
      if (change.provinces) lines.push(t('admin.history.provinces', names(change.provinces.from), names(change.provinces.to)));
      if (change.enabled) lines.push(t(`admin.history.enabled.${change.enabled.to}`));
      return lines;
    }
    default:
      return [change.type];
  }
}

async function history(li, user) {
  const ol = li.querySelector('.history');
  ol.replaceChildren();
  const answer = await call('GET', `${path(user.username)}/history`);
  if (!answer.ok) {
    const item = document.createElement('li');
    item.className = 'refused';
    item.textContent = sentence(answer.problem);
    ol.append(item);
    return;
  }
  if (!answer.body.length) {
    const item = document.createElement('li');
    item.textContent = t('admin.users.historyNone');
    ol.append(item);
  }
  for (const line of answer.body) {
    const item = document.createElement('li');
    item.dataset.type = line.change.type;
    const when = document.createElement('span');
    when.className = 'when muted';
    when.textContent = t('admin.history.by', dateTime(line.at), line.by);
    item.append(when);
    for (const text of changeLines(line.change)) {
      const what = document.createElement('span');
      what.className = 'what';
      what.textContent = text;
      item.append(what);
    }
    ol.append(item);
  }
}

async function load() {
  const answer = await call('GET', '/api/v1/users');
  if (!answer.ok) {
    list.replaceChildren();
    show(listStatus, sentence(answer.problem), 'refused');
    return;
  }
  show(listStatus, '');
  list.replaceChildren(...answer.body.map(card));
}

showScope(newForm);
newForm.querySelector('[name=role]').addEventListener('change', () => showScope(newForm));
newForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const notice = newForm.querySelector('[data-result]');
  const button = newForm.querySelector('[type=submit]');
  const username = newForm.querySelector('[name=username]').value.trim();
  button.disabled = true;
  const answer = await call('POST', '/api/v1/users',
    { username, password: newForm.querySelector('[name=password]').value, ...scopeOf(newForm) });
  button.disabled = false;
  if (!answer.ok) {
    show(notice, refusal(newForm, answer.problem, 'admin.fields'), 'refused');
    return;
  }
  newForm.reset();
  showScope(newForm);
  show(notice, t('admin.users.created', username));
  await load();
});

load();
