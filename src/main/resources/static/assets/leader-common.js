// What the leader pages' scripts share: api.js (the one way a page writes), whole riel and percentages as people
// type them, and a refusal said in the page's language in the page's alert box.
import * as api from './api.js';

export { api };
export const groupId = document.querySelector('main[data-group-id]').dataset.groupId;

/** Whole riel typed by a person (api.js's rule): null when empty, NaN when not an amount. */
export const parseRiel = api.wholeNumber;

/** A percentage typed by a person ("2", "1.5", "០.៥") as basis points: null when empty, NaN when not one. */
export const parsePercent = api.basisPoints;

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
