// Who is signed in and what their role lets them see. The server checks every route itself; this only
// keeps controls away from people who could not use them.

import { api, setCsrfToken } from './api.js';

let current = null;

/** The signed-in user ({email, role}) or null. */
export function user() {
  return current;
}

/** Designers and admins build, launch and export surveys. */
export function canDesign() {
  return current?.role === 'admin' || current?.role === 'designer';
}

export function isAdmin() {
  return current?.role === 'admin';
}

/** Takes a session answer ({user, csrfToken}) as the current session. */
export function adopt(answer) {
  current = answer?.user || null;
  setCsrfToken(answer?.csrfToken || null);
}

/** Asks the server whether the browser already holds a session; false when not signed in. */
export async function restore() {
  try {
    adopt(await api.get('/session', undefined, { expect401: true }));
    return true;
  } catch (e) {
    if (e.status === 401 || e.status === 404) {
      adopt(null);
      return false;
    }
    throw e;
  }
}

export async function signIn(email, password) {
  adopt(await api.post('/session', { email, password }, { expect401: true }));
}

export async function signOut() {
  try {
    await api.del('/session', { expect401: true });
  } finally {
    adopt(null);
  }
}

/** Forgets the session locally, after the server said it ended. */
export function forget() {
  adopt(null);
}
