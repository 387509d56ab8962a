// Real-world spec defects degrade instead of stopping generation: dangling `$ref`s become `unknown` (with a warning
// naming the file and JSON pointer), `$ref`s inside `x-` extensions are dropped, schema-relative `#/$defs/…` refs are
// anchored, parameter `$ref`s into another operation are inlined, broken discriminator mappings are removed,
// operations without an operationId get a derived one, and webhooks and callbacks (which the client never calls) lose
// theirs.
import { bodiesOnBodilessMethods, requiredReadOnly } from "./spec-defects.js";
import { HTTP_METHODS as METHODS } from "./http-methods.js";

type Json = Record<string, any>;

export interface Normalized {
  doc: Json;
  /** One line per defect worked around: `<file>#<pointer>: <what was done>`. */
  warnings: string[];
}

const escape = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");
const unescape = (key: string) => key.replace(/~1/g, "/").replace(/~0/g, "~");

function lookup(doc: Json, ref: string): unknown {
  if (!ref.startsWith("#/") && ref !== "#") return undefined;
  let node: unknown = doc;
  for (const raw of ref
    .slice(2)
    .split("/")
    .filter((k, i, all) => k !== "" || all.length > 1)) {
    if (node === null || typeof node !== "object") return undefined;
    let key: string;
    try {
      key = unescape(decodeURIComponent(raw));
    } catch {
      key = unescape(raw);
    }
    if (!Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = (node as Json)[key];
  }
  return node;
}

/**
 * The operationId derived from method and path when the spec has none: the method, then each path segment in
 * PascalCase, path parameters as `By<Name>`. `GET /sandboxes/{sandboxID}/logs` → `getSandboxesBySandboxIDLogs`.
 */
export function derivedOperationId(method: string, path: string): string {
  const words = path
    .split("/")
    .filter(Boolean)
    .map((segment) => {
      const param = /^\{(.+)\}$/.exec(segment);
      const text = (param ? `by-${param[1]}` : segment).replace(/[^A-Za-z0-9]+/g, " ").trim();
      return text
        .split(" ")
        .filter(Boolean)
        .map((w) => w[0]!.toUpperCase() + w.slice(1))
        .join("");
    });
  return method.toLowerCase() + (words.join("") || "Root");
}

/** Keys under which a value is a schema (`properties/<name>`, `items`, `allOf/<i>`, …), by the key before it. */
const SCHEMA_MAPS = new Set(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]);
const SCHEMA_LISTS = new Set(["allOf", "oneOf", "anyOf", "prefixItems"]);
const SCHEMA_KEYS = new Set([
  "schema",
  "items",
  "additionalProperties",
  "not",
  "contains",
  "propertyNames",
  "if",
  "then",
  "else",
]);

const isSchemaPlace = (path: readonly string[]): boolean => {
  const last = path.at(-1);
  const before = path.at(-2);
  if (last === undefined) return false;
  if (before !== undefined && SCHEMA_MAPS.has(before))
    return before !== "properties" || path.at(-3) !== "components";
  if (before !== undefined && SCHEMA_LISTS.has(before) && /^\d+$/.test(last)) return true;
  return SCHEMA_KEYS.has(last) && before !== "properties";
};

/**
 * A parameter `$ref` to another operation's parameter (`#/paths/~1x/post/parameters/0`) is what openapi-typescript
 * turns into a lookup in that operation's optional `query` or `path` member (TS2339 `Property 'id' does not exist on
 * type '{ … } | undefined'`): the parameter it names is copied in its place. A `$ref` to `#/components/parameters/…`
 * stays.
 */
function inlineParameterRefsIntoPaths(doc: Json): void {
  const target = (param: unknown): unknown => {
    const seen = new Set<string>();
    let node = param;
    while (node && typeof node === "object" && typeof (node as Json).$ref === "string") {
      const ref = (node as Json).$ref as string;
      if (!ref.startsWith("#/paths/") || seen.has(ref)) break;
      seen.add(ref);
      const next = lookup(doc, ref);
      if (next === undefined) break;
      node = next;
    }
    return node;
  };
  for (const item of Object.values<Json>(doc.paths ?? {})) {
    if (!item || typeof item !== "object") continue;
    for (const holder of [item, ...METHODS.map((m) => item[m])])
      if (holder && typeof holder === "object" && Array.isArray(holder.parameters))
        holder.parameters = holder.parameters.map((param: unknown) => {
          const found = target(param);
          return found === param ? param : structuredClone(found);
        });
  }
}

/**
 * A schema `$ref` to a place that is not a component (`#/components/schemas/A/properties/b`,
 * `#/components/schemas/A/definitions/c`, `#/paths/~1x/get/…/schema`) is what openapi-typescript turns into a
 * lookup of a type member that does not exist (TS2339 `Property 'definitions' does not exist`) or a type that names
 * itself (TS2502): its target is copied into `components.schemas` under a name of its own (`A_c`), and every ref to
 * that place points there. The place itself keeps its schema.
 */
function hoistInnerSchemaRefs(doc: Json): void {
  const schemas: Json = ((doc.components ??= {}).schemas ??= {});
  const hoisted = new Map<string, string>();
  const nameFor = (ref: string): string => {
    const parts = ref.slice(2).split("/").map(unescape);
    const owner = parts[0] === "components" ? parts[2]! : "Inline";
    const leaf =
      parts.filter((p) => !SCHEMA_MAPS.has(p) && !SCHEMA_LISTS.has(p) && !SCHEMA_KEYS.has(p)).at(-1) ??
      "Schema";
    const base = `${owner}_${leaf}`.replace(/[^A-Za-z0-9_.-]+/g, "_");
    let name = base;
    for (let i = 2; Object.hasOwn(schemas, name); i++) name = `${base}${i}`;
    return name;
  };
  // A pass can hoist schemas that themselves hold inner refs: repeat until none is left (bounded).
  for (let round = 0; round < 8; round++) {
    let changed = false;
    const visit = (node: unknown, path: string[]): void => {
      if (node === null || typeof node !== "object") return;
      if (Array.isArray(node)) return node.forEach((v, i) => visit(v, [...path, String(i)]));
      const obj = node as Json;
      const ref = obj.$ref;
      if (
        typeof ref === "string" &&
        ref.startsWith("#/") &&
        isSchemaPlace(path) &&
        !/^#\/components\/[^/]+\/[^/]+$/.test(ref)
      ) {
        let name = hoisted.get(ref);
        if (!name) {
          const target = lookup(doc, ref);
          if (target !== null && typeof target === "object") {
            name = nameFor(ref);
            hoisted.set(ref, name);
            schemas[name] = structuredClone(target);
          }
        }
        if (name) {
          obj.$ref = `#/components/schemas/${escape(name)}`;
          changed = true;
        }
      }
      for (const [k, v] of Object.entries(obj)) if (!k.startsWith("x-")) visit(v, [...path, k]);
    };
    visit(doc, []);
    if (!changed) break;
  }
}

/**
 * A query written into a path (`/search?query={query}`, APIs.guru's way of telling two operations of one path apart)
 * is moved where OpenAPI puts it: the path loses it, and each `{variable}` of it becomes (or stays) a query parameter,
 * required as declared, a string when undeclared. Paths whose query has fixed pairs (`?Action=List`), or that would
 * then clash with another operation, keep theirs.
 */
function queryTemplatesToParameters(doc: Json, file: string): string[] {
  const warnings: string[] = [];
  const paths: Json = doc.paths ?? {};
  for (const original of Object.keys(paths)) {
    const q = original.indexOf("?");
    if (q < 0) continue;
    const base = original.slice(0, q);
    const pairs = original
      .slice(q + 1)
      .split("&")
      .filter(Boolean)
      .map((pair) => pair.split("="));
    const vars = pairs.map(([name, value]) =>
      /^\{[^}]+\}$/.test(value ?? "") ? { name: name!, variable: value!.slice(1, -1) } : undefined,
    );
    if (!vars.length || vars.some((v) => !v || v.name !== v.variable)) continue;
    const item: Json = paths[original];
    const target: Json = paths[base] ?? {};
    if (METHODS.some((m) => item[m] && target[m])) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!op || typeof op !== "object") continue;
      const params: Json[] = Array.isArray(op.parameters) ? op.parameters : (op.parameters = []);
      for (const v of vars) {
        const i = params.findIndex((p) => {
          const r = typeof p?.$ref === "string" ? lookup(doc, p.$ref) : p;
          return (r as Json)?.name === v!.name && ((r as Json)?.in === "path" || (r as Json)?.in === "query");
        });
        const found = i >= 0 ? (params[i] as Json) : undefined;
        const declared = found
          ? ((typeof found.$ref === "string" ? lookup(doc, found.$ref) : found) as Json)
          : undefined;
        const moved = {
          ...(declared ?? { schema: { type: "string" } }),
          name: v!.name,
          in: "query",
          required: declared?.required === true,
        };
        if (i >= 0) params[i] = moved;
        else params.push(moved);
      }
      target[method] = op;
    }
    for (const key of Object.keys(item))
      if (!METHODS.includes(key as never) && !(key in target)) target[key] = item[key];
    delete paths[original];
    paths[base] = target;
    warnings.push(
      `${file}#/paths/${escape(original)}: the query in the path is sent as query parameters of ${base}`,
    );
  }
  return warnings;
}

/** Whether a client can fill a security scheme: http bearer or basic, an apiKey in header/query/cookie, oauth2, OIDC. */
function fillable(s: Json | undefined): boolean {
  if (!s || typeof s !== "object") return true; // a missing scheme is reported where requirements are read
  const http = String(s.scheme ?? "").toLowerCase();
  return (
    (s.type === "http" && (http === "bearer" || http === "basic")) ||
    (s.type === "apiKey" && ["header", "query", "cookie"].includes(s.in)) ||
    s.type === "oauth2" ||
    s.type === "openIdConnect"
  );
}

/**
 * A scheme no client can fill from an option (mutual TLS, request signing, custom http schemes) leaves the security
 * requirements it appears in, with a warning: those requests go without it (a `fetch` option that signs or presents
 * a client certificate supplies it), and the rest of the API is generated.
 */
function dropUnfillableSchemes(doc: Json, file: string): string[] {
  const schemes: Json = doc.components?.securitySchemes ?? {};
  const dropped = Object.keys(schemes).filter((name) => {
    const raw = schemes[name];
    return !fillable(typeof raw?.$ref === "string" ? (lookup(doc, raw.$ref) as Json) : raw);
  });
  if (!dropped.length) return [];
  const strip = (requirements: unknown) =>
    Array.isArray(requirements)
      ? requirements.map((r) =>
          r && typeof r === "object"
            ? Object.fromEntries(Object.entries(r).filter(([k]) => !dropped.includes(k)))
            : r,
        )
      : requirements;
  if (doc.security) doc.security = strip(doc.security);
  for (const item of Object.values<Json>(doc.paths ?? {}))
    for (const method of METHODS)
      if (item?.[method]?.security) item[method].security = strip(item[method].security);
  return dropped.map((name) => {
    const s = schemes[name];
    return (
      `${file}#/components/securitySchemes/${escape(name)}: ${s?.type}${s?.scheme ? `/${s.scheme}` : ""} is not a ` +
      "scheme a client can fill from an option; requests are sent without it (pass a `fetch` that adds it)"
    );
  });
}

/**
 * A WebSocket upgrade (a GET answered `101 Switching Protocols`, or marked `x-websocket`) is no HTTP call: neither
 * client can make it, so it leaves the document with a warning naming it (its path stays when it has other methods).
 */
function dropWebSocketUpgrades(doc: Json, file: string): string[] {
  const warnings: string[] = [];
  for (const [p, item] of Object.entries<Json>(doc.paths ?? {})) {
    const op = item?.get;
    if (!op || typeof op !== "object") continue;
    if (!Object.hasOwn(op.responses ?? {}, "101") && op["x-websocket"] !== true) continue;
    warnings.push(
      `${file}#/paths/${escape(p)}/get: a WebSocket upgrade, which no HTTP client can make; left out`,
    );
    delete item.get;
    if (!METHODS.some((m) => item[m])) delete doc.paths[p];
  }
  return warnings;
}

/** Deep copy with every defect handled; the input document is not modified. */
export function normalizeSpec(input: Json, file: string): Normalized {
  const warnings: string[] = [];
  const doc = structuredClone(input) as Json;
  let droppedExtensionRefs = 0;
  let droppedExternalExamples = 0;

  /** Nearest enclosing object (from the innermost) that holds `$defs`/`definitions` with `name`. */
  const anchorRelative = (ref: string, ancestors: readonly string[][]): string | undefined => {
    const m = /^#\/(\$defs|definitions)\/(.+)$/.exec(ref);
    if (!m) return undefined;
    for (let i = ancestors.length - 1; i >= 0; i--) {
      const candidate = `#/${[...ancestors[i]!, m[1]!].map(escape).join("/")}/${m[2]}`;
      if (lookup(doc, candidate) !== undefined) return candidate;
    }
    return undefined;
  };

  /** A schema place holding something that is not a schema (a string, say): any value, with a warning. */
  const schemaOrAny = (value: unknown, path: string[]): unknown => {
    if (value !== null && typeof value === "object" && !Array.isArray(value)) return value;
    if (typeof value === "boolean") return value ? {} : { not: {} };
    warnings.push(
      `${file}#/${path.map(escape).join("/")}: ${JSON.stringify(value)} is not a schema; typed as unknown`,
    );
    return {};
  };

  const walk = (node: unknown, path: string[], ancestors: string[][]): unknown => {
    if (Array.isArray(node)) {
      if (SCHEMA_LISTS.has(path.at(-1)!) && isSchemaPlace([...path, "0"]))
        return node.map((v, i) =>
          walk(schemaOrAny(v, [...path, String(i)]), [...path, String(i)], ancestors),
        );
      return node.map((v, i) => walk(v, [...path, String(i)], ancestors));
    }
    if (node === null || typeof node !== "object") return node;
    const obj = node as Json;
    const where = `${file}#/${path.map(escape).join("/")}`;
    if (typeof obj.$ref === "string") {
      const ref = obj.$ref as string;
      if (lookup(doc, ref) === undefined) {
        const anchored = anchorRelative(ref, ancestors);
        if (anchored) {
          obj.$ref = anchored;
        } else {
          warnings.push(`${where}: $ref "${ref}" does not resolve; typed as unknown`);
          const { $ref: _, ...rest } = obj;
          return { ...rest, description: `${rest.description ?? ""}(unresolved $ref ${ref})`.trim() };
        }
      }
    }
    const here = "$defs" in obj || "definitions" in obj ? [...ancestors, path] : ancestors;
    for (const key of ["items", "not", "additionalProperties"] as const)
      if (
        key in obj &&
        !(key === "additionalProperties" && typeof obj[key] === "boolean") &&
        isSchemaPlace([...path, key])
      )
        obj[key] = schemaOrAny(obj[key], [...path, key]);
    for (const key of Object.keys(obj)) {
      if (key.startsWith("x-") && JSON.stringify(obj[key])?.includes('"$ref"')) {
        delete obj[key];
        droppedExtensionRefs++;
        continue;
      }
      obj[key] = walk(obj[key], [...path, key], here);
    }
    const mapping = obj.discriminator?.mapping;
    if (mapping && typeof mapping === "object") {
      for (const [value, target] of Object.entries<unknown>(mapping)) {
        if (typeof target === "string" && target.startsWith("#") && lookup(doc, target) === undefined) {
          warnings.push(
            `${where}/discriminator/mapping: "${value}" names "${target}", which does not exist; mapping entry dropped`,
          );
          delete mapping[value];
        } else if (typeof target === "string" && !target.startsWith("#") && /[/.:]/.test(target)) {
          // Another file or a URL: the generator reads nothing beside the spec, and reaches no network.
          warnings.push(
            `${where}/discriminator/mapping: "${value}" names "${target}", outside the document; mapping entry dropped`,
          );
          delete mapping[value];
        }
      }
    }
    // An example's externalValue is a URL tools would fetch; examples are documentation, and generation stays offline.
    if (typeof obj.externalValue === "string" && path.at(-2) === "examples") {
      delete obj.externalValue;
      droppedExternalExamples++;
    }
    return obj;
  };
  walk(doc, [], []);
  if (droppedExternalExamples) {
    warnings.push(`${file}: ${droppedExternalExamples} example(s) with an externalValue (a URL) ignored`);
  }
  if (droppedExtensionRefs) {
    warnings.push(
      `${file}: ${droppedExtensionRefs} x- extension(s) holding $refs ignored (extensions are not part of the API)`,
    );
  }

  inlineParameterRefsIntoPaths(doc);
  hoistInnerSchemaRefs(doc);
  for (const w of dropUnfillableSchemes(doc, file)) warnings.push(w);
  for (const w of queryTemplatesToParameters(doc, file)) warnings.push(w);

  // Webhooks and callbacks are requests the provider sends, not operations a client calls: without their operationIds
  // openapi-typescript types them where they are (`webhooks[…]`, inline), and `operations`, which the operation
  // table and the clients are keyed by, holds exactly the callable operations.
  const incoming = [
    ...Object.values<Json>(doc.webhooks ?? {}),
    ...Object.values<Json>(doc.components?.callbacks ?? {}).flatMap((c) => Object.values<Json>(c ?? {})),
    ...Object.values<Json>(doc.paths ?? {}).flatMap((item) =>
      METHODS.flatMap((m) =>
        Object.values<Json>(item?.[m]?.callbacks ?? {}).flatMap((c) => Object.values<Json>(c ?? {})),
      ),
    ),
  ];
  for (const item of incoming)
    for (const method of METHODS)
      if (item?.[method] && typeof item[method] === "object") delete item[method].operationId;

  for (const w of dropWebSocketUpgrades(doc, file)) warnings.push(w);
  for (const w of requiredReadOnly(doc, file)) warnings.push(w);
  for (const w of bodiesOnBodilessMethods(doc, file)) warnings.push(w);

  // Operations without an operationId get the derived name; duplicates get a numeric suffix.
  const seen = new Set<string>();
  for (const [p, item] of Object.entries<Json>(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item?.[method];
      if (!op || typeof op !== "object") continue;
      let id: string = typeof op.operationId === "string" && op.operationId ? op.operationId : "";
      if (!id) id = derivedOperationId(method, p);
      // openapi-typescript keys `operations` by the id with `#` read as a pointer's `/` (`Marks#hashtags` →
      // `Marks/hashtags`): the id is that key, so the operation table and the types agree.
      id = id.replace(/#/g, "/");
      if (seen.has(id)) {
        let n = 2;
        while (seen.has(`${id}${n}`)) n++;
        warnings.push(
          `${file}#/paths/${escape(p)}/${method}: operationId "${id}" is used twice; this one is "${id}${n}"`,
        );
        id = `${id}${n}`;
      }
      seen.add(id);
      op.operationId = id;
    }
  }
  return { doc, warnings };
}
