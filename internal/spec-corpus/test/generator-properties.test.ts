// Property tests of the generator (fast-check): for arbitrary small documents (test/arbitrary-spec.ts), both
// generated packages build and type-check under strict with the smoke test, and a call of every operation through
// the ergonomic client sends exactly what the operation describes — method, path, query, headers, cookies, body and
// its media type — to a loopback capture server. A shrunk counterexample becomes a fixture in fixtures/generality/.
import { startCaptureServer, type CaptureServer, type CapturedRequest } from "@agentruns/testkit";
import fc from "fast-check";
import { rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { sampleValue, valueFor } from "../../../scripts/src/example-value.js";
import { resolveRef } from "../../../scripts/src/json-ref.js";
import { paramsFirst } from "../../../scripts/src/method-signature.js";
import { normalizeSpec } from "../../../scripts/src/normalize.js";
import { buildModel } from "../../../scripts/src/model.js";
import { checkSpec } from "../src/directory/check-spec.js";
import { specArbitrary } from "./arbitrary-spec.js";
import type { ProviderTools } from "@agentruns/core";
// By path: the server alone, not this repo's provider registry (see corpus.test.ts).
import { createServer as createMcpServer } from "../../../packages/mcp/src/server.js";
import { Client as McpClient } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";

type Json = Record<string, any>;
const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repo = path.resolve(here, "../..");
let capture: CaptureServer;
let n = 0;

beforeAll(async () => (capture = await startCaptureServer()));
afterAll(() => capture?.close());

/** One input value for a rule: the spec-shaped sample first, as the smoke test picks it. */
const inputFor = (doc: Json, rule: Json, schema: Json | undefined) =>
  valueFor(rule, [sampleValue(doc, schema, { examples: false })])?.value;

/** What the request must carry for `op` called with `values` (path, query, header, cookie, body). */
function expectWire(
  sent: CapturedRequest,
  op: { method: string; path: string; spec: Json },
  values: Json,
  body: unknown,
) {
  expect(sent.method).toBe(op.method);
  let pathname = op.path;
  for (const [name, v] of Object.entries(values.path))
    pathname = pathname.replaceAll(`{${name}}`, encodeURIComponent(String(v)));
  expect(sent.pathname).toBe(pathname);
  const query = new URLSearchParams(sent.rawQuery);
  for (const [name, v] of Object.entries<unknown>(values.query))
    expect(query.getAll(name), `query ${name}`).toEqual(Array.isArray(v) ? v.map(String) : [String(v)]);
  expect([...new Set(query.keys())].sort()).toEqual(Object.keys(values.query).sort());
  for (const [name, v] of Object.entries<unknown>(values.header))
    expect(sent.headers[name.toLowerCase()], `header ${name}`).toBe(
      Array.isArray(v) ? v.map(String).join(",") : String(v),
    );
  const cookies = new Map(
    (sent.headers.cookie ?? "")
      .split("; ")
      .filter(Boolean)
      .map((c) => c.split("=") as [string, string]),
  );
  for (const [name, v] of Object.entries<unknown>(values.cookie))
    expect(decodeURIComponent(cookies.get(name) ?? ""), `cookie ${name}`).toBe(String(v));
  const media = op.spec.body?.media ?? (op.spec.body ? "json" : undefined);
  if (body === undefined) return expect(sent.body).toBe("");
  const type = String(sent.headers["content-type"] ?? "");
  if (media === "json") {
    expect(type).toMatch(/^application\/json/);
    expect(JSON.parse(sent.body)).toEqual(body);
  } else if (media === "form") {
    expect(type).toMatch(/^application\/x-www-form-urlencoded/);
    const form = new URLSearchParams(sent.body);
    for (const [k, v] of Object.entries<unknown>(body as Json))
      if (typeof v !== "object") expect(form.get(k)).toBe(String(v));
  } else if (media === "multipart") {
    expect(type).toMatch(/^multipart\/form-data; boundary=/);
    for (const k of Object.keys(body as Json)) expect(sent.body).toContain(`name="${k}"`);
  } else {
    expect(type).toBe(op.spec.body.contentType);
    expect(sent.body).toBe(body);
  }
}

it(
  "both packages build for arbitrary operations, and every call sends exactly what its operation describes",
  { timeout: 600_000 },
  async () => {
    await fc.assert(
      fc.asyncProperty(specArbitrary, async (spec) => {
        const id = `prop${++n}`;
        // Every other spec with the per-operation layout: the full client's methods then call the per-operation
        // functions (functions.ts re-exports them), so their calls are held to the same wire.
        const perOperation = n % 2 === 0;
        const root = path.join(os.tmpdir(), `agentruns-props-${process.pid}-${id}`);
        const specFile = path.join(os.tmpdir(), `agentruns-props-${process.pid}-${id}.json`);
        await writeFile(specFile, JSON.stringify(spec, null, 2));
        let ok = false;
        try {
          const check = await checkSpec({
            repo,
            corpusPackage: here,
            root,
            id,
            specFile,
            keep: true,
            compare: false,
            entry: { perOperation },
          });
          const failed = Object.entries(check.stages).filter(([stage, r]) => stage !== "alone" && !r.ok);
          expect(failed.map(([stage, r]) => `${stage}: ${r.errors?.join("\n")}`)).toEqual([]);

          const { doc } = normalizeSpec(spec, "spec.json");
          const entry = { id, title: "Prop API", spec: "spec.json", perOperation };
          const model = buildModel(entry, doc);
          const table = model.operations as Json;
          const { methods } = model.client;
          const mod = await import(path.join(root, "packages", id, "dist", "index.js"));
          const client = new mod.PropAPIClient({ env: {}, baseUrl: capture.url, maxRetries: 0 });
          const sent: { m: (typeof methods)[number]; values: Json; body: unknown }[] = [];
          for (const m of methods) {
            const opSpec = table[m.operationId];
            const raw = doc.paths[m.path][m.method.toLowerCase()];
            const params = (where: string) =>
              (raw.parameters ?? []).map((p: Json) => resolveRef(doc, p)).filter((p: Json) => p.in === where);
            const values: Json = { path: {}, query: {}, header: {}, cookie: {} };
            const args: unknown[] = [];
            for (const p of m.pathParams) {
              values.path[p.name] = inputFor(
                doc,
                opSpec.pathParams[p.name].schema,
                params("path").find((x: Json) => x.name === p.name)?.schema,
              );
              args.push(values.path[p.name]);
            }
            let body: unknown;
            if (m.body) {
              const media = Object.values<Json>(resolveRef(doc, raw.requestBody).content)[0]!;
              body = inputFor(doc, opSpec.body.schema, media.schema);
            }
            const bag: Json = {};
            for (const where of ["query", "header", "cookie"]) {
              for (const p of params(where)) {
                const v = inputFor(doc, opSpec[where][p.name].schema, p.schema);
                values[where][p.name] = v;
                // A header or cookie whose name a query parameter takes has its own key (`classHeader`).
                const key = Object.keys(m.renamed).find(
                  (k) => m.renamed[k] === p.name && (m as any)[where].includes(k),
                );
                bag[where !== "query" && key ? key : p.name] = v;
              }
            }
            // In the signature's order: an optional body after required params (method-signature.ts paramsFirst).
            if (paramsFirst(m)) args.push(bag, body);
            else {
              if (m.body) args.push(body);
              if (m.params) args.push(bag);
            }
            capture.reset();
            const resource = m.resource.reduce((r: any, k) => r[k], client);
            const result = resource[m.name](...args);
            await (m.pagination ? result : result).then(
              () => undefined,
              (e: Error) => {
                if (!("status" in e)) throw e;
              },
            );
            expectWire(capture.requests[0]!, { method: m.method, path: m.path, spec: opSpec }, values, body);
            expect(capture.requests).toHaveLength(1);
            sent.push({ m, values, body });
          }

          // The same calls through the package's MCP tools, served to the official client: each sends what its
          // operation describes (a flattened body carries the fields its tool takes).
          const { tools } = (await import(
            path.join(root, "packages", id, "dist", "generated", "tools.js")
          )) as {
            tools: ProviderTools;
          };
          expect(tools.tools.map((t) => t.operationId)).toEqual(methods.map((m) => m.operationId));
          const names = tools.tools.map((t) => t.name);
          expect(new Set(names).size).toBe(names.length);
          for (const name of names) expect(name).toMatch(/^[a-z0-9_]{1,64}$/);
          const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
          const server = createMcpServer({
            providers: [{ tools, options: { env: {}, baseUrl: capture.url, maxRetries: 0 } }],
            mode: "tools",
          });
          await server.connect(serverSide);
          const mcp = new McpClient({ name: "props", version: "1" });
          await mcp.connect(clientSide);
          try {
            for (const { m, values, body } of sent) {
              const tool = tools.tools.find((t) => t.operationId === m.operationId)!;
              const args: Json = {};
              let expectedBody: unknown;
              for (const [key, where] of Object.entries(tool.args)) {
                if (where[0] === "wholeBody") {
                  if (body !== undefined) args[key] = expectedBody = body;
                } else if (where[0] === "body") {
                  const v = (body as Json | undefined)?.[where[1]];
                  if (v !== undefined) args[key] = ((expectedBody ??= {}) as Json)[where[1]] = v;
                } else if (values[where[0]]?.[where[1]] !== undefined) args[key] = values[where[0]][where[1]];
              }
              // A required body goes out even with no field given; an optional one only with a field.
              if (expectedBody === undefined && tool.requiredBody) expectedBody = {};
              capture.reset();
              const result = await mcp.callTool({ name: tool.name, arguments: args });
              const text = JSON.stringify(result.content);
              expect(capture.requests, `${tool.name}: ${text}`).toHaveLength(1);
              expectWire(
                capture.requests[0]!,
                { method: m.method, path: m.path, spec: table[m.operationId] },
                values,
                expectedBody,
              );
            }
          } finally {
            await mcp.close();
            await server.close();
          }
          ok = true;
        } finally {
          // The last failing document (after shrinking, the smallest) is kept for a fixture.
          if (!ok)
            await writeFile(
              path.join(os.tmpdir(), "agentruns-property-counterexample.json"),
              JSON.stringify(spec, null, 2),
            );
          await rm(root, { recursive: true, force: true });
          await rm(specFile, { force: true });
        }
      }),
      {
        numRuns: Number(process.env.GENERATOR_PROPERTY_RUNS ?? 12),
        seed: Number(process.env.GENERATOR_PROPERTY_SEED ?? 20_261_201),
      },
    );
  },
);
