// The audit page's "verify the chain": asks the API (GET …/audit/verify, with the page's session) and says the
// result in place, naming the first event whose stored record no longer matches its hash and marking its row in
// the trail. Without scripts the same form reloads the page with the result.
import { call, sentence, t } from './api.js';

const main = document.getElementById('audit');
const form = document.getElementById('verify-form');
const result = document.getElementById('verify-result');

function paragraph(text, cls) {
  const p = document.createElement('p');
  if (cls) p.className = cls;
  p.textContent = text;
  return p;
}

function show(v) {
  document.querySelectorAll('#trail tr.tampered').forEach(r => r.classList.remove('tampered'));
  const box = document.createElement('div');
  if (v.verified) {
    box.className = 'notice';
    box.dataset.verified = 'true';
    box.append(paragraph(t('reports.audit.verified', v.events)),
      paragraph(t('reports.audit.lastHash', v.lastHash ?? '–'), 'hash'));
  } else {
    const m = v.firstMismatch;
    box.className = 'notice refused';
    box.dataset.verified = 'false';
    box.dataset.sequence = String(m.sequence);
    const strong = document.createElement('strong');
    strong.textContent = t('reports.audit.broken', m.sequence, m.type ?? '–', m.eventIdentifier ?? '–');
    const head = document.createElement('p');
    head.append(strong);
    box.append(head, paragraph(t(`reports.audit.problem.${m.problem}`)));
    const row = document.querySelector(`#trail tr[data-sequence="${CSS.escape(String(m.sequence))}"]`);
    if (row) row.classList.add('tampered');
  }
  result.replaceChildren(box);
}

if (main && form && result) {
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const button = form.querySelector('button');
    button.disabled = true;
    result.replaceChildren(paragraph(t('reports.audit.verifying'), 'muted'));
    const answer = await call('GET', `/api/v1/groups/${encodeURIComponent(main.dataset.groupId)}/audit/verify`);
    button.disabled = false;
    if (answer.ok) {
      show(answer.body);
    } else {
      const box = paragraph(sentence(answer.problem), 'notice refused');
      result.replaceChildren(box);
    }
  });
}
