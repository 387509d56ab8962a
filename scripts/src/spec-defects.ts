// Defects of a spec that do not stop generation but that a validating server or mock would enforce differently
// from what the clients send: each is a warning naming its JSON pointer, for the maintainer to fix by overlay.
import { pointer } from "./json-ref.js";
import { HTTP_METHODS as METHODS } from "./http-methods.js";

type Json = Record<string, any>;

const escape = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

/**
 * A request body whose schema lists a `readOnly` property (one only answers carry: an id, a creation time) as
 * required: the clients never send it, so a server or mock that validates requests by the schema refuses every one.
 */
export function requiredReadOnly(doc: Json, file: string): string[] {
  const warnings = new Set<string>();
  const seen = new Set<Json>();
  const visit = (schema: Json | undefined, where: string, depth: number): void => {
    if (!schema || typeof schema !== "object" || depth > 8) return;
    if (typeof schema.$ref === "string" && schema.$ref.startsWith("#/")) {
      const target = safePointer(doc, schema.$ref);
      return visit(target, schema.$ref.slice(1), depth + 1);
    }
    if (seen.has(schema)) return;
    seen.add(schema);
    const props: Json = schema.properties ?? {};
    for (const name of Array.isArray(schema.required) ? schema.required : []) {
      let prop: Json | undefined = props[name];
      if (typeof prop?.$ref === "string" && prop.$ref.startsWith("#/")) prop = safePointer(doc, prop.$ref);
      if (prop?.readOnly === true)
        warnings.add(
          `${file}#${where}: "${name}" is required but readOnly (only answers carry it); clients leave it out of ` +
            "requests, which a server or mock validating them by this schema refuses",
        );
    }
    for (const [i, part] of (Array.isArray(schema.allOf) ? schema.allOf : []).entries())
      visit(part, `${where}/allOf/${i}`, depth + 1);
  };
  for (const [p, item] of Object.entries<Json>(doc.paths ?? {})) {
    for (const method of METHODS) {
      let body = item?.[method]?.requestBody;
      let at = `/paths/${escape(p)}/${method}/requestBody`;
      if (typeof body?.$ref === "string") {
        at = body.$ref.slice(1);
        body = safePointer(doc, body.$ref);
      }
      for (const [media, content] of Object.entries<Json>(body?.content ?? {}))
        if (/json/i.test(media)) visit(content?.schema, `${at}/content/${escape(media)}/schema`, 0);
    }
  }
  return [...warnings];
}

function safePointer(doc: Json, ref: string): Json | undefined {
  try {
    return pointer(doc, ref);
  } catch {
    return undefined;
  }
}

/**
 * A request body on a GET or HEAD: fetch cannot send one (`Request with GET/HEAD method cannot have body`), so the
 * clients refuse the call with a ValidationError instead of failing inside fetch.
 */
export function bodiesOnBodilessMethods(doc: Json, file: string): string[] {
  const warnings: string[] = [];
  for (const [p, item] of Object.entries<Json>(doc.paths ?? {}))
    for (const method of ["get", "head"] as const)
      if (item?.[method]?.requestBody)
        warnings.push(
          `${file}#/paths/${escape(p)}/${method}/requestBody: a ${method.toUpperCase()} with a request body, which ` +
            "fetch cannot send: a call that would send it is a ValidationError; move it to another method with an overlay",
        );
  return warnings;
}
