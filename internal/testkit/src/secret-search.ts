// Searches what a server emitted for credentials, in every form one can take there: as written, URL-encoded,
// JSON-escaped, as a property name, inside a base64 payload, or cut short (its first ten characters).

/** The forms a secret is searched for. */
export const secretForms = (secret: string): string[] => [
  secret,
  encodeURIComponent(secret),
  JSON.stringify(secret).slice(1, -1),
  secret.slice(0, 10),
];

/** Every string of a value: values, property names, and the decoded bytes of base64 `data`/`blob` payloads. */
export function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) value.forEach((x) => stringsOf(x, out));
  else if (value && typeof value === "object") {
    for (const [k, x] of Object.entries(value)) {
      out.push(k);
      if ((k === "blob" || k === "data") && typeof x === "string" && /^[A-Za-z0-9+/=]{8,}$/.test(x))
        out.push(Buffer.from(x, "base64").toString("latin1"));
      stringsOf(x, out);
    }
  }
  return out;
}

/** Each form of each secret found in `values` (strings are searched as they are, anything else through stringsOf). */
export function leaksOf(secrets: readonly string[], values: readonly unknown[]): string[] {
  const found: string[] = [];
  for (const text of values.flatMap((v) => (typeof v === "string" ? [v] : stringsOf(v))))
    for (const secret of secrets)
      for (const form of secretForms(secret))
        if (text.includes(form))
          found.push(`${JSON.stringify(form)} in ${JSON.stringify(text.slice(0, 120))}`);
  return found;
}
