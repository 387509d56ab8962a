// What an operationId says, as words: the naming rule reads an id's verb, its nouns and what is left once the
// resource is named, whichever way the id is written (`ContainerList`, `listRuns`, `list-audit-logs`, FastAPI's
// `delete_history_item_v1_history__history_item_id__delete`).

/**
 * The id's words, lower case: split at `_`, `-`, `.`, spaces and case changes (`getHTTPStatus` → get, http, status),
 * with what FastAPI appends to a function's name (its path with `_` for every other character, then its method)
 * left out: `delete_history_item_v1_history__history_item_id__delete` on `DELETE /v1/history/{history_item_id}` is
 * delete, history, item.
 */
export function idWords(operationId: string, method: string, path: string): string[] {
  const fastApi = `${path.replace(/[^A-Za-z0-9]/g, "_")}_${method.toLowerCase()}`;
  const id =
    operationId.length > fastApi.length && operationId.toLowerCase().endsWith(fastApi.toLowerCase())
      ? operationId.slice(0, -fastApi.length)
      : operationId;
  return words(id);
}

/** Any name's words, lower case: `Fine-tuning` → fine, tuning; `getHTTPStatus` → get, http, status. */
export const words = (name: string): string[] =>
  name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());

/** Words as a lower camel case name: `create`, `and`, `wait` → `createAndWait`. */
export const camelWords = (words: readonly string[]): string =>
  words.map((w, i) => (i ? w.charAt(0).toUpperCase() + w.slice(1) : w)).join("");

/** Whether two words name one thing, singular or plural (`run`/`runs`, `policy`/`policies`, `box`/`boxes`). */
export function sameNoun(a: string, b: string): boolean {
  const one = (w: string) =>
    w
      .replace(/ies$/, "y")
      .replace(/(s|x|z|ch|sh)es$/, "$1")
      .replace(/([^s])s$/, "$1");
  return a === b || one(a) === one(b);
}
