// A key the spec sends as a plain parameter, declared in providers.ts (keyParameter), is a credential like any other:
// the parameter leaves every operation, the operations that had it require (or accept) an apiKey scheme, and the
// provider's facts give it the `apiKey` option and `<ID>_API_KEY` env var; a declaration the spec does not fit stops
// generation naming the entry.
import { describe, expect, it } from "vitest";
import { declareKey } from "../src/declared-key.js";
import { InputError } from "../src/input-error.js";
import { describeProvider } from "../src/provider.js";

const key = {
  in: "header",
  name: "xi-api-key",
  required: false,
  description: "Your API key.",
  schema: { type: "string" },
};
const ok = { "200": { description: "ok" } };
/** A FastAPI-shaped spec: the key a header parameter of each operation, one by $ref, one on the path item. */
const spec = () => ({
  openapi: "3.0.2",
  info: { title: "t", version: "1" },
  components: { parameters: { Key: { ...key, required: true } } },
  paths: {
    "/v1/history": {
      get: {
        operationId: "listHistory",
        parameters: [key, { in: "query", name: "page", schema: {} }],
        responses: ok,
      },
    },
    "/v1/voices/{id}": {
      parameters: [key],
      get: {
        operationId: "getVoice",
        parameters: [{ in: "path", name: "id", required: true }],
        responses: ok,
      },
      delete: { operationId: "deleteVoice", responses: ok },
    },
    "/v1/user": {
      get: { operationId: "getUser", parameters: [{ $ref: "#/components/parameters/Key" }], responses: ok },
    },
    "/health": { get: { operationId: "health", responses: ok } },
  },
});
const entry = { id: "eleven", spec: "specs/eleven.json" };

describe("keyParameter", () => {
  it("moves the parameter into an apiKey scheme: optional where the spec's parameter was, required where it was", () => {
    const doc = declareKey(spec(), { in: "header", name: "xi-api-key" }, entry);
    const params = (path: string, method: string) =>
      [...(doc.paths[path].parameters ?? []), ...(doc.paths[path][method].parameters ?? [])].map(
        (p: any) => p.name ?? p.$ref,
      );
    expect(params("/v1/history", "get")).toEqual(["page"]);
    expect(params("/v1/voices/{id}", "get")).toEqual(["id"]);
    expect(params("/v1/user", "get")).toEqual([]);
    expect(doc.paths["/v1/history"].get.security).toEqual([{ apiKey: [] }, {}]);
    expect(doc.paths["/v1/voices/{id}"].delete.security).toEqual([{ apiKey: [] }, {}]);
    expect(doc.paths["/v1/user"].get.security).toEqual([{ apiKey: [] }]);
    expect(doc.paths["/health"].get.security).toBeUndefined();
    expect(doc.components.securitySchemes.apiKey).toEqual({
      type: "apiKey",
      in: "header",
      name: "xi-api-key",
      description: "Your API key.",
    });
  });

  it("required: true refuses a call without it everywhere the parameter was", () => {
    const doc = declareKey(spec(), { in: "header", name: "XI-API-KEY", required: true }, entry);
    expect(doc.paths["/v1/history"].get.security).toEqual([{ apiKey: [] }]);
  });

  it("gives the provider the apiKey option and <ID>_API_KEY env var, sent under the parameter's name", () => {
    const facts = describeProvider(
      { id: "eleven", title: "Eleven", spec: "x.json" },
      declareKey(spec(), { in: "header", name: "xi-api-key" }, entry),
    );
    expect(facts.credentials).toEqual([
      expect.objectContaining({
        kind: "header",
        header: "xi-api-key",
        option: "apiKey",
        env: "ELEVEN_API_KEY",
      }),
    ]);
  });

  it("a parameter no operation has, or a spec with its own apiKey scheme, stops generation naming the entry", () => {
    expect(() => declareKey(spec(), { in: "query", name: "xi-api-key" }, entry)).toThrow(
      new InputError(
        'scripts/providers.ts, eleven.keyParameter: no operation of specs/eleven.json has the query parameter "xi-api-key"',
      ),
    );
    const taken = spec() as any;
    taken.components.securitySchemes = { apiKey: { type: "http", scheme: "bearer" } };
    expect(() => declareKey(taken, { in: "header", name: "xi-api-key" }, entry)).toThrow(
      /already has a security scheme/,
    );
  });
});
