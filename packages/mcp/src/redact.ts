// The last guard before a result leaves the server: every credential value the server was given, wherever it appears
// in a result's text or structured content, becomes `[redacted]` (the clients' errors already hold none).
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { ProviderBinding } from "./catalog.js";

/** Values shorter than this are not treated as secrets (they would match ordinary words). */
const SHORTEST = 4;

/** The credential values of the providers' options, longest first. */
function secretsOf(providers: readonly ProviderBinding[]): string[] {
  const values = new Set<string>();
  for (const p of providers) {
    for (const c of p.tools.provider.credentials) {
      const v = p.options?.[c.option];
      if (typeof v === "string" && v.length >= SHORTEST) values.add(v);
    }
  }
  return [...values].sort((a, b) => b.length - a.length);
}

/** A function that returns `result` with every credential value replaced. */
export function redactor(providers: readonly ProviderBinding[]): (result: CallToolResult) => CallToolResult {
  const secrets = secretsOf(providers);
  if (!secrets.length) return (r) => r;
  const text = (s: string) => secrets.reduce((t, secret) => t.split(secret).join("[redacted]"), s);
  const deep = (v: unknown): unknown => {
    if (typeof v === "string") return text(v);
    if (Array.isArray(v)) return v.map(deep);
    if (v && typeof v === "object")
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deep(x)]));
    return v;
  };
  return (result) => deep(result) as CallToolResult;
}
