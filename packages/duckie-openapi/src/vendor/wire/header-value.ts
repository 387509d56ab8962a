// Vendored by scripts/generate.ts from packages/core/src/wire/header-value.ts, the one implementation of the wire rules.
// Do not edit by hand: change packages/core/src/wire/ and run `pnpm generate`.
// What an HTTP header value can carry: fetch refuses control characters (a header injection) and anything beyond
// Latin-1 (`Cannot convert argument to a ByteString`), so both are caught where the value is given, by name.

/** Characters no header value (and so no credential) can carry. */
export const CONTROL = /[\u0000-\u001f\u007f]/;

const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;
const BEYOND_ASCII = /[^\u0000-\u007f]/;

/**
 * Why `value` cannot be sent, or undefined when it can. A credential must be ASCII (`ascii`): a Latin-1 byte would
 * be sent but almost never matches what the provider issued, and a pasted "…" or curly quote is the usual cause.
 */
export function unsendable(value: string, ascii = false): string | undefined {
  if (CONTROL.test(value)) return "contains a control character (CR, LF, …)";
  if ((ascii ? BEYOND_ASCII : BEYOND_LATIN1).test(value)) {
    return `contains a non-${ascii ? "ASCII" : "Latin-1"} character, which HTTP headers cannot carry`;
  }
  return undefined;
}
