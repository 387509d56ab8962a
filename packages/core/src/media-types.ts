// What kind of body a media type names, one rule for the client's run time, the generator and (mirrored in
// types.ts) the types: by its essence, the part before any parameters, in lower case
// (`application/json; charset=utf-8` is JSON, as is `application/problem+json`).

/** A media type without its parameters, in lower case: `Application/JSON; charset=utf-8` → `application/json`. */
export const essence = (type: string): string => type.split(";")[0]!.trim().toLowerCase();

/** JSON: `application/json` or a vendor `application/…+json` type, with any parameters. */
export const isJsonMedia = (type: string): boolean => /^application\/([^\s/]+\+)?json$/.test(essence(type));

/** Newline-delimited JSON: ndjson and JSON Lines under their registered and common names. */
export const isJsonLines = (type: string): boolean =>
  /^application\/(x-)?(nd-?json|jsonl|json-?lines)$/.test(essence(type));

/** Server-sent events. */
export const isEventStream = (type: string): boolean => essence(type) === "text/event-stream";
