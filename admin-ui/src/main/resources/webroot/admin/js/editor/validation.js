// Checks the draft as it is typed: waits for a pause in typing, then asks POST /api/surveys/validate (the
// same messages as the command-line validator) and drops answers that arrive after a newer question.

import { api } from '../api.js';

export function createValidation({ body, onResult, onError, onChecking, delay = 600 }) {
  let timer = null;
  let asked = 0;
  const run = async () => {
    asked += 1;
    const mine = asked;
    onChecking();
    try {
      const answer = await api.post('/surveys/validate', body());
      if (mine === asked) onResult(answer?.problems || [], answer?.warnings || []);
    } catch (e) {
      if (mine !== asked) return;
      if (e.problems?.length) onResult(e.problems, []);
      else onError(e);
    }
  };
  return {
    /** Checks again after the next pause in typing. */
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(run, delay);
    },
    now() {
      clearTimeout(timer);
      return run();
    },
    stop() {
      clearTimeout(timer);
      asked += 1;
    },
  };
}
