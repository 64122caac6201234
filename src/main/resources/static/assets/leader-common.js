// What the leader pages' scripts share: api.js (the one way a page writes), whole riel and percentages as people
// type them, and a refusal said in the page's language in the page's alert box.
import * as api from './api.js';

export { api };
export const groupId = document.querySelector('main[data-group-id]').dataset.groupId;

const latin = text => String(text ?? '').replace(/[០-៩]/g, d => String(d.charCodeAt(0) - 0x17e0)).trim();

/** Whole riel typed by a person: Latin or Khmer digits, separators ignored; '' is null; anything else NaN. */
export function parseRiel(text) {
  const digits = latin(text).replace(/[\s,.៛]/g, '');
  if (digits === '') return null;
  return /^\d{1,15}$/.test(digits) ? Number(digits) : NaN;
}

/** A percentage typed by a person ("2", "1.5", "០.៥") as basis points; '' is null; anything else NaN. */
export function parsePercent(text) {
  const value = latin(text).replace(',', '.').replace('%', '').trim();
  if (value === '') return null;
  return /^\d{1,3}(\.\d{1,2})?$/.test(value) ? Math.round(Number(value) * 100) : NaN;
}

/** Shows a refusal (or any sentence) in the page's alert box, with its code for whoever reads the page. */
export function say(box, problemOrText) {
  if (typeof problemOrText === 'string') {
    box.textContent = problemOrText;
    box.removeAttribute('data-code');
  } else {
    const problem = problemOrText;
    box.textContent = problem.code === 'OFFLINE' ? api.t('leader.js.offline') : api.sentence(problem);
    box.dataset.code = problem.code ?? '';
  }
  box.hidden = false;
  box.scrollIntoView({ block: 'center' });
}

/** Runs a write with the form's buttons disabled meanwhile, so a double tap sends once. */
export async function busy(form, work) {
  const buttons = [...form.querySelectorAll('button')];
  buttons.forEach(b => { b.disabled = true; });
  try {
    return await work();
  } finally {
    buttons.forEach(b => { b.disabled = false; });
  }
}
