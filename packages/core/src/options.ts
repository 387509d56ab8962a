// Options are checked where they are given, so a typo cannot silently turn a safety off: a NaN time-out, a base URL
// without a scheme, a header with a line break. Each problem is a ValidationError naming the option, never its value.
import { ValidationError } from "./errors.js";
import { unsendable } from "./wire/header-value.js";

/** A positive number of milliseconds (Infinity allowed where `infinite` is true), or undefined. */
export function checkMs(name: string, value: unknown, where: string, infinite = true): void {
  if (value === undefined) return;
  if (typeof value !== "number" || Number.isNaN(value) || value <= 0 || (!infinite && value === Infinity)) {
    fail(
      `${where}: ${name} must be a positive number of milliseconds${infinite ? " (or Infinity)" : ""}, got ${describe(value)}`,
      name,
    );
  }
}

/** The options a client and each call share: time-out, deadline, retries, headers. */
export function checkCallOptions(
  options: { timeoutMs?: unknown; deadlineMs?: unknown; maxRetries?: unknown; headers?: unknown },
  where: string,
): void {
  checkMs("timeoutMs", options.timeoutMs, where);
  checkMs("deadlineMs", options.deadlineMs, where);
  checkCount("maxRetries", options.maxRetries, where);
  checkHeaders("headers", options.headers, where);
}

/** A number of milliseconds from 0 up (a backoff tuning value), or undefined. */
export function checkDelay(name: string, value: unknown, where: string): void {
  if (value === undefined) return;
  if (typeof value !== "number" || Number.isNaN(value) || value < 0) {
    fail(`${where}: ${name} must be a number of milliseconds >= 0, got ${describe(value)}`, name);
  }
}

/** A whole number from 0 up, or undefined. */
export function checkCount(name: string, value: unknown, where: string): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    fail(`${where}: ${name} must be a whole number >= 0, got ${describe(value)}`, name);
  }
}

/** A header map whose names and values HTTP can carry (no CR/LF or other control characters). */
export function checkHeaders(name: string, value: unknown, where: string): void {
  if (value === undefined) return;
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    fail(`${where}: ${name} must be an object of header names to strings`, name);
  }
  for (const [key, v] of Object.entries(value as object)) {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(key))
      fail(`${where}: ${name} has an invalid header name`, name);
    if (typeof v !== "string") fail(`${where}: ${name}["${key}"] must be a string, got ${typeof v}`, name);
    const problem = unsendable(v.replace(/\t/g, ""));
    if (problem) fail(`${where}: ${name}["${key}"] ${problem}`, name);
  }
}

/** An absolute http(s) URL; a bare host name is the usual mistake. */
export function checkBaseUrl(title: string, value: unknown, source: string): string {
  if (typeof value !== "string" || value === "") {
    throw new ValidationError(
      `${title}: ${source} must be a non-empty URL string, got ${describe(value)}`,
      "baseUrl",
    );
  }
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:") || !url.host) {
    throw new ValidationError(
      `${title}: ${source} must be an absolute http(s) URL such as "https://${value.replace(/^\w+:\/\//, "")}", got ${JSON.stringify(value.slice(0, 100))}`,
      "baseUrl",
    );
  }
  if (url.username || url.password) {
    throw new ValidationError(`${title}: ${source} must not contain credentials (user:password@)`, "baseUrl");
  }
  return value;
}

function fail(message: string, field: string): never {
  throw new ValidationError(message, field);
}

function describe(value: unknown): string {
  if (typeof value === "string") return `the string ${JSON.stringify(value.slice(0, 40))}`;
  if (typeof value === "number") return String(value);
  return value === null ? "null" : typeof value;
}
