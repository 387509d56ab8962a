// Times on the command line: instants as ISO 8601 or relative to now (`7d`), and durations (`500ms`, `5s`, `2m`).
import { UsageError } from "./exit-codes.js";

const UNITS: Record<string, number> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};
const AMOUNT = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$/;

/** `500ms`, `5s`, `2m`, `1h`, `7d`, `2w` in milliseconds; a bare number is seconds. */
export function parseDuration(text: string, flag: string): number {
  const value = text.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1_000;
  const m = AMOUNT.exec(value);
  if (!m) throw new UsageError(`${flag} must be a duration such as 500ms, 5s, 2m, 1h or 7d, got "${text}"`);
  return Number(m[1]) * UNITS[m[2]!]!;
}

/** An instant as an ISO 8601 string: an ISO date or date-time as given, or `7d` / `12h` / `30m` ago from `now`. */
export function parseInstant(text: string, flag: string, now = Date.now()): string {
  const value = text.trim();
  const relative = AMOUNT.exec(value);
  if (relative) return new Date(now - Number(relative[1]) * UNITS[relative[2]!]!).toISOString();
  if (/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) {
    const ms = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
    if (!Number.isNaN(ms)) return new Date(ms).toISOString();
  }
  throw new UsageError(
    `${flag} must be an ISO 8601 date or date-time (2026-11-01, 2026-11-01T12:00:00Z) or a time ago (30m, 12h, 7d, 2w), got "${text}"`,
  );
}
