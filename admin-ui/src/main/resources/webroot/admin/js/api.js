// The only place that talks to the gateway's JSON API (admin-ui/API.md): JSON in and out, the CSRF header
// on every state-changing request, and one shape for every failure (ApiError).

const base = new URL('../api', document.baseURI).pathname;
const safeMethods = new Set(['GET', 'HEAD']);

let csrfToken = null;
let sessionEnded = () => {};

/** A failed request: the API's own sentence in message, its problems, and the HTTP status. */
export class ApiError extends Error {
  constructor(status, message, body = {}, retryAfter = null) {
    super(message);
    this.status = status;
    this.body = body;
    this.problems = Array.isArray(body.problems) ? body.problems : [];
    this.retryAfter = retryAfter;
  }
}

export function setCsrfToken(token) {
  csrfToken = token;
}

/** fn(message) runs when any request answers 401: the session ended, so the page returns to sign-in. */
export function onSessionEnded(fn) {
  sessionEnded = fn;
}

/** The address of an API path, for plain links such as CSV downloads. */
export function apiUrl(path, query) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query || {})) {
    if (v !== null && v !== undefined && v !== '') params.set(k, v);
  }
  const qs = params.toString();
  return base + path + (qs ? `?${qs}` : '');
}

/**
 * Sends one request. body: an object (sent as JSON), a string (sent as JSON text as it is), or FormData.
 * options.expect401: the caller handles 401 itself (sign-in and the first session check).
 */
export async function request(method, path, body, options = {}) {
  const headers = { Accept: 'application/json' };
  let payload;
  if (body instanceof FormData) {
    payload = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = typeof body === 'string' ? body : JSON.stringify(body);
  }
  if (!safeMethods.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method, headers, body: payload, credentials: 'same-origin', signal: options.signal,
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'Cannot reach the Kila server. Check your connection and try again.');
  }
  const data = await readBody(response);
  if (response.ok) return data;
  throw failure(response, data, options);
}

async function readBody(response) {
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  if (!type.includes('json')) return null;
  try {
    return await response.json();
  } catch {
    return null;
  }
}

function failure(response, data, options) {
  const body = data && typeof data === 'object' ? data : {};
  if (response.status === 429) {
    const seconds = Number.parseInt(response.headers.get('Retry-After'), 10);
    const message = Number.isFinite(seconds)
      ? `Too many attempts, try again in ${seconds} seconds`
      : 'Too many attempts, try again later';
    return new ApiError(429, message, body, Number.isFinite(seconds) ? seconds : null);
  }
  const message = body.error || `The server answered ${response.status} ${response.statusText}.`.replace(' .', '.');
  const error = new ApiError(response.status, message, body);
  if (response.status === 401 && !options.expect401) sessionEnded(message);
  return error;
}

export const api = {
  get: (path, query, options = {}) => request('GET', path, undefined, { ...options, query }),
  post: (path, body, options) => request('POST', path, body, options),
  put: (path, body, options) => request('PUT', path, body, options),
  patch: (path, body, options) => request('PATCH', path, body, options),
  del: (path, options) => request('DELETE', path, undefined, options),
};
