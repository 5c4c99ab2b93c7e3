// Words for strata and the stratifiers a survey has, shared by the results panels.

/** {gender: "female", disability: "yes"} -> "gender: female · disability: yes"; {} -> "Everyone". */
export function stratumText(stratum) {
  const entries = Object.entries(stratum || {});
  return entries.length ? entries.map(([k, v]) => `${k}: ${v}`).join(' · ') : 'Everyone';
}

/** The profile keys a survey's results can be broken down by. */
export function profileKeys(definition) {
  return (definition?.questions || []).map((q) => q.stratifier?.profileKey).filter(Boolean);
}
