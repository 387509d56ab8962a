// The spec's own names for what a generated signature takes and gives: `APIPromise<Run>`, `body: CreateRunRequest`,
// `PagePromise<RunSummary, ListRunsResponse>`, where the spec names the schema with a component `$ref`; the type
// lookup (`ResultOf<operations["getRun"]>`) only where the spec names nothing or the answer is a union.
import { resolveRef } from "./json-ref.js";
import { isJsonMedia, successTypes } from "./rules.js";

type Json = Record<string, any>;

/** Statuses whose answers `ResultOf` (core/src/types.ts) takes as success. */
const SUCCESS = new Set(["200", "201", "202", "203", "206"]);

/** Component schema pointers (`#/components/schemas/Run`) to the alias the typed package exports for each. */
export type SchemaNames = ReadonlyMap<string, string>;

export function schemaNames(
  aliases: readonly { alias: string; section: string; name: string }[],
): SchemaNames {
  const escape = (name: string) => name.replace(/~/g, "~0").replace(/\//g, "~1");
  return new Map(
    aliases
      .filter((a) => a.section === "schemas")
      .map((a) => [`#/components/schemas/${escape(a.name)}`, a.alias]),
  );
}

/** The alias of a schema that is exactly a component `$ref`, or undefined. */
const refName = (names: SchemaNames, schema: Json | undefined): string | undefined =>
  typeof schema?.$ref === "string" && Object.keys(schema).length === 1 ? names.get(schema.$ref) : undefined;

/** The one JSON media type's schema of a content map whose other types the core's types ignore, or undefined. */
function jsonSchema(content: Json | undefined): Json | undefined {
  const keys = Object.keys(content ?? {}).filter((k) => isJsonMedia(k));
  return keys.length === 1 ? content![keys[0]!]?.schema : undefined;
}

/**
 * The component name of an operation's success answer: every success status that has content answers one JSON
 * media type, with the same component `$ref`, and nothing else (an event stream or a second type makes a union).
 */
export function resultName(doc: Json, names: SchemaNames, operation: Json): string | undefined {
  const refs = new Set<string | undefined>();
  for (const [status, raw] of Object.entries<Json>(operation.responses ?? {})) {
    if (!SUCCESS.has(status)) continue;
    const content = resolveRef(doc, raw)?.content;
    if (!content || !Object.keys(content).length) continue;
    if (Object.keys(content).length !== 1) return undefined;
    refs.add(refName(names, jsonSchema(content)));
  }
  const [only] = refs;
  return refs.size === 1 && only && successTypes(doc, operation.responses).every(isJsonMedia)
    ? only
    : undefined;
}

/**
 * Whether a success of the operation may hold nothing beside its named answer: a 204 or 205 next to statuses with
 * content, or a declared 304 (the core resolves both to `undefined`; `ResultOf` types them so).
 */
export function mayBeEmpty(operation: Json): boolean {
  const statuses = Object.keys(operation.responses ?? {});
  return statuses.includes("304") || statuses.some((s) => s === "204" || s === "205");
}

/** The component name of an operation's JSON request body, or undefined. */
export function bodyName(doc: Json, names: SchemaNames, operation: Json): string | undefined {
  const body = operation.requestBody ? resolveRef(doc, operation.requestBody) : undefined;
  return refName(names, jsonSchema(body?.content));
}

/** The schema at a dotted path ("" for the whole) of an operation's first success answer, through `$ref`s. */
function answerAt(doc: Json, operation: Json, at: string): Json | undefined {
  const response = Object.entries<Json>(operation.responses ?? {}).find(([s]) => SUCCESS.has(s))?.[1];
  let schema: Json | undefined = jsonSchema(resolveRef(doc, response ?? {})?.content);
  for (const key of at ? at.split(".") : []) {
    const node = schema ? resolveRef(doc, schema) : undefined;
    schema = node && Object.hasOwn(node.properties ?? {}, key) ? node.properties[key] : undefined;
  }
  return schema;
}

/** The component name of a page's items: the array at `itemsPath` (dotted; "" for a body that is the list). */
export function itemName(
  doc: Json,
  names: SchemaNames,
  operation: Json,
  itemsPath: string,
): string | undefined {
  const schema = answerAt(doc, operation, itemsPath);
  const list = schema ? resolveRef(doc, schema) : undefined;
  return list?.type === "array" ? refName(names, list.items) : undefined;
}

/** The component name of the field a method returns of its answer (`unwrap`: `{ run: Run }` → `Run`). */
export function fieldName(doc: Json, names: SchemaNames, operation: Json, key: string): string | undefined {
  return resultName(doc, names, operation) ? refName(names, answerAt(doc, operation, key)) : undefined;
}

/** A path parameter's TypeScript type when it is a plain primitive (`string`, `number`), else undefined. */
export function primitiveName(doc: Json, schema: Json | undefined): string | undefined {
  const s = schema ? resolveRef(doc, schema) : undefined;
  if (!s || s.enum || s.const !== undefined || s.nullable || Array.isArray(s.type)) return undefined;
  if (s.type === "string") return "string";
  if (s.type === "integer" || s.type === "number") return "number";
  if (s.type === "boolean") return "boolean";
  return undefined;
}
