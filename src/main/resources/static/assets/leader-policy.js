// Changing the group's policy from a date: PUT .../policy with the fields of the form (the non-member rate tiers
// are kept as they are). Rates are typed as "% a month" and sent as basis points; the ledger checks the rest.
import { api, groupId, parseRiel, parsePercent, say, busy } from './leader-common.js';

const result = document.getElementById('policy-result');

document.getElementById('form-policy')?.addEventListener('submit', async event => {
  event.preventDefault();
  const form = event.currentTarget;
  const f = form.elements;
  const rate = parsePercent(f.memberMonthlyRate.value);
  const maxTerm = parseRiel(f.maxTermMonths.value);
  const maxLoan = parseRiel(f.maxLoanPrincipal.value);
  const minFirst = parseRiel(f.minInitialContribution.value);
  const allocation = {};
  let badShare = false;
  form.querySelectorAll('input[data-pool]').forEach(input => {
    const bp = parsePercent(input.value);
    if (Number.isNaN(bp)) badShare = true;
    else if (bp) allocation[input.dataset.pool] = bp;
  });
  if (!f.effectiveFrom.value || rate === null || Number.isNaN(rate) || maxTerm === null || Number.isNaN(maxTerm)
      || Number.isNaN(maxLoan) || Number.isNaN(minFirst) || badShare) {
    say(result, api.t('leader.js.fillTheForm'));
    return;
  }
  const policy = {
    memberMonthlyRateBp: rate,
    interestMethod: f.interestMethod.value,
    interestAllocation: allocation,
    maxLoanPrincipal: maxLoan,
    maxTermMonths: maxTerm,
    minInitialContribution: minFirst,
    nonMemberLending: f.nonMemberLending.value,
    closingCycleMonths: Number(f.closingCycleMonths.value),
    suspendLendingDuringClosing: f.suspendLendingDuringClosing.checked,
    premiumBasis: f.premiumBasis.value,
  };
  const answer = await busy(form, () => api.call('PUT', `/api/v1/groups/${groupId}/policy`,
    { transactionId: api.uuid(), effectiveFrom: f.effectiveFrom.value, policy }));
  if (answer.ok) location.assign(`${location.pathname}?saved=${encodeURIComponent(f.effectiveFrom.value)}`);
  else say(result, answer.problem);
});
