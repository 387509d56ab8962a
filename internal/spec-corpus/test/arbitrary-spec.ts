// fast-check arbitraries of small OpenAPI documents that stress the generator: parameters in every location, required
// and optional in every order, bodies of every media type, names with symbols, digits, reserved words and casing
// collisions, component schemas named like the packages' own exports, $ref chains, allOf, oneOf with a discriminator.
import fc from "fast-check";

type Json = Record<string, any>;

/** Names that have broken or could break generated identifiers. */
export const NAMES = [
  "id",
  "user-id",
  "user_id",
  "UserId",
  "userId",
  "2fa",
  "class",
  "default",
  "delete",
  "new",
  "constructor",
  "toString",
  "params",
  "body",
  "options",
  "client",
  "a.b",
  "x y",
  "$top",
  "Rule",
  "Page",
  "createClient",
  "ApiError",
  "operations",
  "paths",
  "type",
  "RequestOptions",
  "ÄÖ",
  "emoji🙂",
];
/** Component names: schema names the typed and ergonomic packages also export, and ones that only differ in case. */
export const COMPONENTS = [
  "Rule",
  "ParamSpec",
  "OperationSpec",
  "Credentials",
  "Page",
  "APIPromise",
  "ApiError",
  "Widget",
  "widget",
  "Run",
  "run-item",
  "1stItem",
  "Record",
  "Response",
  "Error",
];
const SEGMENTS = [
  "runs",
  "items",
  "v1",
  "api",
  "search",
  "stop",
  "Run-Items",
  "copy",
  "wait",
  "x_y",
  "client",
  "raw",
];

const scalar: fc.Arbitrary<Json> = fc.oneof(
  fc.constant({ type: "string" }),
  fc.constant({ type: "string", format: "uuid" }),
  fc.constant({ type: "string", format: "date-time" }),
  fc.constantFrom(["a", "b"], ["queued", "running", "done"]).map((e) => ({ type: "string", enum: e })),
  fc.record({ type: fc.constant("integer"), minimum: fc.integer({ min: -5, max: 5 }) }),
  fc.constant({ type: "number", maximum: 100 }),
  fc.constant({ type: "boolean" }),
);

/** A schema, possibly a $ref to a component (named from COMPONENTS), an object, an array, allOf or oneOf. */
function schema(components: readonly string[]): fc.Arbitrary<Json> {
  const ref = components.length
    ? fc.constantFrom(...components).map((n) => ({ $ref: `#/components/schemas/${n}` }))
    : scalar;
  const object = fc
    .uniqueArray(fc.constantFrom(...NAMES.slice(0, 18)), { minLength: 1, maxLength: 3 })
    .chain((keys) =>
      fc
        .record({
          props: fc.tuple(...keys.map(() => fc.oneof(scalar, ref))),
          required: fc.subarray(keys),
        })
        .map(({ props, required }) => ({
          type: "object",
          properties: Object.fromEntries(keys.map((k, i) => [k, props[i]])),
          ...(required.length ? { required } : {}),
        })),
    );
  return fc.oneof(
    { weight: 3, arbitrary: object },
    { weight: 2, arbitrary: ref },
    { weight: 1, arbitrary: scalar.map((s) => ({ type: "array", items: s })) },
    { weight: 1, arbitrary: fc.tuple(ref, object).map(([r, o]) => ({ allOf: [r, o] })) },
    { weight: 1, arbitrary: fc.constant({ type: "object", additionalProperties: true }) },
  );
}

/** Header and cookie names are HTTP tokens; query names may be anything (they are percent-encoded). */
const TOKEN_NAMES = NAMES.filter((n) => /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(n));

const parameter = fc
  .oneof(
    fc.record({ in: fc.constant("query"), name: fc.constantFrom(...NAMES) }),
    fc.record({ in: fc.constantFrom("header", "cookie"), name: fc.constantFrom(...TOKEN_NAMES) }),
  )
  .chain((where) =>
    fc.record({
      in: fc.constant(where.in),
      name: fc.constant(where.name),
      required: fc.boolean(),
      schema: fc.oneof(
        { weight: 4, arbitrary: scalar },
        { weight: 1, arbitrary: scalar.map((s) => ({ type: "array", items: s })) },
      ),
    }),
  );

const MEDIA = [
  "application/json",
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "text/plain",
  "application/octet-stream",
];

function operation(components: readonly string[]) {
  return fc.record({
    method: fc.constantFrom("get", "post", "put", "patch", "delete"),
    segments: fc.array(
      fc.oneof(
        fc.constantFrom(...SEGMENTS),
        fc.constantFrom(...NAMES.slice(0, 8)).map((n) => `{${n}}`),
      ),
      { minLength: 1, maxLength: 3 },
    ),
    parameters: fc.uniqueArray(parameter, {
      maxLength: 4,
      selector: (p) => `${p.in}:${p.name.toLowerCase()}`,
    }),
    body: fc.option(
      fc.record({ required: fc.boolean(), media: fc.constantFrom(...MEDIA), schema: schema(components) }),
      { nil: undefined },
    ),
    tag: fc.option(fc.constantFrom("Runs", "runs", "Background Runs", "2fa", "default"), { nil: undefined }),
    operationId: fc.option(fc.constantFrom(...NAMES, "listRuns", "list-runs", "ListRuns"), {
      nil: undefined,
    }),
  });
}

/** A whole document: 1–4 operations over distinct paths, a few components, OpenAPI 3.0 or 3.1. */
export const specArbitrary: fc.Arbitrary<Json> = fc
  .uniqueArray(fc.constantFrom(...COMPONENTS), { maxLength: 4 })
  .chain((names) =>
    fc.record({
      version: fc.constantFrom("3.0.3", "3.1.0"),
      components: fc.tuple(
        ...names.map((_, i) => (i === 0 ? fc.oneof(scalar, schema([])) : schema(names.slice(0, i)))),
      ),
      operations: fc.array(operation(names), { minLength: 1, maxLength: 4 }),
      discriminated: fc.boolean(),
      names: fc.constant(names),
    }),
  )
  .map(({ version, components, operations, discriminated, names }) => {
    const schemas: Json = Object.fromEntries(names.map((n, i) => [n, components[i]]));
    if (discriminated && names.length) {
      // A oneOf over two tagged objects with a discriminator mapping.
      schemas.Tagged = {
        oneOf: [{ $ref: "#/components/schemas/TaggedA" }, { $ref: "#/components/schemas/TaggedB" }],
        discriminator: {
          propertyName: "kind",
          mapping: { a: "#/components/schemas/TaggedA", b: "#/components/schemas/TaggedB" },
        },
      };
      schemas.TaggedA = {
        type: "object",
        required: ["kind"],
        properties: { kind: { type: "string", enum: ["a"] }, a: { type: "integer" } },
      };
      schemas.TaggedB = {
        type: "object",
        required: ["kind"],
        properties: { kind: { type: "string", enum: ["b"] }, b: { type: "string" } },
      };
    }
    const paths: Json = {};
    operations.forEach((op, i) => {
      // Path parameter names unique within the path.
      const seen = new Set<string>();
      const segments = op.segments.map((s) => {
        if (!s.startsWith("{")) return s;
        let name = s.slice(1, -1);
        while (seen.has(name)) name += "2";
        seen.add(name);
        return `{${name}}`;
      });
      const path = `/${segments.join("/")}`;
      const item = (paths[path] ??= {});
      if (item[op.method]) return;
      const pathParams = [...seen].map((name) => ({
        name,
        in: "path",
        required: true,
        schema: { type: "string" },
      }));
      item[op.method] = {
        ...(op.operationId ? { operationId: `${op.operationId}${i ? i : ""}` } : {}),
        ...(op.tag ? { tags: [op.tag] } : {}),
        parameters: [...pathParams, ...op.parameters],
        ...(op.body && op.method !== "get" && op.method !== "delete"
          ? {
              requestBody: {
                required: op.body.required,
                content: {
                  [op.body.media]: {
                    schema:
                      op.body.media === "text/plain" || op.body.media === "application/octet-stream"
                        ? {
                            type: "string",
                            ...(op.body.media.endsWith("octet-stream") ? { format: "binary" } : {}),
                          }
                        : op.body.schema.type === "object" || op.body.schema.$ref || op.body.schema.allOf
                          ? op.body.schema
                          : { type: "object", properties: { value: op.body.schema } },
                  },
                },
              },
            }
          : {}),
        responses: {
          "200": {
            description: "ok",
            content: {
              "application/json": {
                schema:
                  discriminated && names.length
                    ? { $ref: "#/components/schemas/Tagged" }
                    : { type: "object" },
              },
            },
          },
        },
      };
    });
    return {
      openapi: version,
      info: { title: "Prop API", version: "1" },
      servers: [{ url: "https://api.example.com" }],
      paths,
      components: { schemas },
    };
  });
