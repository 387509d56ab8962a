// Generation checks what it is told: a providers.ts entry that does not fit its spec stops generation naming the
// entry; a spec defect a validating server would enforce differently from what clients send is a warning naming its
// pointer; a problem in the inputs (an overlay, an entry) is one line from the command, never a stack trace.
import { execFile } from "node:child_process";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { buildModel } from "../src/model.js";
import { normalizeSpec } from "../src/normalize.js";
import type { ProviderEntry } from "../src/provider.js";

const repo = path.resolve(import.meta.dirname, "../..");
const exec = promisify(execFile);

const doc = {
  openapi: "3.1.0",
  info: { title: "Items", version: "1" },
  paths: {
    "/items": {
      get: {
        operationId: "listItems",
        parameters: [{ name: "cursor", in: "query", schema: { type: "string" } }],
        responses: {
          "200": {
            description: "a page",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: { data: { type: "array", items: {} }, next: { type: "string" } },
                },
              },
            },
          },
        },
      },
      post: {
        operationId: "createItem",
        requestBody: {
          content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } },
        },
        responses: {
          "201": {
            description: "created",
            content: { "application/json": { schema: { type: "object", properties: { item: {} } } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Item: {
        type: "object",
        required: ["id", "name"],
        properties: { id: { type: "string", readOnly: true }, name: { type: "string" } },
      },
    },
  },
};

const model = (extra: Partial<ProviderEntry>) =>
  buildModel(
    { id: "items", title: "Items", spec: "items.json", ...extra },
    normalizeSpec(doc, "items.json").doc,
  );

describe("a providers.ts entry that does not fit its spec stops generation, naming the entry", () => {
  it.each<[Partial<ProviderEntry>, string]>([
    [
      { pagination: { listThings: { style: "link", items: "data" } } },
      'scripts/providers.ts, items.pagination.listThings: items.json has no operation "listThings" (operationIds: listItems, createItem)',
    ],
    [
      { pagination: { listItems: { style: "cursor", items: "", param: "cursor", next: "next" } } },
      `scripts/providers.ts, items.pagination.listItems: items "" says the answer is the list, but its schema is not an array`,
    ],
    [
      { pagination: { listItems: { style: "cursor", items: "data", param: "after", next: "meta.next" } } },
      'scripts/providers.ts, items.pagination.listItems: next "meta.next" is not a field of the answer; param "after" is not a query parameter of the operation (cursor)',
    ],
    [
      { unwrap: { createItem: "run" } },
      `scripts/providers.ts, items.unwrap.createItem: "run" is not a field of the operation's JSON answer`,
    ],
    [{ idempotent: ["deleteItem"] }, 'items.idempotent.deleteItem: items.json has no operation "deleteItem"'],
    [
      { idempotent: ["listItems"] },
      "items.idempotent.listItems: a GET is retried like this already; remove it",
    ],
    [
      { methods: { createItem: "Items.Add" } },
      'items.methods.createItem: "Items.Add" must be "resource.method"',
    ],
  ])("%j", (entry, message) => {
    expect(() => model(entry)).toThrow(message);
  });

  it("a declaration that fits generates", () => {
    const m = model({
      pagination: { listItems: { style: "cursor", items: "data", param: "cursor", next: "next" } },
      unwrap: { createItem: "item" },
      methods: { createItem: "items.add" },
    });
    expect(m.client.methods.map((x) => `${x.resource.join(".")}.${x.name}`)).toEqual([
      "items.list",
      "items.add",
    ]);
  });
});

it("a request body requiring a readOnly field is a warning naming the schema", () => {
  expect(normalizeSpec(doc, "items.json").warnings).toEqual([
    'items.json#/components/schemas/Item: "id" is required but readOnly (only answers carry it); clients leave it out of requests, which a server or mock validating them by this schema refuses',
  ]);
});

it("a bad overlay or entry is one line from the command, with no stack trace", async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), "agentruns-checks-"));
  try {
    await cp(path.join(repo, "specs"), path.join(root, "specs"), { recursive: true });
    await writeFile(
      path.join(root, "specs/duckie.overlay.yaml"),
      "overlay: 1.0.0\nactions:\n  - target: $.nothing[0]\n    update: { a: 1 }\n",
    );
    const failed = await exec("node", [
      path.join(repo, "scripts/run.mjs"),
      "generate",
      "--check",
      "--root",
      root,
      "duckie",
    ]).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr.trim()).toBe(
      'error: specs/duckie.overlay.yaml#/actions/0: target "$.nothing[0]" matches nothing in the spec; fix the JSONPath or remove the action',
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
