// Turns a provider entry plus its spec into the facts the generator needs (server, credentials, env vars, operations).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { load as loadLenientYaml, YAMLException } from "js-yaml";
import { parse as parseYaml } from "yaml";
import { resolveRef } from "./json-ref.js";
import { camel } from "./identifier.js";
import { declareKey, type KeyParameter } from "./declared-key.js";
import { applyOverlay } from "./overlay.js";
import { parametersOf } from "./parameters.js";
import type { Pagination } from "./paging.js";
import { isSwagger2, toOpenApi3 } from "./swagger2.js";
import { InputError } from "./input-error.js";
import { HTTP_METHODS as METHODS } from "./http-methods.js";

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
  /** An OpenAPI Overlay 1.0 document with the provider's fixes. Default: `specs/<id>.overlay.yaml` when it exists. */
  overlay?: string;
  /**
   * Publish the spec in the package (`<pkg>/openapi.json`, loaded by `<pkg>/spec`) for tools that need it at run time,
   * like the simulators. Default false: clients never read it, and for a large provider it is megabytes.
   */
  shipSpec?: boolean;
  /**
   * The ergonomic client (`@agentruns/<id>`): method names that differ from the naming rule, as
   * `operationId: "resource.sub.method"` (README, "Generated clients").
   */
  methods?: Record<string, string>;
  /** Pagination of list operations by operationId; inferred where unambiguous, `"none"` turns it off. */
  pagination?: Record<string, Pagination | "none">;
  /** A field of the success body a method resolves to instead of the whole body (`createRun: "run"`). */
  unwrap?: Record<string, string>;
  /** Non-GET operations safe to repeat (retried like GETs). PUT and DELETE are, always. */
  idempotent?: string[];
  /**
   * The provider's published per-key limit (`{ limit: 300, windowMs: 60_000 }`): the clients wait rather than exceed
   * it when calling the provider's own server.
   */
  rateLimit?: { limit: number; windowMs: number };
  /**
   * Also generate one entry point per operation (`@agentruns/<id>/fn/<function>`, over the typed package's
   * `ops/<operation>` and `types/<Component>` modules), so that code calling a few operations of a very large API
   * type-checks only their types. Default: on for documents of 6 million characters or more (model.ts).
   */
  perOperation?: boolean;
  /**
   * A credential the spec sends as a plain header, query or cookie parameter, in no security scheme (ElevenLabs'
   * `{ in: "header", name: "xi-api-key" }`): it becomes the `apiKey` option and `<ID>_API_KEY` env var, redacted
   * like any credential, instead of a parameter of every method (declared-key.ts).
   */
  keyParameter?: KeyParameter;
}

/**
 * One credential input of a security scheme, filled from a client option or an env var. A scheme has one input,
 * except HTTP basic, which has two (username and password).
 */
export interface Credential {
  /** The security scheme's name in the spec. */
  scheme: string;
  /**
   * `bearer`: `Authorization: Bearer <value>` (http bearer, oauth2, openIdConnect; the value may be an async token
   * provider); `header` / `query` / `cookie`: an apiKey sent under `name`; `basic-username` / `basic-password`: the
   * two halves of `Authorization: Basic …`.
   */
  kind: "bearer" | "header" | "query" | "cookie" | "basic-username" | "basic-password";
  /** The header that carries it (`Authorization`, the apiKey header, `Cookie`); absent for query keys. */
  header?: string;
  /** The apiKey's parameter name (header, query or cookie). */
  name?: string;
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
  /** Alternative security requirements (each a list of scheme names); `[]` means no credentials. */
  security: string[][];
}

export interface ProviderDescriptor {
  id: string;
  title: string;
  packageName: string;
  /** Spec path relative to the repository root, as written in generated headers. */
  specPath: string;
  /** Whether the package publishes the spec (see ProviderEntry.shipSpec). */
  shipSpec: boolean;
  specVersion: string;
  apiTitle: string;
  apiVersion: string;
  /** The default base URL: the first server with its variables' defaults; undefined when the spec has none. */
  serverUrl: string | undefined;
  /**
   * The path of a relative first server (`/v1.41`: Swagger 2.0's `basePath` without a `host`, or OpenAPI's `url: /v1`),
   * which the clients join onto the base URL given.
   */
  serverPath?: string;
  /** The first server's URL template and variables, when it has variables. */
  server?: { template: string; variables: ServerVariable[] };
  baseUrlEnv: string[];
  rateLimit?: { limit: number; windowMs: number };
  credentials: Credential[];
  /**
   * Options every operation needs (the one requirement shared by all operations), checked when the client is
   * created; every other credential is checked per call, against the operation's own requirements.
   */
  requiredOptions: string[];
  /** `none`: no operation needs credentials; `static`: one requirement for all; `per-operation`: they differ. */
  authMode: "none" | "static" | "per-operation";
  /** Query parameters sent as `<name>.<key>=<value>` (the `x-agentruns-query-style: dotted` extension). */
  dottedQueryParams: string[];
  operations: Operation[];
}

export interface ServerVariable {
  name: string;
  default: string;
  enum?: string[];
  description?: string;
}

type Json = Record<string, any>;

/** Expanded size past which a YAML document's aliases are taken as an expansion attack, not a spec. */
const MAX_EXPANDED_NODES = 20_000_000;

/** The number of nodes `value` has once every alias is expanded (shared objects counted each time they appear). */
function expandedSize(value: unknown, memo = new Map<object, number>()): number {
  if (value === null || typeof value !== "object") return 1;
  const known = memo.get(value);
  if (known !== undefined) return known;
  memo.set(value, 1); // a cycle counts once
  let size = 1;
  for (const child of Object.values(value)) {
    size += expandedSize(child, memo);
    if (size > MAX_EXPANDED_NODES) break;
  }
  memo.set(value, size);
  return size;
}

/**
 * A YAML document as common parsers read it: `yaml` first (strict, YAML 1.2), then js-yaml, which also reads what
 * published specs get wrong and most tools accept (Docker's multi-line quoted strings indented less than their key).
 * Aliases are expanded without a count cap (real specs reuse one anchor hundreds of times); the guard is the expanded
 * size, checked after. What neither reads is one error naming js-yaml's line and column.
 */
function readYaml(text: string, file: string): unknown {
  try {
    return parseYaml(text, { maxAliasCount: -1 });
  } catch {
    try {
      return loadLenientYaml(text, { filename: file });
    } catch (e) {
      const mark = e instanceof YAMLException ? e.mark : undefined;
      const where = mark ? ` at line ${mark.line + 1}, column ${mark.column + 1}` : "";
      const reason = e instanceof YAMLException ? e.reason : (e as Error).message;
      throw new InputError(
        `${file}: not valid YAML${where} (${reason}); no YAML parser reads it, and an overlay applies only to a ` +
          "document that parses: fix that place in the vendored file",
      );
    }
  }
}

export function parseSpecText(text: string, file: string): Json {
  let doc: unknown;
  if (file.endsWith(".json")) {
    try {
      doc = JSON.parse(text);
    } catch (e) {
      throw new InputError(`${file}: not valid JSON (${(e as Error).message})`);
    }
  } else {
    doc = readYaml(text, file);
    if (expandedSize(doc) > MAX_EXPANDED_NODES) {
      throw new InputError(
        `${file}: its YAML aliases expand to more than ${MAX_EXPANDED_NODES.toLocaleString("en")} nodes ` +
          "(nested aliases that multiply); expand them in the source or fix the document",
      );
    }
  }
  const d = doc as Json | null;
  if (!d || typeof d !== "object" || (typeof d.openapi !== "string" && !isSwagger2(d))) {
    throw new InputError(
      `${file}#/openapi: not an OpenAPI 3 or Swagger 2.0 document (no "openapi" field` +
        (d && typeof d === "object" && "swagger" in d
          ? `; "swagger" is ${JSON.stringify(d.swagger)}, not "2.0")`
          : ")"),
    );
  }
  return d;
}

/** The document in `text` as OpenAPI 3: parsed, and converted when it is Swagger 2.0 (see swagger2.ts). */
export async function parseSpec(text: string, file: string): Promise<Json> {
  return toOpenApi3(parseSpecText(text, file), file, text);
}

/** Where a provider's overlay lives: `overlay` in its entry, else `specs/<id>.overlay.yaml`. */
export const overlayPath = (entry: ProviderEntry): string =>
  entry.overlay ?? `specs/${entry.id}.overlay.yaml`;

/** The spec as vendored (`text`) and as the generator sees it (`doc`: with the provider's overlay applied, if any). */
export async function loadSpec(root: string, entry: ProviderEntry): Promise<{ text: string; doc: Json }> {
  const file = path.resolve(root, entry.spec);
  const text = await readFile(file, "utf8");
  const doc = await parseSpec(text, entry.spec);
  const overlay = await readFile(path.resolve(root, overlayPath(entry)), "utf8").catch(
    (e: NodeJS.ErrnoException) => {
      if (e.code === "ENOENT" && !entry.overlay) return undefined;
      throw new InputError(`${overlayPath(entry)}: cannot read the overlay (${e.message})`);
    },
  );
  const fixed = overlay === undefined ? doc : await applyOverlay(doc, overlay, overlayPath(entry));
  return { text, doc: entry.keyParameter ? declareKey(fixed, entry.keyParameter, entry) : fixed };
}

const screaming = (name: string): string =>
  name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .toUpperCase();

/** Scheme names of a security requirement list, as alternatives; `[{}]` (anonymous allowed) stays an empty list. */
const alternatives = (requirements: unknown): string[][] =>
  Array.isArray(requirements) ? requirements.map((r) => Object.keys((r as Json) ?? {})) : [];

function credentialsOf(entry: ProviderEntry, doc: Json, used: readonly string[]): Credential[] {
  const schemes: Json = doc.components?.securitySchemes ?? {};
  const prefix = entry.id.toUpperCase().replace(/[^A-Z0-9]+/g, "_");
  const globalBearer = alternatives(doc.security).flat();
  let bearerTaken = false;
  const out: Credential[] = [];
  // `apiKey` goes to the main bearer scheme unless an apiKey scheme is itself named so (Qdrant's `api-key`).
  const apiKeyFree = !used.some((scheme) => {
    const s = resolveRef(doc, schemes[scheme] ?? {});
    return camel(scheme) === "apiKey" && !(s?.type === "http" && String(s.scheme).toLowerCase() === "bearer");
  });
  // The bearer scheme of the global requirement (else the first one) is `apiKey` / `<ID>_API_KEY` (when no other
  // scheme is called that); every other scheme's option and env var come from its own name.
  const ordered = [...used].sort(
    (a, b) => Number(globalBearer.includes(b)) - Number(globalBearer.includes(a)),
  );
  for (const scheme of ordered) {
    const raw = schemes[scheme];
    const s: Json | undefined = raw?.$ref ? resolveRef(doc, raw) : raw;
    if (!s) {
      throw new InputError(
        `${entry.spec}#/components/securitySchemes/${scheme}: a security requirement names this scheme, which does not exist; ` +
          "define it, or remove it from the requirement with an overlay",
      );
    }
    const description = String(s.description ?? "");
    const type = String(s.type);
    const httpScheme = String(s.scheme ?? "").toLowerCase();
    const own = { option: camel(scheme), env: `${prefix}_${screaming(scheme)}` };
    if ((type === "http" && httpScheme === "bearer") || type === "oauth2" || type === "openIdConnect") {
      const main = !bearerTaken && apiKeyFree;
      bearerTaken = true;
      out.push({
        scheme,
        kind: "bearer",
        header: "Authorization",
        ...(main ? { option: "apiKey", env: `${prefix}_API_KEY` } : own),
        description,
      });
    } else if (type === "http" && httpScheme === "basic") {
      for (const half of ["username", "password"] as const) {
        out.push({
          scheme,
          kind: `basic-${half}`,
          header: "Authorization",
          option: `${own.option}${half[0]!.toUpperCase()}${half.slice(1)}`,
          env: `${own.env}_${half.toUpperCase()}`,
          description: `${description ? `${description.replace(/\.?$/, ".")} ` : ""}The ${half} of HTTP basic auth.`,
        });
      }
    } else if (type === "apiKey" && (s.in === "header" || s.in === "query" || s.in === "cookie")) {
      out.push({
        scheme,
        kind: s.in,
        ...(s.in === "header" ? { header: String(s.name) } : s.in === "cookie" ? { header: "Cookie" } : {}),
        name: String(s.name),
        ...own,
        description,
      });
    } else {
      throw new InputError(
        `${entry.spec}#/components/securitySchemes/${scheme}: ${type}${httpScheme ? `/${httpScheme}` : ""} is not a scheme ` +
          "a client can fill (supported: http bearer and basic, apiKey in header/query/cookie, oauth2, openIdConnect); " +
          "replace it with an overlay",
      );
    }
  }
  const clash = out.find((c, i) => out.findIndex((d) => d.option === c.option) !== i);
  if (clash) throw new InputError(`${entry.spec}: two security schemes map to the option "${clash.option}"`);
  return out;
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
        security: alternatives(op.security ?? doc.security),
      });
      for (const param of parametersOf(doc, p, method)) {
        if (param.in === "query" && param["x-agentruns-query-style"] === "dotted") dotted.add(param.name);
      }
    }
  }
  return { operations, dotted: [...dotted].sort() };
}

/**
 * The default base URL from `servers[0]`, its variables filled with their defaults. A protocol-relative server
 * (`//api.example.com`: Swagger 2.0's `host` without `schemes`) is https. A relative one (`/v1.41`) has meaning only
 * beside where the document is served: no default, so `baseUrl` is required, and its path is kept (`serverPath`) to
 * be joined onto the base URL given, as OpenAPI resolves a relative server against the document's location.
 */
function serverOf(doc: Json): Pick<ProviderDescriptor, "serverUrl" | "server" | "serverPath"> {
  const first = doc.servers?.[0];
  if (!first || typeof first.url !== "string") return { serverUrl: undefined };
  const variables: ServerVariable[] = Object.entries<Json>(first.variables ?? {}).map(([name, v]) => ({
    name,
    default: String(v?.default ?? ""),
    ...(Array.isArray(v?.enum) ? { enum: v.enum.map(String) } : {}),
    ...(v?.description ? { description: String(v.description) } : {}),
  }));
  const template = first.url.trim().replace(/^\/\//, "https://").replace(/\/+$/, "");
  const filled = template.replace(/\{([^}]+)\}/g, (whole: string, name: string) => {
    const v = variables.find((x) => x.name === name);
    return v ? v.default : whole;
  });
  if (!/^[a-z][a-z0-9+.-]*:/i.test(filled)) {
    const path = `/${filled.replace(/^\.?\/+/, "")}`.replace(/\/+$/, "");
    return { serverUrl: undefined, ...(path && !/[{}]/.test(path) ? { serverPath: path } : {}) };
  }
  const absolute = /^https?:\/\/[^{}]+$/.test(filled) ? filled : undefined;
  return {
    serverUrl: absolute,
    ...(variables.length ? { server: { template, variables } } : {}),
  };
}

export function describeProvider(entry: ProviderEntry, doc: Json): ProviderDescriptor {
  if (!/^[a-z][a-z0-9-]*$/.test(entry.id))
    throw new InputError(`provider id "${entry.id}" must match ^[a-z][a-z0-9-]*$`);
  const { serverUrl, server, serverPath } = serverOf(doc);
  const { operations, dotted } = operationsOf(doc);
  const used = [...new Set(operations.flatMap((o) => o.security.flat()))];
  const credentials = credentialsOf(entry, doc, used);
  // A requirement every operation shares (one alternative, the same everywhere) is checked at construction.
  const first = JSON.stringify(operations[0]?.security ?? []);
  const uniform =
    operations.length > 0 &&
    operations.every((o) => JSON.stringify(o.security) === first) &&
    operations[0]!.security.length === 1;
  const requiredOptions = uniform
    ? credentials.filter((c) => operations[0]!.security[0]!.includes(c.scheme)).map((c) => c.option)
    : [];
  return {
    id: entry.id,
    title: entry.title,
    packageName: `@agentruns/${entry.id}-openapi`,
    specPath: entry.spec,
    shipSpec: entry.shipSpec ?? false,
    specVersion: doc.openapi,
    apiTitle: String(doc.info?.title ?? entry.title),
    apiVersion: String(doc.info?.version ?? ""),
    serverUrl,
    ...(serverPath ? { serverPath } : {}),
    ...(server ? { server } : {}),
    baseUrlEnv: entry.baseUrlEnv ?? [`${entry.id.toUpperCase().replace(/[^A-Z0-9]+/g, "_")}_BASE_URL`],
    ...(entry.rateLimit ? { rateLimit: entry.rateLimit } : {}),
    credentials,
    requiredOptions,
    authMode: operations.every((o) => o.security.length === 0)
      ? "none"
      : requiredOptions.length
        ? "static"
        : "per-operation",
    dottedQueryParams: dotted,
    operations,
  };
}
