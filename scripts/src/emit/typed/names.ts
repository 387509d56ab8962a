// src/generated/names.ts: every component exported under the spec's own name, as an interface where the type is one
// object (editors and errors then show the name, not its expansion), else as an alias.
import { tsPropertyIndex } from "openapi-typescript";
import ts from "typescript";
import type { ComponentAlias } from "../../component-names.js";
import { pointer } from "../../json-ref.js";
import type { ProviderDescriptor } from "../../provider.js";
import type { Emitter } from "../emitter.js";
import { header } from "../header.js";

export const names: Emitter = ({ provider: d, doc, components }) => [
  { path: "src/generated/names.ts", text: renderNames(d, doc, components) },
];

function renderNames(
  d: ProviderDescriptor,
  doc: Record<string, any>,
  components: readonly ComponentAlias[],
): string {
  const discriminated = discriminatedSchemas(doc);
  const lines = components.map(({ alias, section, name }) => {
    const type = `components[${JSON.stringify(section)}][${JSON.stringify(name)}]`;
    // An interface keeps its name in editors and errors (`APIPromise<Run>`); an alias of an indexed access shows
    // the expanded object instead. Only an object type can be extended, so anything else stays an alias.
    return section === "schemas" &&
      !discriminated.has(name) &&
      isObjectSchema(doc, doc.components.schemas[name])
      ? `export interface ${alias} extends $Schema<${schemaKey(name)}> {}`
      : `export type ${alias} = ${type};`;
  });
  const interfaces = lines.some((l) => l.startsWith("export interface"));
  return (
    header(d) +
    `// Why: every component under the spec's own name (never re-cased), apart from schema.ts so that a schema named\n` +
    `// like a TypeScript global (\`Record\`, \`Response\`) shadows nothing the generated types use.\n` +
    `import type { components } from "./schema.js";\n\n` +
    (interfaces
      ? `/** A component schema by its name (an interface can extend a type reference, not an indexed access). */\n` +
        `type $Schema<Name extends keyof components["schemas"]> = components["schemas"][Name];\n\n`
      : "") +
    (lines.length ? lines.join("\n") + "\n" : "export {};\n")
  );
}

/**
 * A schema's key in `components["schemas"]` as a literal type, as openapi-typescript wrote it (its own rule): a name
 * that is a number's canonical text (`400`) is a numeric key, so `keyof` holds the number and not the string.
 */
function schemaKey(name: string): string {
  const key = tsPropertyIndex(name);
  return ts.isNumericLiteral(key) && Number.isFinite(Number(name)) ? name : JSON.stringify(name);
}

/**
 * Component schemas openapi-typescript gives an injected discriminator property (`type: "InputMessageResource"`): the
 * members and mapping targets of a discriminated `oneOf`/`anyOf`, and the schemas that extend (`allOf`) a schema with
 * a discriminator. Intersected with their own literal, such a type may reduce to `never`, which nothing can extend.
 */
function discriminatedSchemas(doc: Record<string, any>): Set<string> {
  const prefix = "#/components/schemas/";
  const nameOf = (ref: unknown) =>
    typeof ref === "string" && ref.startsWith(prefix)
      ? ref.slice(prefix.length).replace(/~1/g, "/").replace(/~0/g, "~")
      : undefined;
  const found = new Set<string>();
  const schemas: Record<string, any> = doc.components?.schemas ?? {};
  const seen = new Set<unknown>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== "object" || seen.has(node)) return;
    seen.add(node);
    const n = node as Record<string, any>;
    if (n.discriminator && typeof n.discriminator === "object") {
      for (const member of [...(n.oneOf ?? []), ...(n.anyOf ?? [])]) {
        const name = nameOf(member?.$ref);
        if (name) found.add(name);
      }
      for (const ref of Object.values(n.discriminator.mapping ?? {})) {
        const name = nameOf(ref);
        if (name) found.add(name);
      }
    }
    for (const value of Object.values(n)) visit(value);
  };
  visit(doc);
  for (const [name, schema] of Object.entries(schemas)) {
    const parents = Array.isArray(schema?.allOf) ? schema.allOf.map((p: any) => nameOf(p?.$ref)) : [];
    if (parents.some((p: string | undefined) => p && schemas[p]?.discriminator)) found.add(name);
  }
  return found;
}

/** Keywords after which openapi-typescript's type is not one object type (a union, a primitive, unknown). */
const NOT_ONE_OBJECT = ["oneOf", "anyOf", "enum", "const", "not", "nullable", "items", "discriminator"];

/**
 * Whether openapi-typescript renders `schema` as one object type (properties, a map, or an intersection of such),
 * which an interface can extend: never a union (`oneOf`, `nullable`, a type list), a primitive or `unknown`. Unsure
 * cases answer false, which costs only the name in a hover.
 */
export function isObjectSchema(
  doc: Record<string, any>,
  schema: unknown,
  seen = new Set<unknown>(),
  /** Part of an intersection (`allOf`): an index signature there may clash with another part's members. */
  part = false,
): boolean {
  if (!schema || typeof schema !== "object" || seen.has(schema) || seen.size > 16) return false;
  seen.add(schema);
  const s = schema as Record<string, any>;
  if (typeof s.$ref === "string") {
    if (Object.keys(s).length !== 1 || !s.$ref.startsWith("#/components/schemas/")) return false;
    return isObjectSchema(doc, pointer(doc, s.$ref), seen, part);
  }
  if (NOT_ONE_OBJECT.some((k) => k in s) || Array.isArray(s.type)) return false;
  // A required name the schema does not declare itself (`allOf: [A, { required: ["a"] }]`) becomes openapi-typescript's
  // `WithRequired<…>`, a mapped type an interface cannot extend.
  if (
    Array.isArray(s.required) &&
    s.required.some((k: unknown) => !Object.hasOwn(s.properties ?? {}, String(k)))
  )
    return false;
  if (s.allOf !== undefined) {
    return (
      Array.isArray(s.allOf) &&
      s.allOf.length > 0 &&
      s.allOf.every((p: unknown) => isObjectSchema(doc, p, new Set(seen), true)) &&
      (s.type === undefined || s.type === "object") &&
      s.properties === undefined &&
      s.additionalProperties === undefined
    );
  }
  const hasProperties =
    typeof s.properties === "object" && s.properties !== null && Object.keys(s.properties).length > 0;
  // In an intersection, a map (`additionalProperties`, or an object with no properties: `Record<string, never>`)
  // would have to hold the other parts' members too.
  if (part && (!hasProperties || s.additionalProperties !== undefined)) return false;
  // Properties beside a map: openapi-typescript intersects them with an index signature their types may not fit
  // (`{ id: number } & { [key: string]: string }`), which an interface cannot hold.
  if (hasProperties && s.additionalProperties !== undefined && s.additionalProperties !== false) return false;
  return s.type === "object" || (s.type === undefined && hasProperties);
}
