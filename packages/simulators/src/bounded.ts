// What a long-running simulator keeps of every request stays bounded: one rule for the request log, the response
// violations and the webhook deliveries, each trimmed oldest first.

/** Appends `items` to `list` and drops the oldest beyond `max` (trimming in batches, so a full log is not shifted on
 * every request); `max` 0 keeps nothing. */
export function keepLast<T>(list: T[], max: number, ...items: T[]): void {
  if (max <= 0) return;
  list.push(...items);
  if (list.length > max + Math.max(1, max >> 4)) list.splice(0, list.length - max);
}
