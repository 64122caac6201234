// Registering a group (/groups/new): the group, its place, and its policy — filled in with the chosen scheme's
// defaults (given by the server from the same Policy.defaultsFor the API fills with), shown for editing, and sent
// whole with POST /api/v1/groups. The group id is made here once per group: sending again after a lost answer
// registers it once.
import { call, t, uuid } from './api.js';
import { basisPoints, clearInvalid, invalid, isoDate, percent, refusal, riel, show, whole } from './admin-forms.js';

const defaults = JSON.parse(document.getElementById('defaults').textContent);
const form = document.getElementById('group-form');
const result = document.getElementById('group-result');
const done = document.getElementById('group-done');
const tiers = document.getElementById('tiers');
const tierTemplate = document.getElementById('tier-row');
const sum = document.getElementById('allocation-sum');
const $ = id => document.getElementById(id);
let groupId = uuid();

function addTier(tier) {
  const li = tierTemplate.content.firstElementChild.cloneNode(true);
  if (tier) {
    li.querySelector('[name=minPrincipal]').value = riel(tier.minPrincipal);
    li.querySelector('[name=maxTermMonths]').value = String(tier.maxTermMonths);
    li.querySelector('[name=monthlyRateBp]').value = percent(tier.monthlyRateBp);
  }
  li.querySelector('[data-action=remove-tier]').addEventListener('click', () => {
    li.remove();
    showTiers();
    form.querySelector('[data-action=add-tier]').focus();
  });
  tiers.append(li);
  showTiers();
  return li;
}

function showTiers() {
  $('no-tiers').hidden = tiers.children.length > 0;
}

function showSum() {
  let total = 0;
  for (const input of form.querySelectorAll('[data-pool]')) total += basisPoints(input.value) || 0;
  sum.textContent = t('admin.policy.allocationSum', percent(total));
  sum.classList.toggle('refused', total !== 10000);
}

/** Puts a policy into the form. */
function fill(policy) {
  $('p-rate').value = percent(policy.memberMonthlyRateBp);
  $('p-method').value = policy.interestMethod;
  $('p-max-principal').value = riel(policy.maxLoanPrincipal);
  $('p-max-term').value = String(policy.maxTermMonths);
  $('p-min-initial').value = riel(policy.minInitialContribution);
  $('p-cycle').value = String(policy.closingCycleMonths);
  $('p-basis').value = policy.premiumBasis;
  $('p-suspend').checked = policy.suspendLendingDuringClosing;
  $('p-lending').value = policy.nonMemberLending;
  for (const input of form.querySelectorAll('[data-pool]')) {
    const bp = policy.interestAllocation[input.dataset.pool];
    input.value = bp ? percent(bp) : '';
  }
  tiers.replaceChildren();
  for (const tier of policy.nonMemberRates) addTier(tier);
  showTiers();
  showSum();
}

/** Reads a typed number; a wrong or missing one is put on the list of what to correct. */
function number(input, wrong) {
  const value = input.dataset.kind === 'percent' ? basisPoints(input.value) : whole(input.value);
  if (Number.isNaN(value) || (value === null && !('optional' in input.dataset))) {
    wrong.push(input);
    return null;
  }
  return value;
}

/** The policy as the form holds it, and the inputs that do not hold a number. */
function readPolicy() {
  const wrong = [];
  const interestAllocation = {};
  for (const input of form.querySelectorAll('[data-pool]')) {
    const bp = number(input, wrong);
    if (bp) interestAllocation[input.dataset.pool] = bp;
  }
  const nonMemberRates = [...tiers.children].map(li => ({
    minPrincipal: number(li.querySelector('[name=minPrincipal]'), wrong),
    maxTermMonths: number(li.querySelector('[name=maxTermMonths]'), wrong),
    monthlyRateBp: number(li.querySelector('[name=monthlyRateBp]'), wrong),
  }));
  const policy = {
    memberMonthlyRateBp: number($('p-rate'), wrong),
    nonMemberLending: $('p-lending').value,
    nonMemberRates,
    interestMethod: $('p-method').value,
    maxLoanPrincipal: number($('p-max-principal'), wrong),
    maxTermMonths: number($('p-max-term'), wrong),
    minInitialContribution: number($('p-min-initial'), wrong),
    interestAllocation,
    closingCycleMonths: Number($('p-cycle').value),
    suspendLendingDuringClosing: $('p-suspend').checked,
    premiumBasis: $('p-basis').value,
  };
  return { policy, wrong };
}

$('g-scheme').addEventListener('change', () => fill(defaults[$('g-scheme').value]));
form.querySelector('[data-action=add-tier]').addEventListener('click', () => {
  addTier().querySelector('input').focus();
});
form.addEventListener('input', (event) => { if (event.target.dataset.pool !== undefined) showSum(); });
// an amount left is written back with its separators (300000 → 300,000) when it is one
form.addEventListener('change', (event) => {
  const input = event.target;
  if (input.dataset?.kind !== 'riel') return;
  const value = whole(input.value);
  if (value !== null && !Number.isNaN(value)) input.value = riel(value);
});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearInvalid(form);
  show(result, '');
  done.hidden = true;
  const { policy, wrong } = readPolicy();
  if (wrong.length) {
    show(result, invalid(wrong, t('admin.group.notANumber'), 'admin.fields'), 'refused');
    wrong[0].focus();
    return;
  }
  const registeredOn = isoDate($('g-registered').value);
  if (!registeredOn) {
    show(result, invalid([$('g-registered')], t('admin.group.notADate'), 'admin.fields'), 'refused');
    $('g-registered').focus();
    return;
  }
  const name = $('g-name').value.trim();
  const body = {
    groupId,
    name,
    scheme: $('g-scheme').value,
    location: { province: $('g-province').value.trim(), district: $('g-district').value.trim(),
      commune: $('g-commune').value.trim(), village: $('g-village').value.trim() },
    registeredOn,
    policy,
  };
  const button = form.querySelector('[data-action=register-group]');
  button.disabled = true;
  show(result, t('admin.sending'));
  const answer = await call('POST', '/api/v1/groups', body);
  button.disabled = false;
  if (!answer.ok) {
    show(result, refusal(form, answer.problem, 'admin.fields'), 'refused');
    form.querySelector('[aria-invalid=true]')?.focus();
    return;
  }
  // registered: the next group gets a new id; the place stays (groups are often registered a village at a time)
  groupId = uuid();
  $('g-name').value = '';
  fill(defaults[$('g-scheme').value]);
  form.dataset.registered = answer.body?.groupId ?? body.groupId;
  show(result, t('admin.group.registered', name));
  done.hidden = false;
  result.focus?.();
});

fill(defaults[$('g-scheme').value]);
