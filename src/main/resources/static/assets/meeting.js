// The meeting sheet: records a meeting on the phone, keeps every record in IndexedDB from the moment it is
// saved, and sends the whole meeting in one request (POST /api/v1/groups/{id}/meetings) when asked, and again by
// itself until the ledger has answered. Figures shown while records wait are worked out here from the roster
// (kept on the phone too) and replaced by the ledger's own after sending. Every name is set as text, never HTML.

import { sentence, t, uuid, wholeNumber } from './api.js';

const root = document.getElementById('sheet');
const groupId = root.dataset.groupId;
const CACHE = 'fundbook-pages-v1';
const RETRY_MS = 10000;
const MAX_ENTRIES = 500;

// ---------------------------------------------------------------- words, figures, dates, ids
const number = n => Math.trunc(n).toLocaleString('en-US');
const riel = n => `${number(n)} ៛`;
const dmy = iso => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
/** Whole riel typed by a person (api.js's rule); an empty box is 0. */
const parseRiel = text => wholeNumber(text) ?? 0;
const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') e.textContent = v;
    else if (k.startsWith('data-') || k === 'class' || k === 'role' || k.startsWith('aria-')) e.setAttribute(k, v);
    else e[k] = v;
  }
  for (const c of children) if (c) e.append(c);
  return e;
};

// ---------------------------------------------------------------- the phone's store (IndexedDB)
const db = await new Promise((resolve, reject) => {
  const open = indexedDB.open('fundbook', 1);
  open.onupgradeneeded = () => {
    const d = open.result;
    d.createObjectStore('rosters', { keyPath: 'groupId' });
    d.createObjectStore('meetings', { keyPath: 'groupId' });
    d.createObjectStore('records', { keyPath: 'transactionId' }).createIndex('groupId', 'groupId');
  };
  open.onsuccess = () => resolve(open.result);
  open.onerror = () => reject(open.error);
});
/** One transaction, committed to disk before it resolves ("strict"): a dead battery after "saved" loses nothing. */
function store(name, mode, work) {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(name, mode, { durability: 'strict' });
    const request = work(tx.objectStore(name));
    tx.oncomplete = () => resolve(request ? request.result : undefined);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}
const load = (name, key) => store(name, 'readonly', s => s.get(key));
const keep = (name, value) => store(name, 'readwrite', s => s.put(value));
const drop = (name, key) => store(name, 'readwrite', s => s.delete(key));
const recordsOf = id => store('records', 'readonly', s => s.index('groupId').getAll(id));

// ---------------------------------------------------------------- state
let roster = await load('rosters', groupId);          // {groupId, etag, fetchedAt, data}
let meeting = await load('meetings', groupId);        // {groupId, meetingId, heldOn, attendance, attendanceSent, sendRequested}
let records = (await recordsOf(groupId)).sort((a, b) => a.savedAt - b.savedAt);
let sending = false;

const pending = () => records.filter(r => r.state === 'pending');
/** Records whose money the roster does not hold yet: waiting, or recorded after the roster was read. */
const counted = () => records.filter(r => r.state === 'pending'
  || (r.state === 'recorded' && (!roster || r.recordedAt > roster.fetchedAt)));

async function startMeetingIfDue() {
  if (meeting && (meeting.heldOn === today() || pending().length > 0)) return;
  for (const r of records.filter(x => x.state === 'recorded')) await drop('records', r.transactionId);
  records = records.filter(x => x.state !== 'recorded');
  meeting = { groupId, meetingId: uuid(), heldOn: today(), attendance: [], attendanceSent: [], sendRequested: false };
  await keep('meetings', meeting);
}

// ---------------------------------------------------------------- the roster: from the ledger, kept on the phone
async function refreshRoster() {
  try {
    const headers = roster?.etag ? { 'If-None-Match': roster.etag } : {};
    const res = await fetch(`/api/v1/groups/${groupId}/roster`, { headers, credentials: 'same-origin' });
    if (res.status === 304) {
      roster.fetchedAt = Date.now();
      await keep('rosters', roster);
    } else if (res.ok) {
      roster = { groupId, etag: res.headers.get('ETag'), fetchedAt: Date.now(), data: await res.json() };
      await keep('rosters', roster);
    } else if (res.status === 401) {
      showConnection(t('sheet.loginAgain'), true);
      return;
    } else {
      return;
    }
    showConnection(null);
  } catch (e) {
    showConnection(t('sheet.offline'));
  }
}

// ---------------------------------------------------------------- figures worked out on the phone
function members() {
  const list = (roster?.data?.members ?? []).map(m => ({ ...m, provisional: false }));
  for (const r of records) {
    if (r.type === 'MEMBER' && r.state !== 'refused' && !list.some(m => m.memberId === r.entry.memberId)) {
      list.push({ memberId: r.entry.memberId, name: r.entry.name, sex: r.entry.sex,
        membership: r.entry.membership, savings: 0, loans: [], provisional: true });
    }
  }
  return list;
}
function figuresOf(member) {
  const mine = counted().filter(r => r.memberId === member.memberId);
  const sum = type => mine.filter(r => r.type === type).reduce((s, r) => s + (r.entry.amount ?? 0), 0);
  const savings = member.savings + sum('CONTRIBUTION') - sum('WITHDRAWAL');
  const loans = member.loans.map(loan => {
    const paid = mine.filter(r => r.type === 'REPAYMENT' && r.entry.loanId === loan.loanId)
      .reduce((s, r) => s + r.entry.amount, 0);
    const interest = Math.min(paid, loan.interestDue);
    return { ...loan, paid, interestPaid: interest, interestLeft: loan.interestDue - interest,
      outstanding: Math.max(0, loan.outstandingPrincipal - (paid - interest)) };
  });
  for (const r of mine.filter(x => x.type === 'LOAN')) {
    loans.push({ loanId: null, principal: r.entry.principal, outstanding: r.entry.principal, interestDue: 0,
      interestLeft: 0, daysOverdue: 0, maturesOn: null, provisional: true });
  }
  return { savings, loans };
}
const AMOUNT = r => r.entry.amount ?? r.entry.principal ?? r.entry.countedCash ?? 0;
/** The interest in each repayment: as the ledger answered, or as the phone works it out while it waits. */
function interestOf(repayments) {
  const loans = new Map((roster?.data?.members ?? []).flatMap(m => m.loans).map(l => [l.loanId, l.interestDue]));
  let total = 0;
  for (const r of repayments) {
    if (r.state === 'recorded' && r.answer && Number.isFinite(r.answer.interestPart)) {
      total += r.answer.interestPart;
    } else {
      const due = loans.get(r.entry.loanId) ?? 0;
      const part = Math.min(r.entry.amount, due);
      loans.set(r.entry.loanId, due - part);
      total += part;
    }
  }
  return total;
}
/** The meeting's totals by kind (all it recorded or holds), and the cash the box should hold now. */
function totals() {
  const kept = records.filter(r => r.state !== 'refused');
  const sum = (list, type) => list.filter(r => r.type === type).reduce((s, r) => s + AMOUNT(r), 0);
  const c = counted();
  const inflow = sum(c, 'CONTRIBUTION') + sum(c, 'REPAYMENT') + sum(c, 'GRANT_RECOVERY');
  const outflow = sum(c, 'WITHDRAWAL') + sum(c, 'LOAN') + sum(c, 'EMERGENCY_GRANT') + sum(c, 'PAYOUT');
  const start = roster?.data?.balances?.cash ?? 0;
  return { savingsIn: sum(kept, 'CONTRIBUTION'), withdrawals: sum(kept, 'WITHDRAWAL'),
    repayments: sum(kept, 'REPAYMENT'), interest: interestOf(kept.filter(r => r.type === 'REPAYMENT')),
    loansOut: sum(kept, 'LOAN'), grants: sum(kept, 'EMERGENCY_GRANT'), recoveries: sum(kept, 'GRANT_RECOVERY'),
    payouts: sum(kept, 'PAYOUT'), cashShould: start + inflow - outflow };
}

// ---------------------------------------------------------------- drawing
const membersBox = document.getElementById('members');
const rowTemplate = document.getElementById('member-row');

function drawAll() {
  document.getElementById('held-on').textContent = dmy(meeting.heldOn);
  const list = members();
  membersBox.replaceChildren();
  if (!roster) {
    membersBox.append(el('p', { class: 'muted', text: t('sheet.noRoster') }));
  }
  for (const m of list) membersBox.append(memberRow(m));
  fillSelects(list);
  drawGroupRecords();
  drawTotals();
}

function memberRow(m) {
  const row = rowTemplate.content.firstElementChild.cloneNode(true);
  row.dataset.memberId = m.memberId;
  row.querySelector('.member-name').textContent = m.name;
  if (m.membership === 'NON_MEMBER') {
    row.querySelector('.member-name').append(' ', el('span', { class: 'badge', text: t('sheet.nonMember') }));
  }
  const present = row.querySelector('input[name=present]');
  present.checked = meeting.attendance.includes(m.memberId);
  present.id = `present-${m.memberId}`;
  for (const name of ['contribution', 'withdrawal']) {
    const input = row.querySelector(`input[name=${name}]`);
    input.id = `${name}-${m.memberId}`;
    input.dataset.field = name;
    if (m.membership === 'NON_MEMBER') input.closest('label').hidden = true;
  }
  const loansBox = row.querySelector('.loans');
  for (const loan of m.loans) {
    const label = el('label', { class: 'field loan', 'data-loan-id': loan.loanId },
      el('span', { class: 'loan-figures' }),
      el('input', { name: 'repayment', inputmode: 'numeric', autocomplete: 'off', id: `repayment-${loan.loanId}` }));
    label.querySelector('input').dataset.field = `repayment:${loan.loanId}`;
    label.querySelector('input').dataset.loanId = loan.loanId;
    loansBox.append(label);
  }
  drawRow(row, m);
  return row;
}

/** Figures, inputs and records of one row, redrawn in place (the inputs keep their focus). */
function drawRow(row, m) {
  const f = figuresOf(m);
  const figures = row.querySelector('.member-figures');
  figures.replaceChildren(el('dt', { text: t('sheet.savings') }), el('dd', { class: 'savings', text: riel(f.savings) }));
  for (const loan of f.loans) {
    figures.append(el('dt', { text: loan.provisional ? t('sheet.newLoanShort') : t('sheet.loan') }),
      el('dd', { class: loan.daysOverdue > 0 ? 'overdue' : '', text: riel(loan.outstanding) }));
    if (!loan.provisional) {
      const label = row.querySelector(`.loan[data-loan-id="${loan.loanId}"] .loan-figures`);
      label.replaceChildren(t('sheet.repayment'), ' ',
        el('span', { class: 'muted', text: t('sheet.interestDue', riel(loan.interestLeft)) }),
        loan.daysOverdue > 0 ? el('span', { class: 'badge overdue', text: t('sheet.overdue', loan.daysOverdue) }) : '');
    }
  }
  for (const input of row.querySelectorAll('input[data-field]')) {
    const r = recordFor(m.memberId, input.dataset.field);
    const locked = r && (r.state === 'recorded' || (r.state === 'pending' && r.sentAt));
    input.disabled = !!locked;
    if (r && document.activeElement !== input) input.value = number(AMOUNT(r));
  }
  drawRecords(row.querySelector('.records'), records.filter(r => r.memberId === m.memberId));
}

function drawRecords(list, mine) {
  list.replaceChildren(...mine.map(r => {
    const li = el('li', { 'data-state': r.state, 'data-transaction-id': r.transactionId, 'data-type': r.type },
      el('span', { class: 'kind', text: `${t(`sheet.kind.${r.type}`)} ${r.type === 'MEMBER' ? r.entry.name : riel(AMOUNT(r))}` }),
      ' ', el('span', { class: 'badge', text: t(`sheet.state.${r.state}`) }));
    if (r.state === 'refused') {
      li.append(el('span', { class: 'reason', role: 'alert', text: sentence(r.problem) }),
        el('span', { class: 'actions' },
          el('button', { type: 'button', 'data-action': 'resend', text: t('sheet.resend') }),
          el('button', { type: 'button', 'data-action': 'remove', class: 'danger', text: t('sheet.remove') })));
    }
    return li;
  }));
}

function drawGroupRecords() {
  const box = document.getElementById('group-records');
  const rowIds = new Set(members().map(m => m.memberId));
  const mine = records.filter(r => !r.memberId || !rowIds.has(r.memberId));
  box.hidden = mine.length === 0;
  drawRecords(box.querySelector('.records'), mine);
  const counted = document.getElementById('counted-cash');
  const count = recordFor(null, 'countedCash');
  counted.disabled = !!(count && (count.state === 'recorded' || (count.state === 'pending' && count.sentAt)));
  if (count && document.activeElement !== counted) counted.value = number(count.entry.countedCash);
}

function drawTotals() {
  const s = totals();
  const figures = document.getElementById('review-figures');
  const line = (key, value, cls) => [el('dt', { text: t(key) }), el('dd', { class: cls, text: riel(value) })];
  figures.replaceChildren(...line('sheet.total.savingsIn', s.savingsIn), ...line('sheet.total.withdrawals', s.withdrawals),
    ...line('sheet.total.repayments', s.repayments), ...line('sheet.total.interest', s.interest),
    ...line('sheet.total.loansOut', s.loansOut), ...line('sheet.total.grants', s.grants),
    ...line('sheet.total.recoveries', s.recoveries), ...line('sheet.total.payouts', s.payouts));
  const present = members().filter(m => meeting.attendance.includes(m.memberId)).map(m => m.name);
  document.getElementById('review-present').textContent = present.length
    ? `${present.length}: ${present.join(', ')}` : '0';
  const count = recordFor(null, 'countedCash');
  const cash = document.getElementById('review-cash');
  cash.replaceChildren(...line('sheet.cashShould', s.cashShould, 'cash-should'));
  if (count) {
    const diff = count.entry.countedCash - s.cashShould;
    cash.append(...line('sheet.cashCounted', count.entry.countedCash, 'cash-counted'),
      el('dt', { text: t('sheet.difference') }),
      el('dd', { class: diff === 0 ? 'difference' : 'difference refused', text: (diff > 0 ? '+' : '') + riel(diff) }));
  }
  document.getElementById('box-cash').textContent = riel(s.cashShould);
  const waiting = pending().length;
  const outbox = document.getElementById('outbox-count');
  outbox.dataset.outboxCount = String(waiting);
  outbox.textContent = number(waiting);
  document.querySelector('[data-action=send]').disabled = sending;
}

function fillSelects(list) {
  const fill = (select, options) => {
    const chosen = select.value;
    select.replaceChildren(...options.map(([value, text]) => el('option', { value, text })));
    if (options.some(([v]) => v === chosen)) select.value = chosen;
  };
  fill(document.getElementById('loan-borrower'), list.map(m => [m.memberId, m.name]));
  fill(document.getElementById('grant-recipient'), list.filter(m => m.membership === 'MEMBER')
    .map(m => [m.memberId, m.name]));
  fill(document.getElementById('recovery-grant'), (roster?.data?.grants ?? [])
    .filter(g => g.recoverable && g.recovered < g.amount)
    .map(g => [g.grantId, `${g.recipientName} · ${riel(g.amount - g.recovered)}`]));
}

function redraw(memberId) {
  const row = memberId ? membersBox.querySelector(`[data-member-id="${CSS.escape(memberId)}"]`) : null;
  const m = memberId ? members().find(x => x.memberId === memberId) : null;
  if (row && m) drawRow(row, m);
  drawGroupRecords();
  drawTotals();
}

function showConnection(text, loginLink) {
  const box = document.getElementById('connection');
  box.hidden = !text;
  box.replaceChildren();
  if (!text) return;
  box.append(text);
  if (loginLink) box.append(' ', el('a', { href: location.pathname, text: t('sheet.loginLink') }));
}

// ---------------------------------------------------------------- saving records on the phone
const recordFor = (memberId, field) => records.find(r => r.memberId === memberId && r.field === field);

async function save(record) {
  await keep('records', record);
  records = records.filter(r => r.transactionId !== record.transactionId).concat(record);
}
async function forget(record) {
  await drop('records', record.transactionId);
  records = records.filter(r => r.transactionId !== record.transactionId);
}
function newRecord(type, memberId, field, entry) {
  return { transactionId: entry.transactionId, groupId, type, memberId, field, entry, state: 'pending',
    problem: null, savedAt: Date.now(), sentAt: null, recordedAt: null };
}

/** An amount box was left: its record is made, corrected or removed — never one sent before. */
async function amountChanged(input) {
  const row = input.closest('[data-member-id]');
  const memberId = row && row.dataset.memberId ? row.dataset.memberId : null;
  const field = input.dataset.field ?? input.name;
  const amount = parseRiel(input.value);
  const message = document.getElementById('send-result');
  if (Number.isNaN(amount)) {
    input.setAttribute('aria-invalid', 'true');
    message.textContent = t('sheet.notAnAmount');
    return;
  }
  input.removeAttribute('aria-invalid');
  const old = recordFor(memberId, field);
  if (old && (old.state === 'recorded' || (old.state === 'pending' && old.sentAt))) return;
  if (old && AMOUNT(old) === amount && old.state === 'pending') return;
  if (old) await forget(old);              // a correction, or an amount taken back, before it was ever sent
  if (amount > 0) {
    const id = uuid();
    const on = meeting.heldOn;
    const entry = field === 'countedCash' ? { transactionId: id, countedCash: amount, occurredOn: on }
      : field.startsWith('repayment:') ? { transactionId: id, loanId: input.dataset.loanId, amount, occurredOn: on }
        : { transactionId: id, memberId, amount, occurredOn: on };
    const type = field === 'countedCash' ? 'CASH_COUNT' : field.startsWith('repayment:') ? 'REPAYMENT'
      : field === 'withdrawal' ? 'WITHDRAWAL' : 'CONTRIBUTION';
    await save(newRecord(type, memberId, field, entry));
  } else if (field === 'countedCash' && input.value.trim() !== '') {
    const id = uuid();
    await save(newRecord('CASH_COUNT', null, field, { transactionId: id, countedCash: 0, occurredOn: meeting.heldOn }));
  }
  message.textContent = t('sheet.saved');
  redraw(memberId);
}

async function presentChanged(input) {
  const memberId = input.closest('[data-member-id]').dataset.memberId;
  const set = new Set(meeting.attendance);
  if (input.checked) set.add(memberId); else set.delete(memberId);
  meeting.attendance = [...set];
  await keep('meetings', meeting);
  drawTotals();
}

const forms = {
  'form-loan': f => {
    const principal = parseRiel(f.principal.value);
    const term = parseRiel(f.termMonths.value);
    if (!(principal > 0) || !(term > 0)) return null;
    const id = uuid();
    return newRecord('LOAN', f.borrowerId.value, null, { transactionId: id, borrowerId: f.borrowerId.value, principal,
      termMonths: term, purpose: f.purpose.value.trim() || null, occurredOn: meeting.heldOn });
  },
  'form-member': f => {
    const name = f.name.value.trim();
    if (!name) return null;
    const memberId = uuid();
    return newRecord('MEMBER', memberId, null, { transactionId: uuid(), memberId, name, sex: f.sex.value,
      membership: f.membership.value, joinedOn: meeting.heldOn });
  },
  'form-grant': f => {
    const amount = parseRiel(f.amount.value);
    if (!(amount > 0) || !f.recipientId.value) return null;
    return newRecord('EMERGENCY_GRANT', f.recipientId.value, null, { transactionId: uuid(),
      recipientId: f.recipientId.value, amount, reason: f.reason.value, recoverable: f.recoverable.checked,
      occurredOn: meeting.heldOn });
  },
  'form-recovery': f => {
    const amount = parseRiel(f.amount.value);
    if (!(amount > 0) || !f.grantId.value) return null;
    return newRecord('GRANT_RECOVERY', null, null, { transactionId: uuid(), grantId: f.grantId.value, amount,
      occurredOn: meeting.heldOn });
  },
  'form-payout': f => {
    const amount = parseRiel(f.amount.value);
    const payee = f.payee.value.trim();
    if (!(amount > 0) || !payee) return null;
    return newRecord('PAYOUT', null, null, { transactionId: uuid(), pool: f.pool.value, amount, payee,
      occurredOn: meeting.heldOn });
  },
};

// ---------------------------------------------------------------- sending the meeting
/** The session's CSRF token, fresh; null when the session has ended (the answer is the login redirect). */
async function csrf() {
  const res = await fetch('/session/csrf', { credentials: 'same-origin', redirect: 'manual', cache: 'no-store' });
  if (res.type === 'opaqueredirect' || res.status === 401 || res.status === 403) return null;
  if (!res.ok) throw new Error(`csrf ${res.status}`);
  return res.json();
}

async function send() {
  if (sending) return;
  const message = document.getElementById('send-result');
  const waiting = pending();
  const newlyPresent = meeting.attendance.filter(id => !meeting.attendanceSent.includes(id));
  if (waiting.length === 0 && newlyPresent.length === 0) {
    message.textContent = t('sheet.nothingToSend');
    return;
  }
  sending = true;
  meeting.sendRequested = true;
  await keep('meetings', meeting);
  drawTotals();
  message.textContent = t('sheet.sending');
  try {
    const token = await csrf();
    if (!token) {
      message.textContent = t('sheet.loginAgain');
      showConnection(t('sheet.loginAgain'), true);
      return;
    }
    const attendance = [...meeting.attendance];
    for (let i = 0; i === 0 || i < waiting.length; i += MAX_ENTRIES) {
      const chunk = waiting.slice(i, i + MAX_ENTRIES);
      const now = Date.now();
      for (const r of chunk) if (!r.sentAt) await save({ ...r, sentAt: now });
      const res = await fetch(`/api/v1/groups/${groupId}/meetings`, {
        method: 'POST', credentials: 'same-origin', redirect: 'manual',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', [token.headerName]: token.token },
        body: JSON.stringify({ meetingId: meeting.meetingId, heldOn: meeting.heldOn, attendance,
          entries: chunk.map(r => ({ type: r.type, ...r.entry })) }),
      });
      if (res.type === 'opaqueredirect' || res.status === 401 || !res.ok) {
        // answered, and nothing of this part was recorded: its records may be corrected again
        for (const r of chunk) await save({ ...records.find(x => x.transactionId === r.transactionId), sentAt: null });
        if (res.type === 'opaqueredirect' || res.status === 401) {
          message.textContent = t('sheet.loginAgain');
          showConnection(t('sheet.loginAgain'), true);
          return;
        }
        const problem = await res.json().catch(() => ({ code: 'INTERNAL_ERROR' }));
        message.textContent = `${t('sheet.notSent')} ${sentence(problem)}`;
        if (res.status < 500 && res.status !== 408 && res.status !== 429) {
          meeting.sendRequested = false;   // the same request would be refused again: the cashier decides
          await keep('meetings', meeting);
        }
        return;
      }
      const answer = await res.json();
      const at = Date.now();
      for (const result of answer.results) {
        const r = records.find(x => x.transactionId === result.transactionId);
        if (!r) continue;
        if (result.status >= 200 && result.status < 300) {
          await save({ ...r, state: 'recorded', recordedAt: at, problem: null, answer: result.body });
        } else {
          await save({ ...r, state: 'refused', sentAt: null, problem: result.body ?? { code: String(result.status) } });
        }
      }
    }
    meeting.attendanceSent = [...new Set([...meeting.attendanceSent, ...attendance])];
    meeting.sendRequested = pending().length > 0;
    await keep('meetings', meeting);
    const refused = records.filter(r => r.state === 'refused').length;
    message.textContent = refused ? t('sheet.sentSomeRefused', refused) : t('sheet.sent');
    showConnection(null);
    await refreshRoster();
  } catch (e) {
    message.textContent = t('sheet.offlineKept');
    showConnection(t('sheet.offline'));
  } finally {
    sending = false;
    drawAll();
  }
}

// ---------------------------------------------------------------- receipts
function receipt(memberId) {
  const m = members().find(x => x.memberId === memberId);
  if (!m) return;
  const f = figuresOf(m);
  const mine = records.filter(r => r.memberId === memberId);
  const content = document.getElementById('receipt-content');
  content.replaceChildren(
    el('p', { class: 'receipt-name', text: m.name }),
    el('p', { text: `${t('sheet.heldOn')} ${dmy(meeting.heldOn)}` }),
    el('table', {}, el('tbody', {}, ...mine.map(r => el('tr', { 'data-state': r.state },
      el('td', { text: t(`sheet.kind.${r.type}`) }),
      el('td', { class: 'num', text: r.type === 'MEMBER' ? '' : riel(AMOUNT(r)) }),
      el('td', { text: t(`sheet.state.${r.state}`) }))))),
    el('dl', { class: 'figures' }, el('dt', { text: t('sheet.savings') }), el('dd', { text: riel(f.savings) }),
      ...f.loans.flatMap(l => [el('dt', { text: t('sheet.loan') }), el('dd', { text: riel(l.outstanding) })])));
  document.getElementById('receipt').showModal();
}

// ---------------------------------------------------------------- events
root.addEventListener('change', e => {
  const input = e.target;
  if (input.name === 'present') presentChanged(input);
  else if (input.dataset.field || input.name === 'countedCash') amountChanged(input);
});
root.addEventListener('click', async e => {
  const button = e.target.closest('button[data-action]');
  if (!button) return;
  const action = button.dataset.action;
  const li = button.closest('[data-transaction-id]');
  if (action === 'send') send();
  else if (action === 'receipt') receipt(button.closest('[data-member-id]').dataset.memberId);
  else if (action === 'print') { document.body.classList.add('printing-receipt'); window.print(); }
  else if (action === 'close') document.getElementById('receipt').close();
  else if (action === 'save' && !button.closest('form')) {
    for (const input of button.closest('[data-member-id]').querySelectorAll('input[data-field]')) {
      if (!input.disabled) await amountChanged(input);
    }
  } else if (action === 'resend' && li) {
    const r = records.find(x => x.transactionId === li.dataset.transactionId);
    await save({ ...r, state: 'pending', problem: null, sentAt: null });
    redraw(r.memberId);
  } else if (action === 'remove' && li) {
    const r = records.find(x => x.transactionId === li.dataset.transactionId);
    await forget(r);
    drawAll();
  }
});
for (const [id, make] of Object.entries(forms)) {
  document.getElementById(id).addEventListener('submit', async e => {
    e.preventDefault();
    const form = e.target;
    const record = make(form.elements);
    if (!record) {
      document.getElementById('send-result').textContent = t('sheet.fillTheForm');
      return;
    }
    await save(record);
    form.reset();
    form.closest('details').open = false;
    document.getElementById('send-result').textContent = t('sheet.saved');
    drawAll();
  });
}
window.addEventListener('afterprint', () => document.body.classList.remove('printing-receipt'));
window.addEventListener('online', () => { if (meeting.sendRequested) send(); });
setInterval(() => { if (meeting.sendRequested && !sending && pending().length > 0) send(); }, RETRY_MS);

// ---------------------------------------------------------------- start: the phone's copy first, then the ledger's
await startMeetingIfDue();
drawAll();
await refreshRoster();
drawAll();
if (meeting.sendRequested && pending().length > 0) send();

// Keep this page and what it loads for the days without signal (the service worker serves them then).
if ('serviceWorker' in navigator && 'caches' in window) {
  navigator.serviceWorker.ready.then(async () => {
    const cache = await caches.open(CACHE);
    if (await cache.match(location.pathname)) return;
    const assets = [...document.querySelectorAll('link[rel=stylesheet], link[rel=icon], link[rel=manifest], script[src]')]
      .map(e => e.href || e.src).concat(new URL('./api.js', import.meta.url).href);
    await cache.addAll(assets);
    const page = await fetch(location.pathname, { credentials: 'same-origin', redirect: 'manual' });
    if (page.ok && page.type === 'basic') await cache.put(location.pathname, page);
  }).catch(() => { /* kept the next time the page opens */ });
}
root.dataset.ready = 'true';
