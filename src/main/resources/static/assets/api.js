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
