// One small spec (fixtures/features.openapi.yaml) with every generator feature, and exact wire tests of each: auth by
// scheme (bearer and its token provider, basic, query, cookie, header keys, alternatives, `security: []`), server
// variables, media types (CSV, bytes, multipart uploads, octet-stream uploads, server-sent events, newline-delimited
// JSON streams), component names,
// and the defects that degrade to warnings; then the same operations through the generated ergonomic client, whose
// methods return what each media type says (typed and at run time).
import { createServer } from "node:http";
import {
  ApiAbortError,
  ApiConnectionError,
  BaseClient,
  EventStream,
  JsonLinesStream,
  ValidationError,
  eventStream,
} from "@agentruns/core";
import { Client as McpClient } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import {
  leaksOf,
  scratchWorkspace,
  startCaptureServer,
  typeErrors,
  type CaptureServer,
} from "@agentruns/testkit";
import { execFile } from "node:child_process";
import { mkdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writePackage } from "../../../scripts/src/files.js";
import { normalizeSpec } from "../../../scripts/src/normalize.js";
import { emitClientPackage } from "../../../scripts/src/emit/client-package.js";
import { emitTypedPackage } from "../../../scripts/src/emit/typed-package.js";
import { buildModel, type ProviderModel } from "../../../scripts/src/model.js";
import { parseSpecText } from "../../../scripts/src/provider.js";
import { serveHttp } from "../../../packages/mcp/src/http.js";
import { createServer as createMcpServer } from "../../../packages/mcp/src/server.js";

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repo = path.resolve(here, "../..");
const FILE = "fixtures/features.openapi.yaml";

let root: string;
let dir: string;
let warnings: string[];
let gen: any;
let capture: CaptureServer;
let model: ProviderModel;
let spec: Record<string, any>;

beforeAll(async () => {
  root = await scratchWorkspace(repo, path.join(here, "node_modules", "openapi-fetch"), "features");
  const normalized = normalizeSpec(parseSpecText(await readFile(path.join(here, FILE), "utf8"), FILE), FILE);
  warnings = normalized.warnings;
  model = buildModel({ id: "features", title: "Features", spec: FILE }, normalized.doc, normalized.warnings);
  spec = normalized.doc;
  dir = path.join(root, "packages", "features-openapi");
  await writePackage(dir, await emitTypedPackage(model, { root }));
  gen = await import(path.join(dir, "src/index.ts"));
  capture = await startCaptureServer();
}, 60_000);
afterAll(async () => {
  await capture?.close();
  await rm(root, { recursive: true, force: true });
});

/** An ergonomic client over the generated package, as a provider package declares one (loaded at run time: untyped). */
const client = (options: Record<string, unknown>) =>
  new BaseClient<any>(
    {
      title: "Features",
      provider: gen.provider,
      operationTable: gen.operationTable,
      stream: eventStream,
    },
    { env: {}, baseUrl: capture.url, maxRetries: 0, ...options },
  ) as unknown as { request(operationId: string, input: Record<string, unknown>): Promise<unknown> };

describe("defects degrade to warnings naming file and pointer", () => {
  it("dangling $ref, broken discriminator mapping, $ref inside an x- extension", () => {
    expect(warnings).toEqual([
      `${FILE}#/paths/~1shapes/get/responses/200/content/application~1json/schema/oneOf/1: $ref "#/components/schemas/Missing" does not resolve; typed as unknown`,
      `${FILE}#/paths/~1shapes/get/responses/200/content/application~1json/schema/discriminator/mapping: "square" names "#/components/schemas/Square", which does not exist; mapping entry dropped`,
      `${FILE}: 1 x- extension(s) holding $refs ignored (extensions are not part of the API)`,
    ]);
  });
});

describe("names", () => {
  it("operations without an operationId get method + path; components keep the spec's names", async () => {
    expect(Object.keys(gen.operationTable)).toContain("getThings");
    const names = await readFile(path.join(dir, "src/generated/names.ts"), "utf8");
    // Object schemas are interfaces (their names show in editors), under the spec's own names.
    expect(names).toContain('export interface OpenAIFile extends $Schema<"OpenAIFile"> {}');
    expect(names).toContain('export interface Record extends $Schema<"Record"> {}');
  });

  it("the package type-checks, uses of the types included", async () => {
    const usage = path.join(dir, "usage.ts");
    await writeFile(
      usage,
      [
        'import type { OpenAIFile, Record, ServerVariables } from "./src/index.js";',
        'const f: OpenAIFile = { id: "file-1" };',
        'const r: Record = { any: "string" };',
        'const v: ServerVariables = { scheme: "https", port: "443" };',
        "// @ts-expect-error not one of the server's schemes",
        'const w: ServerVariables = { scheme: "ftp" };',
        "export { f, r, v, w };",
      ].join("\n"),
    );
    expect(await typeErrors([path.join(dir, "src/index.ts"), usage])).toEqual([]);
  });
});

describe("servers", () => {
  it("variables fill the template: defaults, or the values given", () => {
    expect(gen.defaultServerUrl()).toBe("http://localhost:4010/v1");
    expect(gen.defaultServerUrl({ scheme: "https", port: "8443" })).toBe("https://localhost:8443/v1");
  });
});

describe("auth by security scheme", () => {
  it("alternatives: the first one fully provided is sent, and only it", async () => {
    capture.respondWith({ body: { data: [] } });
    capture.reset();
    await client({ apiKey: "tok", queryKey: "qk" }).request("getThings", {});
    expect(capture.only().headers.authorization).toBe("Bearer tok");
    expect(capture.only().rawQuery).toBe("");
    capture.reset();
    await client({ queryKey: "qk 1" }).request("getThings", {});
    expect(capture.only().headers.authorization).toBeUndefined();
    expect(capture.only().rawQuery).toBe("api_key=qk+1");
  });

  it("an operation whose requirement cannot be filled is rejected before sending, naming the option and env var", async () => {
    capture.reset();
    const e = await client({ apiKey: "tok" })
      .request("getReport", { path: { thing_id: "t1" }, header: { "X-Export-Format": "csv" } })
      .then(
        () => undefined,
        (x: unknown) => x,
      );
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as Error).message).toBe(
      'Features getReport needs the Features credential "basicAuthUsername": pass { basicAuthUsername } to new Features() or set FEATURES_BASIC_AUTH_USERNAME.',
    );
    expect(capture.requests).toHaveLength(0);
  });

  it("basic auth per operation, header and cookie parameters, and a CSV answer as text", async () => {
    capture.reset();
    capture.respondWith({ headers: { "content-type": "text/csv" }, body: "id,n\nt1,2\n" });
    const csv = await client({ apiKey: "tok", basicAuthUsername: "pk", basicAuthPassword: "sk:é" }).request(
      "getReport",
      { path: { thing_id: "t1" }, header: { "X-Export-Format": "csv" }, cookie: { locale: "de DE" } },
    );
    expect(csv).toBe("id,n\nt1,2\n");
    const sent = capture.only();
    expect(sent.headers.authorization).toBe(`Basic ${Buffer.from("pk:sk:é").toString("base64")}`);
    expect(sent.headers["x-export-format"]).toBe("csv");
    expect(sent.headers.cookie).toBe("locale=de%20DE");
  });

  it("header parameters are validated before sending: required, enum, control characters, unknown names", async () => {
    capture.reset();
    const c = client({ basicAuthUsername: "pk", basicAuthPassword: "sk" });
    const problem = (header: Record<string, string>) =>
      c.request("getReport", { path: { thing_id: "t1" }, header }).then(
        () => "sent",
        (e: Error) => e.message,
      );
    expect(await problem({})).toBe("Invalid input to Features getReport: X-Export-Format is required");
    expect(await problem({ "X-Export-Format": "pdf" })).toBe(
      'Invalid input to Features getReport: X-Export-Format must be one of "csv", "tsv" (got "pdf")',
    );
    expect(await problem({ "X-Export-Format": "csv\r\nx: y" })).toBe(
      "Invalid input to Features getReport: X-Export-Format contains a control character (CR, LF, …)",
    );
    expect(await problem({ "X-Export-Format": "csv", "X-Other": "1" })).toBe(
      'Invalid input to Features getReport: unknown header parameter "X-Other" (known: X-Export-Format)',
    );
    expect(capture.requests).toHaveLength(0);
  });

  it("a cookie key, and bytes as a Blob", async () => {
    capture.reset();
    capture.respondWith({
      headers: { "content-type": "application/octet-stream" },
      body: "\u0001\u0002bytes",
    });
    const blob = (await client({ cookieKey: "s=1;x" }).request("getFile", {
      path: { thing_id: "t1" },
    })) as Blob;
    expect(blob).toBeInstanceOf(Blob);
    expect(await blob.text()).toBe("\u0001\u0002bytes");
    expect(capture.only().headers.cookie).toBe("session=s%3D1%3Bx");
    expect(capture.only().headers.authorization).toBeUndefined();
  });

  it("security: [] sends no credential at all, with an octet-stream upload", async () => {
    capture.reset();
    capture.respondWith({ status: 204, body: "" });
    await client({ apiKey: "tok", queryKey: "qk", headerKey: "hk" }).request("putBlob", {
      path: { name: "a.bin" },
      body: new Uint8Array([1, 2, 3, 250]),
    });
    const sent = capture.only();
    expect(sent.headers["content-type"]).toBe("application/octet-stream");
    expect(sent.headers["content-length"]).toBe("4");
    expect([sent.headers.authorization, sent.headers["x-key"], sent.headers.cookie, sent.rawQuery]).toEqual([
      undefined,
      undefined,
      undefined,
      "",
    ]);
  });

  it("a header key with a multipart upload of a File", async () => {
    capture.reset();
    capture.respondWith({ status: 201, body: { id: "file-1" } });
    const file = new File(["hello upload"], "notes.txt", { type: "text/plain" });
    const created = await client({ headerKey: "hk" }).request("createUpload", {
      body: { file, purpose: "batch" },
    });
    expect(created).toEqual({ id: "file-1" });
    const sent = capture.only();
    expect(sent.headers["x-key"]).toBe("hk");
    expect(sent.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(sent.body).toContain('Content-Disposition: form-data; name="file"; filename="notes.txt"');
    expect(sent.body).toContain("hello upload");
    expect(sent.body).toContain('name="purpose"\r\n\r\nbatch');
  });

  it("a multipart upload missing a required field is rejected before sending", async () => {
    capture.reset();
    const e = await client({ headerKey: "hk" })
      .request("createUpload", { body: { file: new Blob(["x"]) } as never })
      .then(
        () => undefined,
        (x: unknown) => x,
      );
    expect((e as Error).message).toBe("Invalid input to Features createUpload: body.purpose is required");
    expect(capture.requests).toHaveLength(0);
  });
});

describe("server-sent events", () => {
  const sse = 'data: {"text":"Hel"}\n\nevent: token\ndata: {"text":"lo"}\n\ndata: [DONE]\n\n';

  it("an oauth2 token provider is asked per request; the stream yields named, typed events until [DONE]", async () => {
    capture.reset();
    capture.respondWith({ headers: { "content-type": "text/event-stream" }, body: sse });
    let asked = 0;
    const token = async () => `t${++asked}`;
    const stream = (await client({ oauth: token }).request("generate", {
      body: { prompt: "hi" },
    })) as EventStream<{
      text: string;
    }>;
    expect(stream).toBeInstanceOf(EventStream);
    const events: [string, string][] = [];
    for await (const { event, data } of stream) events.push([event, data.text]);
    // An event without a name is a `message` event, as the SSE standard says.
    expect(events).toEqual([
      ["message", "Hel"],
      ["token", "lo"],
    ]);
    expect(capture.only().headers.authorization).toBe("Bearer t1");
    expect(capture.only().headers.accept).toBe("text/event-stream");
    expect(asked).toBe(1);
  });

  it("events keep their names and ids through the typed iterator", async () => {
    capture.reset();
    capture.respondWith({
      headers: { "content-type": "text/event-stream" },
      body: 'id: 1\nevent: values\ndata: {"step":1}\n\nid: 2\nevent: messages\ndata: ["hi"]\n\n',
    });
    const stream = (await client({}).request("streamEvents", {})) as EventStream<unknown>;
    const events = [];
    for await (const e of stream) events.push(e);
    expect(events).toEqual([
      { event: "values", data: { step: 1 }, id: "1" },
      { event: "messages", data: ["hi"], id: "2" },
    ]);
    expect(capture.only().headers.accept).toBe("text/event-stream");
  });

  it("raw events keep their names", async () => {
    capture.reset();
    capture.respondWith({ headers: { "content-type": "text/event-stream" }, body: sse });
    const stream = (await client({ oauth: "x" }).request("generate", {
      body: { prompt: "hi" },
    })) as EventStream<unknown>;
    const events = [];
    for await (const e of stream.events()) events.push([e.event, e.data]);
    expect(events).toEqual([
      [undefined, '{"text":"Hel"}'],
      ["token", '{"text":"lo"}'],
      [undefined, "[DONE]"],
    ]);
  });
});

describe("the generated ergonomic client", () => {
  let clientDir: string;
  let Features: new (options: Record<string, unknown>) => any;

  beforeAll(async () => {
    clientDir = path.join(root, "packages", "features");
    await writePackage(clientDir, await emitClientPackage(model, { root }), ["src/generated"]);
    const scope = path.join(root, "node_modules", "@agentruns");
    await mkdir(scope, { recursive: true });
    await symlink(path.join(repo, "packages", "core"), path.join(scope, "core"), "dir");
    await symlink(dir, path.join(scope, "features-openapi"), "dir");
    const tsc = path.join(repo, "node_modules", ".bin", "tsc");
    await promisify(execFile)(tsc, ["-p", "tsconfig.build.json"], { cwd: dir });
    await promisify(execFile)(tsc, ["-p", "tsconfig.build.json"], { cwd: clientDir });
    Features = (await import(path.join(clientDir, "dist", "index.js"))).FeaturesClient;
  }, 120_000);

  it("types each method by its media types: event stream, Blob, text, File/Blob uploads", async () => {
    const usage = path.join(clientDir, "usage.ts");
    await writeFile(
      usage,
      [
        'import { FeaturesClient, type EventStream, type JsonLinesStream } from "./src/index.js";',
        'import type { Token } from "@agentruns/features-openapi";',
        "export async function use(c: FeaturesClient) {",
        '  const stream: EventStream<Token> = await c.generate.create({ prompt: "hi" });',
        "  for await (const t of stream) t.data.text satisfies string;",
        "  for await (const text of stream.data()) text satisfies Token;",
        "  // Events typed per name: a discriminated union.",
        "  for await (const e of await c.events.create()) {",
        '    if (e.event === "values") e.data.step satisfies number;',
        "    else e.data satisfies string[];",
        "  }",
        "  // Events described only in words carry any JSON, under any name.",
        "  for await (const e of await c.notes.list()) {",
        "    e.event satisfies string;",
        "    e.data satisfies unknown;",
        "    // @ts-expect-error the data's shape is not known",
        "    void e.data.anything;",
        "  }",
        '  const bytes: Blob = await c.things.file("t1");',
        '  const csv: string = await c.things.report("t1", { "X-Export-Format": "csv" });',
        '  await c.uploads.create({ file: new File(["x"], "a.txt"), purpose: "batch" });',
        '  const stored: void = await c.blobs.update("a.bin", new Blob([new Uint8Array([1])]));',
        "  // @ts-expect-error a 204-only operation resolves to nothing",
        '  const count: number = await c.blobs.update("a.bin", new Blob([]));',
        "  // A declared 304 is an answer with no body: the thing, or undefined.",
        '  const thing: { id: string } | undefined = await c.things.get("t1", { "If-None-Match": "e1" });',
        "  // @ts-expect-error it may be undefined",
        '  const sure: { id: string } = await c.things.get("t1");',
        "  // @ts-expect-error purpose is required",
        "  await c.uploads.create({ file: new Blob([]) });",
        "  // @ts-expect-error not one of the header's values",
        '  await c.things.report("t1", { "X-Export-Format": "pdf" });',
        "  const logs = await c.logs.list({ follow: true });",
        '  for await (const l of logs) l.level satisfies "info" | "error";',
        "  // @ts-expect-error the lines are log objects, not strings",
        "  const wrongLines: JsonLinesStream<string> = await c.logs.list();",
        "  // JSON declared with media type parameters, in any case, is JSON both ways.",
        '  const task = await c.tasks.create({ name: "a" });',
        "  task.id satisfies string;",
        "  // @ts-expect-error name is required",
        "  await c.tasks.create({});",
        "  // @ts-expect-error the stream's items are Tokens, not numbers",
        '  const wrong: EventStream<number> = await c.generate.create({ prompt: "hi" });',
        "  return [stream, bytes, csv, wrong, wrongLines, stored, count, thing, sure];",
        "}",
      ].join("\n"),
    );
    expect(await typeErrors([usage])).toEqual([]);
  });

  it("streams newline-delimited JSON as typed items, asking for it, across chunks that split lines", async () => {
    const lines = ['{"level":"info","message":"start"}', "", '{"level":"error","message":"disk full"}'];
    // The answer arrives in pieces cut mid-line, the last line without its newline.
    const text = lines.join("\n");
    const server = createServer((req, res) => {
      res.writeHead(200, { "content-type": "application/x-ndjson" });
      const cuts = [0, 10, 37, 50, text.length];
      let i = 0;
      const next = () =>
        ++i < cuts.length
          ? res.write(text.slice(cuts[i - 1], cuts[i]), () => setTimeout(next, 5))
          : res.end();
      (server as any).accept = req.headers.accept;
      next();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const { port } = server.address() as { port: number };
      const c = new Features({ env: {}, baseUrl: `http://127.0.0.1:${port}`, maxRetries: 0 });
      const stream = await c.logs.list({ follow: true });
      expect(stream).toBeInstanceOf(JsonLinesStream);
      const got: unknown[] = [];
      for await (const line of stream) got.push(line);
      expect(got).toEqual([
        { level: "info", message: "start" },
        { level: "error", message: "disk full" },
      ]);
      expect((server as any).accept).toBe("application/x-ndjson");
    } finally {
      server.close();
    }
  });

  it("a JSON-lines stream ends with a typed error on a line that is not JSON, and on abort", async () => {
    capture.reset();
    capture.respondWith({
      headers: { "content-type": "application/x-ndjson" },
      body: '{"level":"info","message":"a"}\nnot json\n',
    });
    const c = new Features({ env: {}, baseUrl: capture.url, maxRetries: 0 });
    const got: unknown[] = [];
    const broken = await (async () => {
      try {
        for await (const line of await c.logs.list()) got.push(line);
      } catch (e) {
        return e;
      }
    })();
    expect(got).toHaveLength(1);
    expect(broken).toBeInstanceOf(ApiConnectionError);
    expect((broken as Error).message).toMatch(/line 2 of the JSON-lines stream is not JSON/);

    // An endless stream, ended by the caller's signal after the first item.
    const server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/x-ndjson" });
      const tick = setInterval(() => res.write('{"level":"info","message":"tick"}\n'), 10);
      res.on("close", () => clearInterval(tick));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const { port } = server.address() as { port: number };
      const controller = new AbortController();
      const endless = new Features({ env: {}, baseUrl: `http://127.0.0.1:${port}`, maxRetries: 0 });
      const stream = await endless.logs.list({ follow: true }, { signal: controller.signal });
      const seen: unknown[] = [];
      const ended = await (async () => {
        try {
          for await (const line of stream) {
            seen.push(line);
            controller.abort();
          }
        } catch (e) {
          return e;
        }
      })();
      expect(seen).toHaveLength(1);
      expect(ended).toBeInstanceOf(ApiAbortError);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it("streams server-sent events as typed items until [DONE]", async () => {
    capture.reset();
    capture.respondWith({
      headers: { "content-type": "text/event-stream" },
      body: 'data: {"text":"Hel"}\n\ndata: {"text":"lo"}\n\ndata: [DONE]\n\n',
    });
    const c = new Features({ oauth: "tok", env: {}, baseUrl: capture.url, maxRetries: 0 });
    const stream = await c.generate.create({ prompt: "hi" });
    expect(stream).toBeInstanceOf(EventStream);
    const texts: string[] = [];
    for await (const t of stream.data()) texts.push(t.text);
    expect(texts).toEqual(["Hel", "lo"]);
    expect(JSON.parse(capture.only().body)).toEqual({ prompt: "hi" });
  });

  it("answers bytes as a Blob and CSV as text", async () => {
    const c = new Features({
      cookieKey: "s",
      basicAuthUsername: "u",
      basicAuthPassword: "p",
      env: {},
      baseUrl: capture.url,
    });
    capture.respondWith({ headers: { "content-type": "application/octet-stream" }, body: "\u0001bytes" });
    const blob = await c.things.file("t 1");
    expect(blob).toBeInstanceOf(Blob);
    expect(await blob.text()).toBe("\u0001bytes");
    capture.reset();
    capture.respondWith({ headers: { "content-type": "text/csv" }, body: "id\nt1\n" });
    expect(await c.things.report("t1", { "X-Export-Format": "csv" })).toBe("id\nt1\n");
    expect(capture.only().headers["x-export-format"]).toBe("csv");
  });

  it("no-content answers: a 204 resolves undefined, a declared 304 resolves with its status, an undeclared one throws", async () => {
    const c = new Features({
      basicAuthUsername: "u",
      basicAuthPassword: "p",
      env: {},
      baseUrl: capture.url,
      maxRetries: 0,
    });
    capture.reset();
    capture.respondWith({ status: 204, body: "" });
    expect(await c.blobs.update("a.bin", new Blob([new Uint8Array([1])]))).toBeUndefined();
    capture.respondWith({ status: 304, body: "", headers: { etag: '"e1"' } });
    const { data, response } = await c.things.get("t1", { "If-None-Match": '"e1"' }).withResponse();
    expect(data).toBeUndefined();
    expect(response.status).toBe(304);
    expect(response.headers.get("etag")).toBe('"e1"');
    // getReport declares no 304: it is an error, as any other status outside 2xx.
    const e = await c.things.report("t1", { "X-Export-Format": "csv" }, { maxRetries: 0 }).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(Error);
    expect((e as { status?: number }).status).toBe(304);
  });

  it("sends and reads JSON declared with media type parameters as JSON", async () => {
    const c = new Features({ env: {}, baseUrl: capture.url });
    capture.reset();
    capture.respondWith({
      headers: { "content-type": "application/problem+json; charset=utf-8" },
      body: '{"id":"t1"}',
    });
    expect(await c.tasks.create({ name: "a" })).toEqual({ id: "t1" });
    expect(capture.only().headers["content-type"]).toBe("application/json");
    expect(capture.only().body).toBe('{"name":"a"}');
  });

  it("uploads a File as multipart and a Blob as octet-stream; a missing field is rejected before sending", async () => {
    const c = new Features({ headerKey: "hk", env: {}, baseUrl: capture.url, maxRetries: 0 });
    capture.reset();
    capture.respondWith({ status: 201, body: { id: "file-1" } });
    const file = new File(["hello upload"], "notes.txt", { type: "text/plain" });
    expect(await c.uploads.create({ file, purpose: "batch" })).toEqual({ id: "file-1" });
    const sent = capture.only();
    expect(sent.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(sent.body).toContain('filename="notes.txt"');
    expect(sent.body).toContain("hello upload");
    capture.reset();
    capture.respondWith({ status: 204, body: "" });
    await c.blobs.update("a.bin", new Blob([new Uint8Array([1, 2, 250])]));
    expect(capture.only().headers["content-type"]).toBe("application/octet-stream");
    expect(capture.only().headers["content-length"]).toBe("3");
    capture.reset();
    const e = await c.uploads.create({ file }).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(ValidationError);
    // Through the method, the message names it as its caller wrote it, the operationId beside it.
    expect((e as Error).message).toBe(
      "Invalid input to Features uploads.create (createUpload): body.purpose is required",
    );
    expect(capture.requests).toHaveLength(0);
  });

  it("as MCP tools, answers text, bytes, events and JSON lines with no credential in them, cut or whole, on both transports", async () => {
    const { tools } = (await import(path.join(clientDir, "dist", "generated", "tools.js"))) as {
      tools: {
        provider: { credentials: { option: string }[] };
        tools: { name: string; operationId: string }[];
      };
    };
    const options = Object.fromEntries(
      tools.provider.credentials.map((c) => [c.option, `sec/ret+${c.option}=0123456789`]),
    );
    const secrets = Object.values(options);
    const all = secrets.map((v) => `${v} ${encodeURIComponent(v)}`).join(" ");
    // The upstream answers each media type with every credential in it, in names, values, ids and bytes.
    const upstream = createServer((req, res) => {
      const at = new URL(req.url ?? "/", "http://x").pathname;
      const named = Object.fromEntries(secrets.map((v) => [v, v]));
      if (at.endsWith("/report")) {
        res.writeHead(200, { "content-type": "text/csv" });
        return res.end(`${"x".repeat(1024 - 6)}${secrets[0]}\n${all}`);
      }
      if (at.endsWith("/file")) {
        res.writeHead(200, { "content-type": "application/octet-stream" });
        return res.end(Buffer.from(`\u0001${all}\u0000`));
      }
      if (at === "/logs") {
        res.writeHead(200, { "content-type": "application/x-ndjson" });
        return res.end(`${JSON.stringify({ level: "info", message: all, ...named })}\n`);
      }
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.end(
        `event: token\nid: ${secrets[0]}\ndata: ${JSON.stringify({ text: all, ...named })}\n\n` +
          `event: values\ndata: ${JSON.stringify({ step: 1, [secrets[1]!]: all })}\n\ndata: [DONE]\n\n`,
      );
    });
    await new Promise<void>((r) => upstream.listen(0, "127.0.0.1", r));
    const baseUrl = `http://127.0.0.1:${(upstream.address() as { port: number }).port}`;
    const binding = { tools: tools as never, options: { ...options, env: {}, baseUrl, maxRetries: 0 } };
    const name = (operationId: string) => tools.tools.find((t) => t.operationId === operationId)!.name;
    const calls: [string, Record<string, unknown>][] = [
      [name("getReport"), { thing_id: "t1", "X-Export-Format": "csv" }],
      [name("getFile"), { thing_id: "t1" }],
      [name("generate"), { prompt: "hi" }],
      [name("streamEvents"), {}],
      [name("streamLogs"), {}],
    ];
    const serverOptions = { providers: [binding], mode: "tools" as const, maxAnswerBytes: 1024 };
    /** Calls every tool, recording every message the client receives. */
    const callAll = async (client: McpClient, transport: { onmessage?: (m: any, e?: any) => void }) => {
      const seen: unknown[] = [];
      const deliver = transport.onmessage!;
      transport.onmessage = (m, e) => void (seen.push(m), deliver(m, e));
      const results = [];
      for (const [tool, args] of calls) results.push(await client.callTool({ name: tool, arguments: args }));
      return { seen, results };
    };
    const check = ({ seen, results }: Awaited<ReturnType<typeof callAll>>) => {
      for (const r of results) expect(r.isError, JSON.stringify(r).slice(0, 300)).toBeFalsy();
      const [report, file, generated, events, logs] = results.map((r) => JSON.stringify(r));
      expect(report).toContain("[answer cut");
      expect(file).toContain('"type":"resource"');
      expect(generated).toContain("[redacted]");
      expect(events).toContain("[redacted]");
      expect(logs).toContain("[redacted]");
      expect(leaksOf(secrets, seen)).toEqual([]);
    };
    try {
      const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
      await createMcpServer(serverOptions).connect(serverSide);
      const memory = new McpClient({ name: "features", version: "1" });
      await memory.connect(clientSide);
      check(await callAll(memory, clientSide));
      await memory.close();

      const http = await serveHttp(() => createMcpServer(serverOptions));
      const overHttp = new McpClient({ name: "features", version: "1" });
      const transport = new StreamableHTTPClientTransport(new URL(http.url));
      await overHttp.connect(transport);
      check(await callAll(overHttp, transport));
      await overHttp.close();
      await http.close();
    } finally {
      upstream.closeAllConnections();
      upstream.close();
    }
  });
});
