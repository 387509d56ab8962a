// Date parameters: callers may pass a Date where the spec wants an ISO 8601 date-time string.
import { ValidationError } from "./errors.js";

/** `value` as the ISO 8601 string the wire wants (strings pass through); an invalid Date is a ValidationError. */
export function isoDate(field: string, value: string | Date | undefined): string | undefined {
  if (!(value instanceof Date)) return value;
  if (Number.isNaN(value.getTime()))
    throw new ValidationError(`Invalid input: ${field} is an invalid Date`, `query.${field}`);
  return value.toISOString();
}
