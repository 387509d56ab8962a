// One rule for turning a spec's names (components, operationIds) into TypeScript identifiers, so every generated
// export is named the same way.

/** `name` as an identifier: each run of invalid characters dropped and the next letter capitalized
 * (`Retry-After` → `RetryAfter`, `list-runs` → `listRuns`), and `_` before a leading digit. */
export const identifier = (name: string): string =>
  name.replace(/[^A-Za-z0-9_$]+(.?)/g, (_, next: string) => next.toUpperCase()).replace(/^(\d)/, "_$1");

/** `human-requests` → `humanRequests`, `fine_tuning` and `Fine-tuning` → `fineTuning`: an identifier starting lower-case. */
export const camel = (name: string): string => {
  const id = identifier(name.trim().replace(/[_\s.-]+([A-Za-z0-9])/g, (_, c: string) => c.toUpperCase()));
  return id.replace(/^[A-Z]+(?=[A-Z][a-z]|$)|^[A-Z]/, (m) => m.toLowerCase());
};
