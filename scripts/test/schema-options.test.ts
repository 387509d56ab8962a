// The natural calls compile without casts: a free-form object (`metadata: { type: object }`) takes any fields, and a
// request field with a `default` may be left out (the server fills it in), as openapi-typescript renders them with
// the options the generator passes (emit/typed/schema.ts SCHEMA_OPTIONS).
import { typeCheck } from "@agentruns/testkit";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { emitTypedPackage } from "../src/emit/typed-package.js";
import { buildModel } from "../src/model.js";
import { normalizeSpec } from "../src/normalize.js";

const repo = path.resolve(import.meta.dirname, "../..");
const doc = {
  openapi: "3.1.0",
  info: { title: "Threads", version: "1" },
  servers: [{ url: "https://api.threads.example" }],
  paths: {
    "/threads": {
      post: {
        operationId: "createThread",
        requestBody: {
          required: true,
          content: { "application/json": { schema: { $ref: "#/components/schemas/ThreadCreate" } } },
        },
        responses: {
          "200": {
            description: "ok",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Thread" } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      ThreadCreate: {
        type: "object",
        properties: {
          metadata: { type: "object" },
          if_exists: { type: "string", enum: ["raise", "do_nothing"], default: "raise" },
        },
      },
      Thread: { type: "object", required: ["thread_id"], properties: { thread_id: { type: "string" } } },
    },
  },
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(repo, "packages", ".tmp-schema-options-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it("free-form objects take fields and defaulted fields are optional in requests", async () => {
  const { doc: normalized } = normalizeSpec(structuredClone(doc), "threads.json");
  const model = buildModel({ id: "threads", title: "Threads", spec: "threads.json" }, normalized);
  const files = await emitTypedPackage(model, { root: repo });
  await mkdir(path.join(dir, "src/generated"), { recursive: true });
  for (const file of ["src/generated/schema.ts", "src/generated/names.ts"])
    await writeFile(path.join(dir, file), files.get(file)!);
  const usage = path.join(dir, "usage.ts");
  await writeFile(
    usage,
    `import type { ThreadCreate } from "./src/generated/names.js";\n` +
      `export const withMetadata: ThreadCreate = { metadata: { team: "billing", priority: 2 } };\n` +
      `export const empty: ThreadCreate = {};\n` +
      `// @ts-expect-error: the enum still holds\n` +
      `export const wrong: ThreadCreate = { if_exists: "replace" };\n`,
  );
  expect((await typeCheck([usage])).errors).toEqual([]);
});
