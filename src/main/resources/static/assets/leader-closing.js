// Closing the books, step by step: start (the ledger's preview is then drawn by the server), confirm with the
// counted cash and the payout mode (then the statement), or cancel. Every step is one API call; a refusal is said
// in the page's language and changes nothing.
import { api, groupId, parseRiel, say, busy } from './leader-common.js';

const result = document.getElementById('closing-result');
const base = `/api/v1/groups/${groupId}/closings`;

document.getElementById('form-start')?.addEventListener('submit', async event => {
  event.preventDefault();
  const form = event.currentTarget;
  const closingDate = form.elements.closingDate.value;
  if (!closingDate) { say(result, api.t('leader.js.chooseDate')); return; }
  const answer = await busy(form, () => api.call('POST', base, { transactionId: api.uuid(), closingDate }));
  if (answer.ok) location.assign(location.pathname);
  else say(result, answer.problem);
});

document.getElementById('form-confirm')?.addEventListener('submit', async event => {
  event.preventDefault();
  const form = event.currentTarget;
  const countedCash = parseRiel(form.elements.countedCash.value);
  if (countedCash === null || Number.isNaN(countedCash)) {
    say(result, api.t('leader.js.notAnAmount'));
    form.elements.countedCash.focus();
    return;
  }
  const payoutMode = form.querySelector('input[name=payoutMode]:checked')?.value;
  const answer = await busy(form, () => api.call('POST', `${base}/current/confirm`,
    { transactionId: api.uuid(), countedCash, payoutMode }));
  if (answer.ok) location.assign(`/groups/${groupId}/closing/${answer.body.periodNumber}`);
  else say(result, answer.problem);
});

document.getElementById('form-cancel')?.addEventListener('submit', async event => {
  event.preventDefault();
  const form = event.currentTarget;
  if (!window.confirm(api.t('leader.js.cancelSure'))) return;
  const answer = await busy(form, () => api.call('POST', `${base}/current/cancel`, { transactionId: api.uuid() }));
  if (answer.ok) location.assign(`${location.pathname}?cancelled`);
  else say(result, answer.problem);
});
