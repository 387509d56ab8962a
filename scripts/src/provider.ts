// Turns a provider entry plus its spec into the facts the generator needs (server, credentials, env vars, operations).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { resolveRef } from "./json-ref.js";

/** One line of providers.ts. Everything not given follows the conventions documented in README.md. */
export interface ProviderEntry {
  /** Lower-case id: the package is `@agentruns/<id>-openapi`, env vars are `<ID>_…`. */
  id: string;
  /** Display name used in docs and error messages. */
  title: string;
  /** Spec path relative to the repository root (JSON or YAML, OpenAPI 3.0 or 3.1). */
  spec: string;
  /** Env vars that override the base URL, first set wins. Default `[<ID>_BASE_URL]`. */
  baseUrlEnv?: string[];
  /** Where `pnpm spec:update` fetches the provider's published spec (absent: the provider publishes none). */
  source?: string;
}

/** How one security scheme of the spec is filled from client options or the environment. */
export interface Credential {
  /** The security scheme's name in the spec. */
  scheme: string;
  /** `bearer` sends `Authorization: Bearer <value>`; `header` sends the value in `header`. */
  kind: "bearer" | "header";
  header: string;
  /** createClient() option that carries the value. */
  option: string;
  /** Env var read when the option is not given. */
  env: string;
  description: string;
}

export interface Operation {
  method: string;
  path: string;
  operationId?: string;
  summary?: string;
}

export interface ProviderDescriptor {
  id: string;
  title: string;
  packageName: string;
  /** Spec path relative to the repository root, as written in generated headers. */
  specPath: string;
  specVersion: string;
  apiTitle: string;
  apiVersion: string;
  serverUrl: string;
  baseUrlEnv: string[];
  credentials: Credential[];
  /** Query parameters sent as `<name>.<key>=<value>` (the `x-agentruns-query-style: dotted` extension). */
  dottedQueryParams: string[];
  operations: Operation[];
}

type Json = Record<string, any>;

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

export function parseSpecText(text: string, file: string): Json {
  const doc = file.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
  if (!doc || typeof doc !== "object" || typeof doc.openapi !== "string") {
    throw new Error(`${file}: not an OpenAPI 3 document (no "openapi" field)`);
  }
  return doc as Json;
}

export async function loadSpec(root: string, entry: ProviderEntry): Promise<{ text: string; doc: Json }> {
  const file = path.resolve(root, entry.spec);
  const text = await readFile(file, "utf8");
  return { text, doc: parseSpecText(text, entry.spec) };
}

const camel = (name: string): string =>
  name
    .replace(/[^A-Za-z0-9]+(.)/g, (_, c: string) => c.toUpperCase())
    .replace(/^[A-Z]/, (c) => c.toLowerCase());

const screaming = (name: string): string =>
  name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .toUpperCase();

function credentialsOf(entry: ProviderEntry, doc: Json): Credential[] {
  const schemes: Json = doc.components?.securitySchemes ?? {};
  const requirements: Json[] = doc.security ?? [];
  if (requirements.length > 1) {
    throw new Error(`${entry.spec}: alternative security requirements are not supported yet`);
  }
  const prefix = entry.id.toUpperCase().replace(/[^A-Z0-9]+/g, "_");
  return Object.keys(requirements[0] ?? {}).map((scheme): Credential => {
    const s = schemes[scheme];
    if (!s) throw new Error(`${entry.spec}: security requirement names unknown scheme "${scheme}"`);
    const description = String(s.description ?? "");
    if (s.type === "http" && String(s.scheme).toLowerCase() === "bearer") {
      return {
        scheme,
        kind: "bearer",
        header: "Authorization",
        option: "apiKey",
        env: `${prefix}_API_KEY`,
        description,
      };
    }
    if (s.type === "apiKey" && s.in === "header") {
      return {
        scheme,
        kind: "header",
        header: s.name,
        option: camel(scheme),
        env: `${prefix}_${screaming(scheme)}`,
        description,
      };
    }
    throw new Error(
      `${entry.spec}: security scheme "${scheme}" (${s.type}/${s.in ?? s.scheme}) is not supported yet`,
    );
  });
}

function operationsOf(doc: Json): { operations: Operation[]; dotted: string[] } {
  const operations: Operation[] = [];
  const dotted = new Set<string>();
  for (const [p, item] of Object.entries<Json>(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      operations.push({
        method: method.toUpperCase(),
        path: p,
        operationId: op.operationId,
        summary: op.summary,
      });
      for (const raw of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
        const param = resolveRef(doc, raw);
        if (param.in === "query" && param["x-agentruns-query-style"] === "dotted") dotted.add(param.name);
      }
    }
  }
  return { operations, dotted: [...dotted].sort() };
}

export function describeProvider(entry: ProviderEntry, doc: Json): ProviderDescriptor {
  if (!/^[a-z][a-z0-9-]*$/.test(entry.id))
    throw new Error(`provider id "${entry.id}" must match ^[a-z][a-z0-9-]*$`);
  const serverUrl = doc.servers?.[0]?.url;
  if (typeof serverUrl !== "string")
    throw new Error(`${entry.spec}: no servers[0].url to use as the default base URL`);
  const { operations, dotted } = operationsOf(doc);
  return {
    id: entry.id,
    title: entry.title,
    packageName: `@agentruns/${entry.id}-openapi`,
    specPath: entry.spec,
    specVersion: doc.openapi,
    apiTitle: String(doc.info?.title ?? entry.title),
    apiVersion: String(doc.info?.version ?? ""),
    serverUrl,
    baseUrlEnv: entry.baseUrlEnv ?? [`${entry.id.toUpperCase().replace(/[^A-Z0-9]+/g, "_")}_BASE_URL`],
    credentials: credentialsOf(entry, doc),
    dottedQueryParams: dotted,
    operations,
  };
}
