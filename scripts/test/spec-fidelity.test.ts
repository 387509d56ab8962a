// The vendored specs match their sources exactly: Avido byte-for-byte, Duvo's six operations structurally,
// and every parameter and example field of the rendered pages (Duvo list runs, Duckie list runs).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseSpecText } from "../src/provider.js";
import { examplePayload, queryParams, type PageParam } from "./rendered-page.js";

type Json = Record<string, any>;
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const read = (file: string) => readFile(path.join(repo, file), "utf8");
const spec = async (file: string) => parseSpecText(await read(file), file);

/** Inlines local $refs and folds `{type, allOf: [X], nullable}` (how the vendored spec names a nullable schema) into X. */
function resolve(doc: Json, node: any): any {
  if (Array.isArray(node)) return node.map((n) => resolve(doc, n));
  if (!node || typeof node !== "object") return node;
  if (typeof node.$ref === "string") {
    const target = node.$ref
      .slice(2)
      .split("/")
      .reduce((n: Json, k: string) => n[k], doc);
    return resolve(doc, target);
  }
  if (Array.isArray(node.allOf) && node.allOf.length === 1 && node.nullable === true) {
    return { ...resolve(doc, node.allOf[0]), nullable: true };
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, resolve(doc, v)]));
}

describe("Avido spec", () => {
  it("is the upstream YAML document of seed 003, byte for byte", async () => {
    const seed = await read("specs/upstream/avido-list-runs.seed-003.md");
    const block = seed.match(/````yaml[^\n]*\n([\s\S]*?)\n````/)![1]!;
    expect(await read("specs/avido.openapi.yaml")).toBe(block + "\n");
  });
});

describe("Duvo spec", () => {
  it("carries each operation of seed 002 unchanged (operationId and summary added)", async () => {
    const seed = await read("specs/upstream/duvo-runs-operations.seed-002.md");
    const blocks = [...seed.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => JSON.parse(m[1]!) as Json);
    expect(blocks).toHaveLength(6);
    const doc = await spec("specs/duvo.openapi.json");
    for (const block of blocks) {
      expect(doc.servers).toEqual(block.servers);
      expect(doc.security).toEqual(block.security);
      expect(doc.tags).toEqual(block.tags);
      expect(doc.openapi).toBe(block.openapi);
      expect({ title: doc.info.title, version: doc.info.version }).toEqual(block.info);
      expect(doc.components.securitySchemes).toEqual(block.components.securitySchemes);
      for (const [p, item] of Object.entries<Json>(block.paths)) {
        for (const [method, op] of Object.entries<Json>(item)) {
          const { operationId, summary, ...vendored } = resolve(doc, doc.paths[p][method]);
          expect(operationId, `${method} ${p}`).toMatch(/^[a-z][A-Za-z]+$/);
          expect(summary).toBeTruthy();
          expect(vendored, `${method} ${p}`).toEqual(op);
        }
      }
    }
  });
});

/** Checks one rendered parameter against the vendored schema of the same name. */
function checkParam(p: PageParam, param: Json) {
  const array = p.type.endsWith("[]");
  const schema = array ? param.schema.items : param.schema;
  const base = p.type.replace(/\[\]$/, "");
  expect(param.schema.type, p.name).toBe(
    array ? "array" : base.startsWith("enum") ? "string" : base.replace(/<.*/, ""),
  );
  const format = base.match(/^string<(.+)>$/)?.[1];
  expect(schema.format, p.name).toBe(format);
  expect(schema.enum, p.name).toEqual(p.options);
  expect(param.schema.default === undefined ? undefined : String(param.schema.default), p.name).toBe(
    p.default,
  );
  expect(schema.pattern, p.name).toBe(p.pattern);
  expect(param.schema.maxItems, p.name).toBe(p.maxItems);
  expect(schema.maxLength, p.name).toBe(p.maxLength);
  const range = p.range?.match(/^(?:(\d+) <= )?x(?: <= (\d+)| >= (\d+))?$/);
  expect(schema.minimum, p.name).toBe(
    range?.[1] ? Number(range[1]) : range?.[3] ? Number(range[3]) : undefined,
  );
  expect(schema.maximum, p.name).toBe(range?.[2] ? Number(range[2]) : undefined);
  if (param.description !== undefined) expect(p.text[0], p.name).toBe(param.description);
}

/** Every field of the page's example exists in the schema with a matching JSON type. */
function checkExample(doc: Json, value: unknown, schema: Json, at: string) {
  schema = resolve(doc, schema);
  if (value === "<unknown>") return expect(schema.type, at).toBeUndefined();
  const types: string[] = [schema.type ?? (schema.oneOf ?? []).map((s: Json) => s.type ?? "object")].flat();
  if (types.includes("null") || schema.nullable) types.push("null");
  if (schema.oneOf) schema = schema.oneOf.find((s: Json) => s.type !== "null");
  if (Array.isArray(value)) {
    expect(types, at).toContain("array");
    return checkExample(doc, value[0], schema.items, `${at}[0]`);
  }
  if (value && typeof value === "object") {
    expect(types, at).toContain("object");
    for (const [k, v] of Object.entries(value)) {
      expect(schema.properties, `${at}.${k} is in the schema`).toHaveProperty([k]);
      checkExample(doc, v, schema.properties[k], `${at}.${k}`);
    }
    return;
  }
  const json =
    typeof value === "number"
      ? Number.isInteger(value)
        ? ["integer", "number"]
        : ["number"]
      : [typeof value];
  expect(
    types.some((t) => json.includes(t)),
    `${at}: ${types} vs ${JSON.stringify(value)}`,
  ).toBe(true);
}

describe.each([
  {
    name: "Duvo GET /v1/runs",
    page: "specs/upstream/duvo-list-runs.seed-000.txt",
    file: "specs/duvo.openapi.json",
    path: "/v1/runs",
  },
  {
    name: "Duckie GET /api/v1/runs",
    page: "specs/upstream/duckie-list-runs.seed-004.txt",
    file: "specs/duckie.openapi.yaml",
    path: "/api/v1/runs",
  },
])("$name matches its rendered page", ({ page, file, path: p }) => {
  it("has every parameter with the page's type, default, range, enum, pattern and limits", async () => {
    const text = await read(page);
    const doc = await spec(file);
    const op = resolve(doc, doc.paths[p].get);
    const byName = new Map<string, Json>(op.parameters.map((x: Json) => [x.name, x]));
    const rendered = queryParams(text);
    expect(rendered.length).toBeGreaterThan(10);
    const unnamed = rendered.filter((r) => r.name === "");
    for (const r of rendered) {
      if (r.name === "") {
        // Shown without a name: the spec fills the name from the reference and says so.
        const match = [...byName.values()].find((x) => x.description === r.text[0]);
        expect(match, `a parameter described "${r.text[0]}"`).toBeDefined();
        expect(match!["x-agentruns-reconstructed"]).toBeTruthy();
        checkParam({ ...r, name: match!.name, type: match!.schema.type }, match!);
        continue;
      }
      if (r.name.startsWith("metadata.")) {
        const meta = byName.get("metadata")!;
        expect(meta["x-agentruns-query-style"]).toBe("dotted");
        expect(meta.schema.additionalProperties).toEqual({ type: "string", maxLength: r.maxLength });
        expect(meta.schema.propertyNames.pattern).toBe("^[A-Za-z0-9._:-]+$");
        expect(meta.description).toContain(r.text[0]);
        continue;
      }
      expect(byName.has(r.name), `${r.name} is in the spec`).toBe(true);
      checkParam(r, byName.get(r.name)!);
    }
    // Nothing in the spec that the page does not show.
    expect(byName.size).toBe(rendered.length);
    expect(unnamed.length).toBe(1);
  });

  it("describes every field of the page's example response", async () => {
    const doc = await spec(file);
    const schema = doc.paths[p].get.responses["200"].content["application/json"].schema;
    checkExample(doc, examplePayload(await read(page)), schema, "response");
  });
});
