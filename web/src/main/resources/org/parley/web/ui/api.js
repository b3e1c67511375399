// The Parley JSON API. The access token (when the server has one) comes from the URL's
// #token=... once and is kept for the browser tab only.
const KEY = 'parley-token';
const hash = new URLSearchParams(location.hash.slice(1));
if (hash.get('token')) {
  sessionStorage.setItem(KEY, hash.get('token'));
  history.replaceState(null, '', location.pathname + location.search);
}

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.error?.message || `HTTP ${status}`);
    this.status = status;
    this.code = body?.error?.code || 'HTTP_' + status;
    this.problems = body?.problems || [];
  }
}

function headers(extra = {}) {
  const h = { ...extra };
  const t = sessionStorage.getItem(KEY);
  if (t) h['Authorization'] = 'Bearer ' + t;
  return h;
}

/** Asks for the access token (the server printed it at start) and keeps it for this tab. */
export function askToken() {
  const t = window.prompt('This Parley server needs its access token (printed when it started):');
  if (t) sessionStorage.setItem(KEY, t.trim());
  return !!t;
}

export async function call(method, path, body, contentType = 'application/json') {
  const init = { method, headers: headers(body === undefined ? {} : { 'Content-Type': contentType }) };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const r = await fetch(path, init);
  const text = await r.text();
  let data = null;
  if (text && (r.headers.get('Content-Type') || '').includes('json')) data = JSON.parse(text);
  if (!r.ok) throw new ApiError(r.status, data);
  return data ?? text;
}

/** Fetches a file with the token and hands it to the browser as a download. */
export async function download(path, filename) {
  const r = await fetch(path, { headers: headers() });
  if (!r.ok) throw new ApiError(r.status, await r.json().catch(() => null));
  saveBlob(await r.blob(), filename);
}

export function saveBlob(blob, filename) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}
