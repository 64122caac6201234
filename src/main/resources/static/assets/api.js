// How a page's script writes: through the same /api as every client, with the page's session and its CSRF
// token, answering a refusal with its sentence in the page's language. A page that imports this carries its
// words as <script type="application/json" id="words"> (pages.Words: at least the "refusal." keys).

const wordsBlock = document.getElementById('words');
export const words = wordsBlock ? JSON.parse(wordsBlock.textContent) : {};
export const t = (key, ...args) => (words[key] ?? key).replace(/\{(\d+)\}/g, (_, i) => String(args[i] ?? ''));

export function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map(x => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Khmer digits (០–៩) as Latin ones; the rest of the text as it was. */
export const latinDigits = text => String(text ?? '').replace(/[០-៩]/g, d => String(d.charCodeAt(0) - 0x17e0));

/**
 * A whole number as a person types an amount: Latin or Khmer digits, `៛` allowed, and commas, dots or spaces only
 * between groups of three digits ("1,250,000", "1.250.000", "១ ២៥០ ០០០"). null when nothing is typed, NaN for
 * anything else ("1.5" is no amount of riel).
 */
export function wholeNumber(text) {
  const s = latinDigits(text).replace(/៛/g, '').trim();
  if (s === '') return null;
  if (/^\d{1,15}$/.test(s)) return Number(s);
  return /^\d{1,3}([,.\s]\d{3}){1,4}$/.test(s) ? Number(s.replace(/[,.\s]/g, '')) : NaN;
}

/** A percentage as typed ("2", "2.5", "២,៥ %") in basis points: null when empty, NaN when not one. */
export function basisPoints(text) {
  const s = latinDigits(text).replace(/[\s%]/g, '').replace(',', '.');
  if (s === '') return null;
  if (!/^\d{1,5}(\.\d{0,2})?$/.test(s)) return NaN;
  const [units, cents = ''] = s.split('.');
  return Number(units) * 100 + Number((cents + '00').slice(0, 2));
}

/** The sentence for a problem answer: its code's, else the server's detail; the fields named when given. */
export function sentence(problem) {
  if (!problem) return '';
  const said = words[`refusal.${problem.code}`] ?? problem.detail ?? problem.code;
  const fields = (problem.errors ?? []).map(e => e.field).filter(Boolean);
  return fields.length ? `${said} (${fields.join(', ')})` : said;
}

/**
 * Calls the API: resolves to {ok, status, body} or {ok: false, status, problem}. An ended session is
 * {status: 401, problem: {code: 'UNAUTHENTICATED'}}; no connection is {status: 0, problem: {code: 'OFFLINE'}}.
 */
export async function call(method, path, body) {
  const header = document.querySelector('meta[name=_csrf_header]')?.content ?? 'X-CSRF-TOKEN';
  const token = document.querySelector('meta[name=_csrf]')?.content ?? '';
  let res;
  try {
    res = await fetch(path, {
      method, credentials: 'same-origin', redirect: 'manual',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', [header]: token },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    return { ok: false, status: 0, problem: { code: 'OFFLINE' } };
  }
  if (res.type === 'opaqueredirect' || res.status === 401) {
    return { ok: false, status: 401, problem: { code: 'UNAUTHENTICATED' } };
  }
  const json = res.status === 204 ? null : await res.json().catch(() => null);
  return res.ok ? { ok: true, status: res.status, body: json }
    : { ok: false, status: res.status, problem: json ?? { code: 'INTERNAL_ERROR' } };
}
