// One small spec (fixtures/features.openapi.yaml) with every generator feature, and exact wire tests of each: auth by
// scheme (bearer and its token provider, basic, query, cookie, header keys, alternatives, `security: []`), server
// variables, media types (CSV, bytes, multipart uploads, octet-stream uploads, server-sent events), component names,
// and the defects that degrade to warnings.
import { BaseClient, EventStream, ValidationError } from "@agentruns/core";
import { scratchWorkspace, startCaptureServer, typeErrors, type CaptureServer } from "@agentruns/testkit";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writePackage } from "../../../scripts/src/files.js";
import { normalizeSpec } from "../../../scripts/src/normalize.js";
import { describeProvider, parseSpecText } from "../../../scripts/src/provider.js";
import { renderPackage } from "../../../scripts/src/render.js";

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repo = path.resolve(here, "../..");
const FILE = "fixtures/features.openapi.yaml";

let root: string;
let dir: string;
let warnings: string[];
let gen: any;
let capture: CaptureServer;

beforeAll(async () => {
  root = await scratchWorkspace(repo, path.join(here, "node_modules", "openapi-fetch"), "features");
  const normalized = normalizeSpec(parseSpecText(await readFile(path.join(here, FILE), "utf8"), FILE), FILE);
  warnings = normalized.warnings;
  const d = describeProvider({ id: "features", title: "Features", spec: FILE }, normalized.doc);
  dir = path.join(root, "packages", "features-openapi");
  await writePackage(dir, await renderPackage(d, normalized.doc, { root }));
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
      createClient: gen.createClient,
      operationTable: gen.operationTable,
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
    expect(names).toContain('export type OpenAIFile = components["schemas"]["OpenAIFile"];');
    expect(names).toContain('export type Record = components["schemas"]["Record"];');
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

  it("an oauth2 token provider is asked per request; the stream yields typed data until [DONE]", async () => {
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
    const texts: string[] = [];
    for await (const chunk of stream) texts.push(chunk.text);
    expect(texts).toEqual(["Hel", "lo"]);
    expect(capture.only().headers.authorization).toBe("Bearer t1");
    expect(asked).toBe(1);
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
