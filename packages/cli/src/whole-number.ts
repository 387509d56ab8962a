// Counts on the command line (--limit, --page-size, --runs, --seed): whole numbers, bounded where a bound exists.
import { UsageError } from "./exit-codes.js";

/** `text` as a whole number from 0 (to `max` when given); otherwise a usage error naming the flag. */
export function wholeNumber(text: string, flag: string, max?: number): number {
  if (!/^\d+$/.test(text) || (max !== undefined && Number(text) > max))
    throw new UsageError(
      `${flag} must be a whole number${max === undefined ? "" : ` from 0 to ${max}`}, got "${text}"`,
    );
  return Number(text);
}
