// src/generated/security.ts: each route's security requirement, for sending each operation its credentials.
import type { ProviderDescriptor } from "../../provider.js";
import type { Emitter } from "../emitter.js";
import { header } from "../header.js";

export const security: Emitter = ({ provider: d }) => [
  { path: "src/generated/security.ts", text: renderSecurity(d) },
];

/**
 * Each route's security requirement, apart from the operation table so that a client that calls one operation does
 * not bundle the others: per route only when operations differ, else one shared entry (`*`).
 */
function renderSecurity(d: ProviderDescriptor): string {
  const table: Record<string, string[][]> = {};
  if (d.authMode === "per-operation") {
    for (const op of d.operations) table[`${op.method} ${op.path}`] = op.security;
  } else if (d.authMode === "static") table["*"] = d.operations[0]!.security;
  return (
    header(d) +
    `// Why: which security requirement each route has (\`*\`: every route), for sending each operation its credentials.\n` +
    `export const routeSecurity: Readonly<Record<string, readonly (readonly string[])[]>> = ${JSON.stringify(table, null, 2)};\n`
  );
}
