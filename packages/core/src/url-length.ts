// A URL that servers refuse for its length is refused before it is sent, naming the parameter that made it long:
// measured on this machine (2026-12), nginx 1.22's defaults answer 414 past 8,177 bytes of request target, Apache's
// LimitRequestLine is 8,190 bytes, and Node 20 answers 431 past 16 KB of request line and headers together.
import { ValidationError } from "./errors.js";
import { target } from "./wire/params.js";
import type { CallInput } from "./validate.js";
import type { OperationSpec } from "./wire/operation.js";

/** The longest URL (base URL, path and query) a call sends unless the client's `maxUrlLength` says otherwise. */
export const MAX_URL_LENGTH = 8_192;

/** The parameter whose encoded value is the largest part of the URL, and its size. */
function largest(spec: OperationSpec, input: CallInput): [string, number] {
  let best: [string, number] = ["path", 0];
  for (const [name, value] of Object.entries(input.path ?? {})) {
    const size = encodeURIComponent(String(value)).length;
    if (size > best[1]) best = [`path.${name}`, size];
  }
  for (const [name, value] of Object.entries(input.query ?? {})) {
    const size = target(spec, undefined, { [name]: value }).search.length - 1;
    if (size > best[1]) best = [`query.${name}`, size];
  }
  return best;
}

/** Throws a ValidationError naming the largest parameter when the URL is longer than `max`. */
export function checkUrlLength(
  length: number,
  max: number,
  spec: OperationSpec,
  input: CallInput,
  where: string,
) {
  if (length <= max) return;
  const [field, size] = largest(spec, input);
  throw new ValidationError(
    `${where}: the request URL would be ${length} bytes, more than the ${max} servers accept (nginx and Apache refuse` +
      ` past 8 KB, Node past 16 KB); ${field} is ${size} of them: send less, or set maxUrlLength if this server takes more`,
    field,
  );
}
