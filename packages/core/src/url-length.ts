// A URL that servers refuse for its length is refused before it is sent, naming the parameter that made it long:
// measured on this machine (2026-12), nginx 1.22's defaults answer 414 past 8,177 bytes of request target, Apache's
// LimitRequestLine is 8,190 bytes, and Node 20 answers 431 past 16 KB of request line and headers together.
import { ValidationError } from "./errors.js";
import type { CallInput } from "./validate.js";

/** The longest URL (base URL, path and query) a call sends unless the client's `maxUrlLength` says otherwise. */
export const MAX_URL_LENGTH = 8_192;

/** The path or query parameter whose encoded value is the longest, and its length. */
function largest(input: CallInput): [string, number] {
  let best: [string, number] = ["path", 0];
  for (const where of ["path", "query"] as const)
    for (const [name, value] of Object.entries(input[where] ?? {})) {
      const size = encodeURIComponent(
        typeof value === "object" ? JSON.stringify(value) : String(value),
      ).length;
      if (size > best[1]) best = [`${where}.${name}`, size];
    }
  return best;
}

/** Throws a ValidationError naming the largest parameter when the URL is longer than `max`. */
export function checkUrlLength(length: number, max: number, input: CallInput, where: string) {
  if (length <= max) return;
  const [field, size] = largest(input);
  throw new ValidationError(
    `${where}: the URL would be ${length} bytes, over maxUrlLength (${max}; nginx and Apache refuse past 8 KB); ` +
      `${field} is ${size} of them: send less, or raise maxUrlLength`,
    field,
  );
}
