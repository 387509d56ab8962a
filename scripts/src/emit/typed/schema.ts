// src/generated/schema.ts: the spec's types (`paths`, `components`, `operations`) by openapi-typescript.
import { astToString, type OpenAPI3 } from "openapi-typescript";
import type { Emitter } from "../emitter.js";
import { header } from "../header.js";
import { openapiTypes } from "./openapi-types.js";
import { perOperationTypes } from "./per-operation-types.js";

/**
 * openapi-typescript's options: a free-form object (`type: object` with no properties, `metadata`, `config`) takes
 * any fields (`Record<string, unknown>`, not `Record<string, never>`), and a field with a `default` stays optional
 * (the server fills it in when a request leaves it out; openapi-typescript cannot make it required in answers only,
 * so answers read it as optional too).
 */
export const SCHEMA_OPTIONS = { silent: true, emptyObjectsUnknown: true, defaultNonNullable: false } as const;

export const schema: Emitter = async (model) => {
  const { provider: d, doc } = model;
  // The normalized document (derived operationIds, dangling refs made unknown), not the file as vendored.
  // No root types here: openapi-typescript re-cases their names (`OpenAIFile` → `OpenAiFile`) and a schema named
  // `Record` would shadow the global this file uses; names.ts exports them under the spec's own names instead.
  const ast = openapiTypes(structuredClone(doc) as OpenAPI3, SCHEMA_OPTIONS);
  // The per-operation layout: one module per component and per operation, which schema.ts then refers to.
  const split = model.perOperation ? perOperationTypes(model, ast) : undefined;
  // Megabytes for a large spec: written as openapi-typescript prints it.
  return [
    {
      path: "src/generated/schema.ts",
      verbatim: true,
      text: header(d, " with openapi-typescript") + "\n" + astToString(split?.schema ?? ast),
    },
    ...(split?.files ?? []),
  ];
};
