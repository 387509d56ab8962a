// The vendored spec as a request router and validator: parameters, bodies and responses are checked with Ajv
// against the spec's own schemas, never with hand-written rules.
import { spec as avidoSpec } from "@agentruns/avido-openapi/spec";
import { spec as duckieSpec } from "@agentruns/duckie-openapi/spec";
import { spec as duvoSpec } from "@agentruns/duvo-openapi/spec";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import formatsModule from "ajv-formats";
import type { Issue } from "./errors.js";

type Json = Record<string, any>;
const addFormats = formatsModule.default;
const METHODS = ["get", "put", "post", "delete", "patch"] as const;

const SPECS: Record<string, Json> = { duvo: duvoSpec, avido: avidoSpec, duckie: duckieSpec };

/** The spec a provider's generated client was built from (`@agentruns/<provider>-openapi/spec`). */
export function loadSpec(provider: string): Json {
  const spec = SPECS[provider];
  if (!spec) throw new Error(`no spec for provider "${provider}"`);
  return spec;
}

/** OpenAPI 3.0's `nullable` as JSON Schema: `{…, nullable: true}` → `{anyOf: [{…}, {type: "null"}]}`. */
function nullableToAnyOf(node: any): any {
  if (Array.isArray(node)) return node.map(nullableToAnyOf);
  if (!node || typeof node !== "object") return node;
  const out = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, nullableToAnyOf(v)]));
  if (out.nullable !== true) return out;
  const { nullable: _, ...rest } = out;
  return { anyOf: [rest, { type: "null" }] };
}

/** Points local `$ref`s (`#/…`) at the spec registered as "spec", for schemas compiled on their own. */
function rebase(node: any): any {
  if (Array.isArray(node)) return node.map(rebase);
  if (!node || typeof node !== "object") return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [
      k,
      k === "$ref" && typeof v === "string" && v.startsWith("#") ? `spec${v}` : rebase(v),
    ]),
  );
}

const pointer = (...parts: string[]) =>
  "spec#/" + parts.map((p) => encodeURIComponent(p.replace(/~/g, "~0").replace(/\//g, "~1"))).join("/");

export interface ParamDef {
  name: string;
  in: "query" | "path" | "header";
  required: boolean;
  schema: Json;
  /** `x-agentruns-query-style: dotted`: sent as `<name>.<key>=<value>`. */
  dotted: boolean;
}

export interface Operation {
  operationId: string;
  method: string;
  path: string;
  params: ParamDef[];
  body?: { required: boolean; validate: ValidateFunction };
  validateParams: ValidateFunction;
  responses: Map<string, ValidateFunction | undefined>;
  match(pathname: string): Record<string, string> | undefined;
}

export interface ParsedRequest {
  query: Record<string, unknown>;
  path: Record<string, unknown>;
}

function issuesOf(errors: ErrorObject[] | null | undefined, root: string[]): Issue[] {
  return (errors ?? []).map((e) => {
    const path = [...root, ...e.instancePath.split("/").slice(1).map(decodeURIComponent)];
    if (e.keyword === "required") path.push(String(e.params.missingProperty));
    if (e.keyword === "additionalProperties") path.push(String(e.params.additionalProperty));
    const detail =
      e.keyword === "required"
        ? "is required"
        : e.keyword === "additionalProperties"
          ? "is not allowed (no such field)"
          : e.keyword === "enum"
            ? `${e.message}: ${(e.params.allowedValues as unknown[]).join(", ")}`
            : e.message;
    return { path, keyword: e.keyword, message: `${path.join("/")} ${detail ?? "is invalid"}` };
  });
}

/** Routes and validates requests for one spec. */
export class SpecIndex {
  readonly operations: Operation[] = [];
  readonly #byId = new Map<string, Operation>();
  readonly #ajv: Ajv;
  /** A second instance that coerces query/path strings to the schema's types (as servers do). */
  readonly #coercing: Ajv;

  constructor(readonly doc: Json) {
    const is30 = String(doc.openapi).startsWith("3.0");
    const schemaDoc = is30 ? nullableToAnyOf(doc) : doc;
    const make = (coerceTypes: boolean | "array") => {
      const options = { strict: false, allErrors: true, coerceTypes, useDefaults: false } as const;
      const ajv = is30 ? new Ajv(options) : new Ajv2020(options);
      addFormats(ajv);
      ajv.addSchema(schemaDoc, "spec");
      return ajv;
    };
    this.#ajv = make(false);
    this.#coercing = make("array");

    for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
      for (const method of METHODS) {
        const op = item[method];
        if (op) this.#add(path, method, item, op);
      }
    }
  }

  #deref(node: Json): Json {
    if (typeof node?.$ref !== "string") return node;
    return node.$ref
      .slice(2)
      .split("/")
      .reduce((n: Json, k: string) => n[k.replace(/~1/g, "/").replace(/~0/g, "~")], this.doc);
  }

  #add(path: string, method: string, item: Json, op: Json) {
    const params: ParamDef[] = [...(item.parameters ?? []), ...(op.parameters ?? [])]
      .map((p: Json) => this.#deref(p))
      .filter((p: Json) => p.in === "query" || p.in === "path")
      .map((p: Json) => ({
        name: p.name,
        in: p.in,
        required: p.required === true,
        schema: p.schema ?? {},
        dotted: p["x-agentruns-query-style"] === "dotted",
      }));
    const group = (where: string) => ({
      type: "object",
      properties: Object.fromEntries(params.filter((p) => p.in === where).map((p) => [p.name, p.schema])),
      required: params.filter((p) => p.in === where && p.required).map((p) => p.name),
    });
    const validateParams = this.#coercing.compile({
      type: "object",
      properties: {
        query: rebase(nullableToAnyOf(group("query"))),
        path: rebase(nullableToAnyOf(group("path"))),
      },
    });

    const content = this.#deref(op.requestBody ?? {}).content?.["application/json"];
    const body = content
      ? {
          required: this.#deref(op.requestBody).required === true,
          validate: this.#ajv.compile({
            $ref: pointer("paths", path, method, "requestBody", "content", "application/json", "schema"),
          }),
        }
      : undefined;

    const responses = new Map<string, ValidateFunction | undefined>();
    for (const [status, raw] of Object.entries<Json>(op.responses ?? {})) {
      const response = this.#deref(raw);
      const schema = response.content?.["application/json"]?.schema;
      if (!schema) {
        responses.set(status, undefined);
        continue;
      }
      const at =
        typeof raw.$ref === "string"
          ? { $ref: `spec${raw.$ref}/content/application~1json/schema` }
          : {
              $ref: pointer(
                "paths",
                path,
                method,
                "responses",
                status,
                "content",
                "application/json",
                "schema",
              ),
            };
      responses.set(status, this.#ajv.compile(at));
    }

    const names: string[] = [];
    const regex = new RegExp(
      "^" +
        path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{([^}]+)\}/g, (_, name: string) => {
          names.push(name);
          return "([^/]+)";
        }) +
        "$",
    );
    const operation: Operation = {
      operationId: op.operationId ?? `${method} ${path}`,
      method: method.toUpperCase(),
      path,
      params,
      body,
      validateParams,
      responses,
      match(pathname) {
        const m = regex.exec(pathname);
        if (!m) return undefined;
        return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
      },
    };
    this.operations.push(operation);
    this.#byId.set(operation.operationId, operation);
  }

  operation(operationId: string): Operation {
    const op = this.#byId.get(operationId);
    if (!op) throw new Error(`no operation "${operationId}" in ${this.doc.info?.title}`);
    return op;
  }

  /** The operation for a method and path, or whether the path exists under another method. */
  route(method: string, pathname: string): { op: Operation; path: Record<string, string> } | undefined {
    for (const op of this.operations) {
      if (op.method !== method) continue;
      const path = op.match(pathname);
      if (path) return { op, path };
    }
    return undefined;
  }

  /** Reads query and path parameters as the spec declares them, coerced to their types; lists every problem. */
  parse(op: Operation, search: URLSearchParams, pathValues: Record<string, string>): ParsedRequest | Issue[] {
    const issues: Issue[] = [];
    const query: Record<string, unknown> = {};
    const known = new Set<string>();
    for (const p of op.params.filter((x) => x.in === "query")) {
      if (p.dotted) {
        const prefix = `${p.name}.`;
        const entries = [...search.keys()].filter((k) => k.startsWith(prefix));
        entries.forEach((k) => known.add(k));
        if (entries.length)
          query[p.name] = Object.fromEntries(entries.map((k) => [k.slice(prefix.length), search.get(k)]));
        continue;
      }
      known.add(p.name);
      const values = search.getAll(p.name);
      if (!values.length) continue;
      if (p.schema.type === "array") query[p.name] = values;
      else if (values.length > 1)
        issues.push({
          path: ["query", p.name],
          keyword: "repeated",
          message: `query/${p.name} must not be repeated`,
        });
      else query[p.name] = values[0];
    }
    for (const key of new Set(search.keys())) {
      if (!known.has(key))
        issues.push({
          path: ["query", key],
          keyword: "unknown",
          message: `query/${key} is not a parameter of ${op.method} ${op.path}`,
        });
    }
    const data = { query, path: { ...pathValues } };
    if (!op.validateParams(data)) issues.push(...issuesOf(op.validateParams.errors, []));
    return issues.length ? issues : data;
  }

  /** Problems with a JSON body (already parsed), or [] when it is valid. */
  checkBody(op: Operation, body: unknown): Issue[] {
    if (!op.body) return [];
    if (body === undefined)
      return op.body.required ? [{ path: ["body"], keyword: "required", message: "body is required" }] : [];
    return op.body.validate(body) ? [] : issuesOf(op.body.validate.errors, ["body"]);
  }

  /** Problems with a response body against the spec (for tests); undefined status → the spec does not list it. */
  checkResponse(op: Operation, status: number, body: unknown): string[] {
    if (!op.responses.has(String(status))) {
      // 429s come from the providers' documented rate limits, which not every spec lists.
      return status === 429 ? [] : [`${op.operationId}: status ${status} is not documented`];
    }
    const validate = op.responses.get(String(status));
    if (!validate) return [];
    return validate(body)
      ? []
      : issuesOf(validate.errors, ["response"]).map((i) => `${op.operationId} ${status}: ${i.message}`);
  }
}
