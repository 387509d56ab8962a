// What kind of body a media type names, one rule for the client's run time, the generator and (mirrored in
// types.ts) the types: by its essence, the part before any parameters, in lower case
// (`application/json; charset=utf-8` is JSON, as is `application/problem+json`).

/** A media type without its parameters, in lower case: `Application/JSON; charset=utf-8` → `application/json`. */
export const essence = (type: string): string => type.split(";")[0]!.trim().toLowerCase();

// The tests below match the start of the type (its essence, then a word boundary) rather than calling `essence`: they
// are in every browser bundle, where bytes count.

/** JSON: `application/json` or a vendor `application/…+json` type, with any parameters. */
export const isJsonMedia = (type: string): boolean => /^application\/(.+\+)?json\b(?!-)/i.test(type);

/** Newline-delimited JSON: ndjson and JSON Lines under their registered and common names. */
export const isJsonLines = (type: string): boolean =>
  /^application\/(x-)?(nd-?json|jsonl|json-?lines)\b/i.test(type);

/** Server-sent events. */
export const isEventStream = (type: string): boolean => /^text\/event-stream\b/i.test(type);
