// src/generated/provider.ts: the provider's server, credentials and query conventions as data, with the
// Credentials and ServerVariables option types.
import type { ProviderDescriptor } from "../../provider.js";
import type { Emitter } from "../emitter.js";
import { commentSafe, header } from "../header.js";

export const providerFacts: Emitter = ({ provider: d }) => [
  { path: "src/generated/provider.ts", text: renderProvider(d) },
];

/** The server facts of the provider constant (core's ServerFacts): what the base-URL wire rule reads. */
export const serverFacts = (d: ProviderDescriptor) => ({
  serverUrl: d.serverUrl ?? null,
  ...(d.serverPath ? { serverPath: d.serverPath } : {}),
  ...(d.server
    ? {
        serverTemplate: d.server.template,
        serverDefaults: Object.fromEntries(d.server.variables.map((v) => [v.name, v.default])),
      }
    : {}),
  baseUrlEnv: d.baseUrlEnv,
});

function renderProvider(d: ProviderDescriptor): string {
  const facts = {
    id: d.id,
    title: d.title,
    ...serverFacts(d),
    ...(d.rateLimit ? { rateLimit: d.rateLimit } : {}),
    credentials: d.credentials.map(({ scheme, kind, option, env, header, name }) => ({
      scheme,
      kind,
      option,
      env,
      ...(header ? { header } : {}),
      ...(name ? { name } : {}),
    })),
    requiredOptions: d.requiredOptions,
    authMode: d.authMode,
    dottedQueryParams: d.dottedQueryParams,
  };
  const fields = d.credentials
    .map(
      (c) =>
        `  /** ${commentSafe(c.description || c.scheme).replace(/\.?$/, ".")} Default: \`${c.env}\`. */\n` +
        `  ${c.option}?: ${c.kind === "bearer" ? "string | (() => string | Promise<string>)" : "string"};`,
    )
    .join("\n");
  const variables = (d.server?.variables ?? [])
    .map((v) => {
      const type = v.enum?.length ? v.enum.map((e) => JSON.stringify(e)).join(" | ") : "string";
      const doc = `${v.description ? `${commentSafe(v.description).replace(/\.?$/, ".")} ` : ""}Default: \`${v.default}\`.`;
      return `  /** ${doc} */\n  ${JSON.stringify(v.name)}?: ${type};`;
    })
    .join("\n");
  return (
    header(d) +
    `// Why: the provider's server, credentials and query conventions, read from the spec once at generation time.\n\n` +
    `/** ${d.apiTitle} ${d.apiVersion}: defaults and credentials of the generated client. */\n` +
    `export const provider = ${JSON.stringify(facts, null, 2)} as const;\n\n` +
    `/** Credentials createClient() accepts; each falls back to its env var. */\n` +
    `export interface Credentials {\n${fields}\n}\n\n` +
    `/** Variables of the spec's server URL${d.server ? ` (\`${d.server.template}\`)` : " (it has none)"}; each falls back to its default. */\n` +
    `export interface ServerVariables {\n${variables}\n}\n`
  );
}
