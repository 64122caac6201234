// Every user's own password (/account/password): the current one and a new one twice, sent to
// PUT /api/v1/users/{me}/password. The change ends all the user's page sessions, this one too: the page then
// says so and offers the login.
import { call, t } from './api.js';
import { clearInvalid, invalid, refusal, show } from './admin-forms.js';

const page = document.getElementById('account-page');
const form = document.getElementById('password-form');
const result = document.getElementById('password-result');
const current = document.getElementById('current-password');
const fresh = document.getElementById('new-password');
const again = document.getElementById('confirm-password');
const submit = form.querySelector('[data-action=change-password]');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearInvalid(form);
  show(result, '');
  if (fresh.value.length < 10) {
    show(result, invalid([fresh], t('account.tooShort'), 'account.fields'), 'refused');
    fresh.focus();
    return;
  }
  if (fresh.value !== again.value) {
    show(result, invalid([again], t('account.mismatch'), 'account.fields'), 'refused');
    again.value = '';
    again.focus();
    return;
  }
  submit.disabled = true;
  const answer = await call('PUT', `/api/v1/users/${encodeURIComponent(page.dataset.me)}/password`,
    { currentPassword: current.value, newPassword: fresh.value });
  submit.disabled = false;
  if (answer.ok) {
    form.reset();
    form.hidden = true;
    show(result, t('account.done'));
    form.after(result);
    const login = document.getElementById('login-again');
    login.hidden = false;
    login.querySelector('a').focus();
    return;
  }
  if (answer.problem?.code === 'WRONG_PASSWORD') {
    show(result, invalid([current], refusal(form, answer.problem, 'account.fields'), 'account.fields'), 'refused');
    current.value = '';
    current.focus();
    return;
  }
  show(result, refusal(form, answer.problem, 'account.fields'), 'refused');
});
