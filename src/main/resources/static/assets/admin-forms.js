// What the admin pages' scripts share: reading typed numbers, and saying a refusal as a sentence that names the
// fields by their labels on the page (not by the API's field paths), marking them for screen readers too.
import { basisPoints, latinDigits, sentence, t, wholeNumber } from './api.js';

/** A whole number as typed (api.js's rule): null when empty, NaN when not one. */
export const whole = wholeNumber;
export { basisPoints, latinDigits };

/** A date typed as dd/mm/yyyy (Khmer digits too) as yyyy-mm-dd; null when it is no such day. */
export function isoDate(text) {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(latinDigits(text).trim());
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Basis points as a percentage to type over: 200 → "2", 250 → "2.5", 1234 → "12.34". */
export function percent(bp) {
  const digits = String(Math.trunc(bp)).padStart(3, '0');     // whole basis points, written out: no fractions
  const cents = digits.slice(-2).replace(/0+$/, '');
  return cents ? `${digits.slice(0, -2)}.${cents}` : digits.slice(0, -2);
}

/** Whole riel with comma separators, as the pages write them (without the ៛, which the label carries). */
export function riel(n) {
  return n == null ? '' : Number(n).toLocaleString('en-US');
}

/** An instant as dd/mm/yyyy hh:mm in the browser's time. */
export function dateTime(iso) {
  const d = new Date(iso);
  const p = n => String(n).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Shows a sentence in a notice: kind 'refused' for a refusal, else an ordinary notice; empty text hides it. */
export function show(notice, text, kind) {
  notice.textContent = text ?? '';
  notice.hidden = !text;
  notice.classList.toggle('refused', kind === 'refused');
  notice.setAttribute('role', kind === 'refused' ? 'alert' : 'status');
}

export function clearInvalid(form) {
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
}

/** The element on the form standing for an API field: the longest data-field that is it or a prefix of it. */
function elementFor(form, field) {
  let best = null;
  for (const el of form.querySelectorAll('[data-field]')) {
    const f = el.dataset.field;
    if ((field === f || field.startsWith(`${f}.`) || field.startsWith(`${f}[`))
        && (!best || f.length > best.dataset.field.length)) {
      best = el;
    }
  }
  return best;
}

/** The words a reader sees for a field: its label, or its group's legend. */
export function labelOf(el) {
  if (el.tagName === 'FIELDSET') return el.querySelector('legend')?.textContent.trim() ?? '';
  const label = el.labels?.[0];
  if (!label) return el.name ?? '';
  return (label.querySelector('span') ?? label).textContent.trim();
}

/** Marks these elements as wrong and says so: the sentence, then "Check: label, label". */
export function invalid(elements, said, checkKey) {
  const labels = [];
  for (const el of elements) {
    el.setAttribute('aria-invalid', 'true');
    const label = labelOf(el);
    if (label && !labels.includes(label)) labels.push(label);
  }
  return labels.length ? `${said} ${t(checkKey, labels.join(', '))}` : said;
}

/** A problem answer as the page's sentence, the fields it names marked on the form and named by their labels. */
export function refusal(form, problem, checkKey) {
  clearInvalid(form);
  const said = sentence({ ...problem, errors: [] });
  const elements = [];
  const unknown = [];
  for (const error of problem?.errors ?? []) {
    const el = error.field ? elementFor(form, error.field) : null;
    if (el) elements.push(el); else if (error.field) unknown.push(error.field);
  }
  const text = invalid(elements, said, checkKey);
  return unknown.length && !elements.length ? `${text} (${unknown.join(', ')})` : text;
}
