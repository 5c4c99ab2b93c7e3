// Carries a definition that did not come from the server (an imported XLSForm) to the new-survey editor.

let waiting = null;

export function handOver(definition) {
  waiting = definition;
}

/** The handed-over definition, once; null when there is none. */
export function takeHandedOver() {
  const definition = waiting;
  waiting = null;
  return definition;
}
