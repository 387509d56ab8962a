// The corpus suite, run by corpus-openai.test.ts and corpus.test.ts (two files an idle machine can run at once): every
// real spec of the corpus goes through the generator as a new provider would: it generates (defects become warnings,
// not failures), the package type-checks under `strict`, and its client sends each operation the credentials that
// operation's own security requirement names, over real HTTP.
import {
  scratchWorkspace,
  startCaptureServer,
  browserBundle,
  consumerOf,
  typeCheck,
  typeErrors,
  checkExamples,
  readmeExamples,
  runExample,
  type CaptureServer,
} from "@agentruns/testkit";
import { execFile } from "node:child_process";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import openapiTS, { astToString } from "openapi-typescript";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writePackage } from "../../../scripts/src/files.js";
import { normalizeSpec } from "../../../scripts/src/normalize.js";
import { loadSpec, type ProviderDescriptor, type ProviderEntry } from "../../../scripts/src/provider.js";
import { emitClientPackage } from "../../../scripts/src/emit/client-package.js";
import { emitTypedPackage } from "../../../scripts/src/emit/typed-package.js";
import { buildModel, type ProviderModel } from "../../../scripts/src/model.js";
import type { Pagination } from "../../../scripts/src/paging.js";
import { createServer } from "node:http";
import { gzipSync } from "node:zlib";
import { symlink } from "node:fs/promises";
import { requestFor, startPrism } from "./prism.js";
import { compile, outside } from "../src/directory/compile.js";
import type { ProviderTools } from "@agentruns/core";
// By path, like the generator: the server alone, not the registry of this repo's providers (a provider's spec edit
// must not invalidate this suite; turbo.json lists the sources as inputs).
import { createServer as createMcpServer, listedTools } from "../../../packages/mcp/src/server.js";
import { Client as McpClient } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { Ajv2020 } from "ajv/dist/2020.js";

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repo = path.resolve(here, "../..");

/**
 * The corpus, each spec with what a maintainer would declare in its providers.ts entry: paging the generator cannot
 * infer (Qdrant's scroll is a POST that sends its cursor in the request body).
 */
export const CORPUS: readonly {
  id: string;
  file: string;
  operations: number;
  pagination?: ProviderEntry["pagination"];
}[] = [
  { id: "openai", file: "specs/openai.yaml", operations: 288 },
  // 231 less its WebSocket upgrade (`GET /realtime`, answered 101), which no HTTP client can make.
  { id: "portkey", file: "specs/portkey.yaml", operations: 230 },
  { id: "phoenix", file: "specs/phoenix.json", operations: 121 },
  {
    id: "qdrant",
    file: "specs/qdrant.json",
    operations: 69,
    pagination: {
      scroll_points: {
        style: "cursor",
        items: "result.points",
        next: "result.next_page_offset",
        hasMore: null,
        param: "offset",
        in: "body",
      },
    },
  },
  { id: "langfuse", file: "specs/langfuse.yml", operations: 114 },
  { id: "e2b", file: "specs/e2b.yml", operations: 64 },
  { id: "tgi", file: "specs/text-generation-inference.json", operations: 12 },
  { id: "mem0", file: "specs/mem0.json", operations: 55 },
  // 27 paths' operations less its WebSocket upgrade, which no HTTP client can make.
  { id: "agent-protocol", file: "specs/agent-protocol.json", operations: 26 },
];

const run = (cmd: string, args: string[], cwd: string) =>
  promisify(execFile)(cmd, args, { cwd, maxBuffer: 64 << 20 });

/** What `npm pack` would publish from `dir`: the tarball's bytes and its files. */
async function packed(dir: string): Promise<{ size: number; files: { path: string }[] }> {
  const { stdout } = await run("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], dir);
  return (JSON.parse(stdout) as { size: number; files: { path: string }[] }[])[0]!;
}

/**
 * Specs without a list operation that pages: TGI's only list (`GET /v1/models`) answers everything at once; the
 * Agent Protocol's searches take `limit` and `offset` but answer a bare array with no total or next field.
 */
const NO_PAGED_LIST = ["tgi", "agent-protocol"];

/** A page in the scheme `p` declares: two items then one, with the paging fields at their declared paths. */
function pageBody(p: Pagination, second: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const set = (at: string, value: unknown) => {
    const keys = at.split(".");
    let node = body;
    for (const k of keys.slice(0, -1)) node = (node[k] ??= {}) as Record<string, unknown>;
    node[keys.at(-1)!] = value;
  };
  const items = second ? [{ n: 3 }] : [{ n: 1 }, { n: 2 }];
  if (p.style === "skip") {
    return { data: items, pagination: { skip: second ? 2 : 0, limit: 2, total: 3, totalPages: 2 } };
  }
  set(p.items, items);
  if (p.style === "offset") set(p.total ?? "total", 3);
  if (p.style === "page" && p.totalPages) set(p.totalPages, 2);
  if (p.style === "page" && p.more) set(p.more, second ? null : "https://api.example/list?page=2");
  if (p.style === "cursor") {
    if (p.next) set(p.next, second ? null : "token-2");
    if (p.hasMore) set(p.hasMore, !second);
  }
  return p.items === "" ? (items as never) : body;
}

/** Instantiations of a consumer calling all 288 OpenAI operations: 6,734 measured with TypeScript 5.9.3 (35,244 before
 * signatures named the spec's types), plus ~20%. */
const OPENAI_INSTANTIATIONS = 8_100;

/** Corpus specs with a fix in overlays/. */
const overlays = new Set(["mem0"]);
/** The suite over the corpus specs named `ids` (each file of the suite runs some of them). */
export function corpusSuite(ids: readonly string[]): void {
  let root: string;
  let capture: CaptureServer;

  beforeAll(async () => {
    root = await scratchWorkspace(repo, path.join(here, "node_modules", "openapi-fetch"), "corpus");
    await mkdir(path.join(root, "node_modules", "@agentruns"), { recursive: true });
    await symlink(
      path.join(repo, "packages", "core"),
      path.join(root, "node_modules", "@agentruns", "core"),
      "dir",
    );
    // What the ergonomic packages' generated smoke tests import (their tsconfig.json type-checks test/).
    await mkdir(path.join(root, "node_modules", "@types"), { recursive: true });
    for (const name of ["vitest", "@types/node", "@agentruns/testkit"])
      await symlink(path.join(here, "node_modules", name), path.join(root, "node_modules", name), "dir");
    capture = await startCaptureServer();
  });
  afterAll(async () => {
    await capture?.close();
    await rm(root, { recursive: true, force: true });
  });

  describe.each(CORPUS.filter((c) => ids.includes(c.id)))(
    "$id ($file)",
    ({ id, file, operations, pagination }) => {
      let d: ProviderDescriptor;
      let model: ProviderModel;
      let dir: string;
      let warnings: string[];
      let spec: Record<string, any>;

      it("generates", { timeout: 180_000 }, async () => {
        // The spec as vendored, plus its overlay of fixes when it has one (overlays/<id>.overlay.yaml).
        const { doc } = await loadSpec(here, {
          id,
          title: id,
          spec: file,
          overlay: overlays.has(id) ? `overlays/${id}.overlay.yaml` : undefined,
        });
        const normalized = normalizeSpec(doc, file);
        warnings = normalized.warnings;
        spec = normalized.doc;
        const entry = { id, title: id, spec: file, pagination };
        model = buildModel(entry, normalized.doc, normalized.warnings);
        d = model.provider;
        expect(d.operations).toHaveLength(operations);
        expect(new Set(d.operations.map((o) => o.operationId)).size).toBe(operations);
        dir = path.join(root, "packages", `${id}-openapi`);
        // The spec is read for its path only in generated headers; the document itself is passed in.
        await writePackage(dir, await emitTypedPackage(model, { root }));
        for (const w of warnings) expect(w.startsWith(`${file}`)).toBe(true);
      });

      it("type-checks under strict", { timeout: 180_000 }, async () => {
        expect(await typeErrors([path.join(dir, "src/index.ts")])).toEqual([]);
      });

      it(
        "sends each operation exactly the credentials its requirement names",
        { timeout: 60_000 },
        async () => {
          const mod = await import(path.join(dir, "src/index.ts"));
          const options: Record<string, string> = {};
          for (const c of d.credentials) options[c.option] = `cred-${c.option}`;
          const client = mod.createClient({ ...options, env: {}, baseUrl: capture.url });
          capture.respondWith({ status: 200, body: {} });
          // Up to 8 operations, spread over the spec, each with its path parameters filled.
          const picks = d.operations
            .filter((_, i) => i % Math.max(1, Math.floor(d.operations.length / 8)) === 0)
            .slice(0, 8);
          for (const op of picks) {
            capture.reset();
            const params = Object.fromEntries([...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => [m[1], "p1"]));
            await client
              .request(op.method.toLowerCase(), op.path, { params: { path: params } })
              .catch(() => undefined);
            const sent = capture.only();
            expect(sent.method).toBe(op.method);
            const chosen = op.security[0] ?? [];
            const inputs = d.credentials.filter((c) => chosen.includes(c.scheme));
            const others = d.credentials.filter((c) => !chosen.includes(c.scheme) && c.kind !== "bearer");
            for (const c of inputs) {
              if (c.kind === "bearer") expect(sent.headers.authorization).toBe(`Bearer cred-${c.option}`);
              else if (c.kind === "header")
                expect(sent.headers[c.name!.toLowerCase()]).toBe(`cred-${c.option}`);
              else if (c.kind === "query")
                expect(new URLSearchParams(sent.rawQuery).get(c.name!)).toBe(`cred-${c.option}`);
              else if (c.kind === "cookie")
                expect(sent.headers.cookie).toContain(`${c.name}=cred-${c.option}`);
              else expect(sent.headers.authorization).toMatch(/^Basic /);
            }
            if (!inputs.length) expect(sent.headers.authorization).toBeUndefined();
            for (const c of others) {
              if (
                c.kind === "header" &&
                !inputs.some((i) => i.name?.toLowerCase() === c.name?.toLowerCase())
              ) {
                expect(sent.headers[c.name!.toLowerCase()]).toBeUndefined();
              }
            }
          }
        },
      );

      // The 3 MB class: what npm publishes stays within 1.5× openapi-typescript's output packed alone (no sources, no
      // maps, the schema's declarations once for both module formats, no copy of the spec).
      it.runIf(id === "openai")(
        "packs at most 1.5× openapi-typescript's output alone",
        { timeout: 180_000 },
        async () => {
          await run(process.execPath, [path.join(repo, "scripts/build-package.mjs")], dir);
          const ours = await packed(dir);
          const paths = ours.files.map((f) => f.path);
          const extra = paths.filter(
            (p) => p.startsWith("src/") || p.endsWith(".map") || p.endsWith(".json"),
          );
          expect(extra.sort()).toEqual(["dist/cjs/package.json", "package.json"]);
          expect(await readFile(path.join(dir, "dist/cjs/generated/schema.d.ts"), "utf8")).toMatch(
            /^export type \* from "\.\.\/\.\.\/generated\/schema\.js"/m,
          );
          const alone = path.join(root, "openapi-typescript-alone");
          await mkdir(alone, { recursive: true });
          await writeFile(path.join(alone, "schema.ts"), astToString(await openapiTS(spec as never)));
          await writeFile(
            path.join(alone, "package.json"),
            JSON.stringify({ name: "alone", version: "1.0.0" }),
          );
          const baseline = await packed(alone);
          expect(ours.size / baseline.size, `${ours.size} B vs ${baseline.size} B`).toBeLessThanOrEqual(1.5);
        },
      );

      // One Prism mock per spec, shared by the calls through both packages.
      let prism: Awaited<ReturnType<typeof startPrism>> | undefined;
      const mock = async () => (prism ??= await startPrism(spec, path.join(root, `${id}.prism.json`)));
      afterAll(() => prism?.stop());

      it(
        "calls at least 5 operations of a Prism mock: 2xx answers, no request-side violation",
        { timeout: 180_000 },
        async () => {
          const prism = await mock();
          {
            const mod = await import(path.join(dir, "src/index.ts"));
            const options = Object.fromEntries(d.credentials.map((c) => [c.option, `cred-${c.option}`]));
            const client = mod.createClient({ ...options, env: {}, baseUrl: prism.url });
            const passed: string[] = [];
            const skipped: string[] = [];
            const ordered = [...d.operations].sort(
              (a, b) => Number(b.method === "GET") - Number(a.method === "GET"),
            );
            for (const op of ordered) {
              if (passed.length === 5) break;
              const req = requestFor(spec, op.method, op.path);
              if (!req) continue;
              const result = await client
                .request(op.method.toLowerCase(), op.path, { ...req, parseAs: "text" })
                .catch(() => undefined);
              // Prism itself may fail to mock an operation (it dropped the connection on Portkey's WebSocket-only
              // GET /realtime, which generation now leaves out); such calls are skipped, and counted.
              if (!result) {
                skipped.push(`${op.method} ${op.path}`);
                continue;
              }
              const { response } = result;
              const violations = JSON.parse(response.headers.get("sl-violations") ?? "[]") as {
                location: string[];
              }[];
              const onRequest = violations.filter((v) => v.location[0] === "request");
              expect(onRequest, `${op.method} ${op.path}`).toEqual([]);
              if (response.status >= 200 && response.status < 300) passed.push(`${op.method} ${op.path}`);
            }
            expect(passed).toHaveLength(5);
            expect(skipped.length).toBeLessThanOrEqual(2);
          }
        },
      );

      // The ergonomic package (`@agentruns/<id>`), generated as for a provider in providers.ts: it builds under strict
      // (tsc type-checks while it emits), and a list method walks two pages of a fixture server in the declared scheme.
      let clientDir: string;
      /** The ergonomic package's full client (its class whose name ends in Client), with every credential filled. */
      const fullClient = async (baseUrl: string): Promise<Record<string, any>> => {
        const mod = await import(path.join(clientDir, "dist", "index.js"));
        const Client = Object.values(mod).find(
          (v): v is new (o: object) => Record<string, any> =>
            typeof v === "function" && /Client$/.test(v.name),
        )!;
        const options = Object.fromEntries(d.credentials.map((c) => [c.option, `cred-${c.option}`]));
        return new Client({ ...options, env: {}, baseUrl, maxRetries: 0 });
      };
      it("generates an ergonomic client that builds under strict", { timeout: 180_000 }, async () => {
        clientDir = path.join(root, "packages", id);
        await writePackage(clientDir, await emitClientPackage(model, { root }), ["src/generated"]);
        await symlink(dir, path.join(root, "node_modules", "@agentruns", `${id}-openapi`), "dir").catch(
          () => undefined,
        );
        // In this process, as `tsc -p` would (same options and diagnostics), parsing each declaration file once.
        expect(compile(path.join(dir, "tsconfig.build.json"), [])).toEqual([]);
        expect(compile(path.join(clientDir, "tsconfig.build.json"), [])).toEqual([]);
        // With its generated smoke test (test/), as the package's own typecheck task runs it (the sources were
        // checked by the build just above; here the test, and every use it makes of them).
        expect(
          compile(path.join(clientDir, "tsconfig.json"), [], outside(path.join(clientDir, "src"))),
        ).toEqual([]);
      });

      it(
        "both generated READMEs' examples type-check under strict and run as written against the Prism mock",
        { timeout: 180_000 },
        async () => {
          const prism = await mock();
          // The env vars the READMEs name: the base URL (the spec's server, else required) and every credential.
          const env = {
            [d.baseUrlEnv[0]!]: prism.url,
            ...Object.fromEntries(d.credentials.map((c) => [c.env, `cred-${c.option}`])),
          };
          const examples: { pkg: string; code: string }[] = [];
          for (const pkg of [dir, clientDir]) {
            const codes = await readmeExamples(path.join(pkg, "README.md"), "ts");
            expect(codes.length, pkg).toBeGreaterThan(0);
            examples.push(...codes.map((code) => ({ pkg, code })));
          }
          // Both READMEs' examples in one compiler run (each imports its package by name, which resolves from the
          // ergonomic package as well), then each runs from its own package.
          await checkExamples(
            clientDir,
            examples.map((e) => e.code),
          );
          for (const { pkg, code } of examples) {
            // A failed call makes the example exit non-zero (the ergonomic client throws), which fails here.
            const { stdout } = await runExample(pkg, code, env, { typescript: true, checked: true });
            // The typed client's example prints the answer's status first: the mock answered it.
            if (pkg === dir && code.includes("response.status")) expect(stdout).toMatch(/^2\d\d /);
          }
        },
      );

      it(
        "calls at least 5 operations of the Prism mock through the ergonomic client's resource methods",
        { timeout: 180_000 },
        async () => {
          const prism = await mock();
          const { methods } = model.client;
          const client = await fullClient(prism.url);
          const passed: string[] = [];
          const failed: string[] = [];
          const ordered = [...methods].sort(
            (a, b) => Number(b.method === "GET") - Number(a.method === "GET"),
          );
          for (const m of ordered) {
            if (passed.length === 5) break;
            // Paging methods walk every page: called through their first page only.
            const req = requestFor(spec, m.method, m.path);
            if (!req) continue;
            const args: unknown[] = m.pathParams.map((p) => req.params.path[p.name]);
            const params: Record<string, any> = { ...req.params.header };
            for (const [name, value] of Object.entries<unknown>(req.params.query)) {
              const group = Object.entries(m.groups).find(([g, keys]) =>
                keys.some((k) => `${g}[${k}]` === name),
              );
              if (group) (params[group[0]] ??= {})[name.slice(group[0].length + 1, -1)] = value;
              else params[name] = value;
            }
            if (m.body) args.push(req.body);
            if (m.params) args.push(params);
            const resource = m.resource.reduce((r: any, k) => r[k], client);
            const call = resource[m.name](...args);
            const answer = await (m.pagination ? call : call.withResponse()).then(
              (r: any) => r,
              (e: Error) => e,
            );
            if (answer instanceof Error) {
              // A Prism answer that is not 2xx names its request violations; the network or Prism itself failing is not ours.
              if ("status" in answer) failed.push(`${m.method} ${m.path}: ${answer.message}`);
              continue;
            }
            // A page and withResponse() both carry the Response.
            const response: Response | undefined = answer.response;
            const violations = JSON.parse(response?.headers.get("sl-violations") ?? "[]") as {
              location: string[];
            }[];
            expect(
              violations.filter((v) => v.location[0] === "request"),
              `${m.method} ${m.path}`,
            ).toEqual([]);
            passed.push(`${m.method} ${m.path}`);
          }
          expect(failed).toEqual([]);
          expect(passed).toHaveLength(5);
        },
      );

      // The same package's MCP tools (`@agentruns/<id>/tools`), served by @agentruns/mcp to the official client: every
      // operation listed with a valid name and schemas, and GET tools called against the Prism mock, their structured
      // answers checked by the client against their output schemas.
      it(
        "serves its operations as MCP tools a real client lists and calls",
        { timeout: 120_000 },
        async () => {
          const { tools } = (await import(path.join(clientDir, "dist", "generated", "tools.js"))) as {
            tools: ProviderTools;
          };
          const prism = await mock();
          const credentials = Object.fromEntries(d.credentials.map((c) => [c.option, `cred-${c.option}`]));
          // Retries on, as a server runs them: a GET on a kept-alive connection Prism has just closed (its idle time-out
          // passes between the suite's tests) is repeated, not reported.
          const retry = { baseDelayMs: 10, maxDelayMs: 50 };
          const binding = {
            tools,
            options: { ...credentials, env: {}, baseUrl: prism.url, maxRetries: 2, retry },
          };
          const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
          const server = createMcpServer({ providers: [binding], mode: "tools" });
          await server.connect(serverSide);
          const client = new McpClient({ name: "corpus", version: "1" });
          await client.connect(clientSide);
          try {
            const listed = (await client.listTools()).tools;
            expect(listed).toHaveLength(operations);
            expect(new Set(listed.map((t) => t.name)).size).toBe(operations);
            const ajv = new Ajv2020({ strict: false, logger: false });
            for (const t of listed) {
              expect(t.name).toMatch(/^[a-z0-9_]{1,64}$/);
              ajv.compile(t.inputSchema);
              if (t.outputSchema) ajv.compile(t.outputSchema);
            }
            const bytes = {
              tools: JSON.stringify({ tools: listed }).length,
              dynamic: JSON.stringify({ tools: listedTools({ providers: [binding], mode: "dynamic" }) })
                .length,
            };
            expect(bytes.dynamic).toBeLessThan(4_000);
            console.log(
              `${id}: ${operations} tools, tools/list ${bytes.tools} bytes (dynamic mode ${bytes.dynamic})`,
            );
            const passed: string[] = [];
            const failed: string[] = [];
            for (const tool of tools.tools.filter((t) => t.method === "GET")) {
              if (passed.length === 3) break;
              const req = requestFor(spec, tool.method, tool.path);
              if (!req) continue;
              const args: Record<string, unknown> = {};
              for (const [key, where] of Object.entries(tool.args)) {
                const value = where[0] === "wholeBody" ? undefined : req.params[where[0]]?.[where[1]];
                if (value !== undefined) args[key] = value;
              }
              const result = await client.callTool({ name: tool.name, arguments: args });
              const text = (result.content as { type: string; text?: string }[])
                .map((c) => c.text ?? "")
                .join("\n");
              // Prism cannot mock every operation, a 4xx it answers names its own verdict, and an answer it builds from a
              // spec's wrong example (TGI's integers given as "2") is reported as off-spec: ours are the other errors.
              if (
                result.isError &&
                /ApiError|Error \d{3}|\b[45]\d\d\b|does not match the spec's schema/.test(text)
              )
                continue;
              if (result.isError) failed.push(`${tool.name}: ${text.slice(0, 300)}`);
              else passed.push(tool.name);
            }
            expect(failed).toEqual([]);
            expect(passed.length).toBeGreaterThan(0);
          } finally {
            await client.close();
            await server.close();
          }
        },
      );

      it("walks a list method across two pages", { timeout: 60_000 }, async (ctx) => {
        const { methods } = model.client;
        const list = methods.find((m) => m.pagination);
        if (!list) {
          // Named, not hidden: these specs have no list operation that pages.
          expect(NO_PAGED_LIST).toContain(id);
          ctx.skip();
          return;
        }
        const p = list.pagination!;
        // What each page was asked with: its query, or its JSON body when the scheme sends paging fields there.
        const seen: Record<string, unknown>[] = [];
        const server = createServer(async (req, res) => {
          let raw = "";
          for await (const chunk of req) raw += chunk;
          const query = Object.fromEntries(new URL(req.url!, "http://x").searchParams);
          seen.push(p.style === "cursor" && p.in === "body" ? JSON.parse(raw) : query);
          const second = seen.length > 1;
          res.writeHead(200, {
            "content-type": "application/json",
            ...(p.style === "link" && !second ? { link: '<?page=2>; rel="next"' } : {}),
            ...(p.style === "cursor" && p.nextHeader && !second ? { [p.nextHeader]: "token-2" } : {}),
          });
          res.end(JSON.stringify(pageBody(p, second)));
        });
        await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
        try {
          const { port } = server.address() as { port: number };
          const client = await fullClient(`http://127.0.0.1:${port}`);
          const resource = list.resource.reduce((r: any, k) => r[k], client);
          const args: unknown[] = list.pathParams.map(() => "p1");
          if (list.body) args.push({});
          const items: unknown[] = [];
          for await (const item of resource[list.name](...args)) items.push(item);
          expect(items).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
          expect(seen).toHaveLength(2);
          const param = p.style === "cursor" ? p.param : p.style === "page" ? (p.param ?? "page") : undefined;
          if (p.style === "cursor") expect(seen[1]![param!]).toBe("token-2");
          if (p.style === "page") expect(seen[1]![param!]).toBe("2");
        } finally {
          server.close();
        }
      });

      // Tree-shaking per operation on the largest spec: one function and the table-less client bundle that operation's
      // entry only, not the other 287 (budget: the client alone plus 2 kB; the full client is far larger).
      it.runIf(id === "openai")("one function bundles one operation", { timeout: 60_000 }, async () => {
        const bundle = (contents: string) => browserBundle(contents, clientDir);
        const entry = path.join(clientDir, "dist", "index.js");
        const one = await bundle(
          `import { OpenaiCore, chatCompletionsCreate } from ${JSON.stringify(entry)}; globalThis.f = (c) => chatCompletionsCreate(new OpenaiCore(c), {});`,
        );
        const none = await bundle(
          `import { OpenaiCore } from ${JSON.stringify(entry)}; globalThis.f = (c) => new OpenaiCore(c);`,
        );
        const full = await bundle(
          `import { OpenaiClient } from ${JSON.stringify(entry)}; globalThis.C = OpenaiClient;`,
        );
        const text = new TextDecoder().decode(one);
        // Operation entries (each a constant of parsed JSON) are absent but the one called.
        expect(text).toContain('"operationId":"createChatCompletion"');
        for (const other of ["listAssistants", "createSpeech", "createBatch", "listVectorStores"])
          expect(text).not.toContain(`"operationId":"${other}"`);
        const [oneGz, noneGz, fullGz] = [one, none, full].map((b) => gzipSync(b).length) as [
          number,
          number,
          number,
        ];
        expect(oneGz - noneGz).toBeLessThan(2048);
        expect(fullGz).toBeGreaterThan(oneGz * 2);
      });

      // Type cost on the largest spec: a consumer calling each of the 288 operations once, type-checked under strict,
      // stays within a fixed count of instantiations over an empty file (deterministic for a TypeScript version).
      it.runIf(id === "openai")(
        "a consumer calling every operation stays within its instantiation budget",
        { timeout: 120_000 },
        async () => {
          const { methods } = model.client;
          const consumer = path.join(clientDir, "every-operation.ts");
          await writeFile(consumer, consumerOf(methods, "./dist/index.js", "OpenaiClient"));
          const emptyFile = path.join(clientDir, "empty.ts");
          await writeFile(emptyFile, "export {};\n");
          const empty = (await typeCheck([emptyFile])).instantiations;
          const { errors, instantiations } = await typeCheck([consumer]);
          expect(errors).toEqual([]);
          const cost = instantiations - empty;
          console.log(`openai: ${methods.length} operations, ${cost} instantiations over an empty file`);
          expect(cost).toBeLessThanOrEqual(OPENAI_INSTANTIATIONS);
        },
      );
    },
  );
}
