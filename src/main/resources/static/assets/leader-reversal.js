// Reversing one transaction with a reason: POST .../reversals; the ledger decides whether it may be reversed and
// its refusal is said in the page's language.
import { api, groupId, say, busy } from './leader-common.js';

const root = document.getElementById('reversal');
const result = document.getElementById('reversal-result');

document.getElementById('form-reversal')?.addEventListener('submit', async event => {
  event.preventDefault();
  const form = event.currentTarget;
  const reason = form.elements.reason.value.trim();
  const occurredOn = form.elements.occurredOn.value;
  if (!reason || !occurredOn) { say(result, api.t('leader.js.fillTheForm')); return; }
  const answer = await busy(form, () => api.call('POST', `/api/v1/groups/${groupId}/reversals`, {
    transactionId: api.uuid(), reversedTransactionId: root.dataset.transactionId, reason, occurredOn }));
  if (answer.ok) location.assign(`/groups/${groupId}?reversed`);
  else say(result, answer.problem);
});
