// The per-operation layout (a provider entry's `perOperation`, on by default for the largest documents): the features
// spec generated with it builds both packages and its smoke test; a consumer of two `fn/` entry points type-checks
// against the operations' exact types without loading the whole API's (schema.d.ts, the full client, the functions
// module); and each per-operation function sends exactly what the full client's method sends, over real HTTP.
import {
  readmeExamples,
  runExample,
  startCaptureServer,
  typeCheck,
  type CaptureServer,
} from "@agentruns/testkit";
import { existsSync } from "node:fs";
import { readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { portableFileNames } from "../../../scripts/src/file-names.js";
import { buildModel, PER_OPERATION_FROM, type ProviderModel } from "../../../scripts/src/model.js";
import { normalizeSpec } from "../../../scripts/src/normalize.js";
import { parseSpecText } from "../../../scripts/src/provider.js";
import { checkSpec } from "../src/directory/check-spec.js";

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repo = path.resolve(here, "../..");
const FILE = path.join(here, "fixtures", "features.openapi.yaml");
const id = "fx-per-op";
const root = path.join(os.tmpdir(), `agentruns-per-operation-${process.pid}`);
const ergonomic = path.join(root, "packages", id);

/** Instantiations of the three-call consumer below over an empty file: 338 measured with TypeScript 5.9.3 (418 with a
 * module per operation), plus ~20%. */
const PER_OPERATION_CONSUMER = 400;

let model: ProviderModel;
let capture: CaptureServer;

beforeAll(async () => {
  const check = await checkSpec({
    repo,
    corpusPackage: here,
    root,
    id,
    specFile: FILE,
    compare: false,
    keep: true,
    entry: { perOperation: true },
  });
  const failed = Object.entries(check.stages).filter(([, r]) => !r.ok);
  expect(failed.map(([stage, r]) => `${stage}: ${r.errors?.join("\n")}`)).toEqual([]);
  expect(Object.keys(check.stages)).toEqual(["generate", "typed", "ergonomic", "smoke"]);
  // The consumer imports the ergonomic package by name, through its exports map, as an app would.
  const link = path.join(root, "node_modules", "@agentruns", id);
  if (!existsSync(link)) await symlink(ergonomic, link, "dir");
  const normalized = normalizeSpec(parseSpecText(await readFile(FILE, "utf8"), FILE), FILE);
  model = buildModel({ id, title: "Features", spec: FILE, perOperation: true }, normalized.doc);
  capture = await startCaptureServer();
}, 180_000);
afterAll(async () => {
  await capture?.close();
  await rm(root, { recursive: true, force: true });
});

describe("a consumer of per-operation entry points", () => {
  it("type-checks against the operations' own types and loads none of the whole API's", async () => {
    const fn = (name: string) => `@agentruns/${id}/fn/${model.perOperation!.fns.get(name)}`;
    const lite = `${model.client.coreClass}Lite`;
    // An ES module (`.mts`): the scratch build is the ES one.
    const consumer = path.join(root, "consumer.mts");
    await writeFile(
      consumer,
      [
        `import { ${lite} } from "@agentruns/${id}/fn";`,
        `import { thingsList } from "${fn("thingsList")}";`,
        `import { tasksCreate } from "${fn("tasksCreate")}";`,
        `import { thingsReport } from "${fn("thingsReport")}";`,
        `export async function use(c: ${lite}) {`,
        "  const list = await thingsList(c);",
        "  list.data[0]?.id satisfies string | undefined;",
        '  const task = await tasksCreate(c, { name: "a" });',
        "  task.id satisfies string;",
        "  // @ts-expect-error name is required",
        "  await tasksCreate(c, {});",
        '  const csv: string = await thingsReport(c, "t1", { "X-Export-Format": "csv" });',
        "  // @ts-expect-error not one of the header's values",
        '  await thingsReport(c, "t1", { "X-Export-Format": "pdf" });',
        "  return [list, task, csv];",
        "}",
        `export const client = new ${lite}({ env: {} });`,
      ].join("\n"),
    );
    const { errors, files: loaded, instantiations } = await typeCheck([consumer]);
    expect(errors).toEqual([]);
    // What the three calls cost the checker over an empty file: deterministic for a TypeScript version.
    const empty = path.join(root, "empty.mts");
    await writeFile(empty, "export {};\n");
    const cost = instantiations - (await typeCheck([empty])).instantiations;
    console.log(`per-operation consumer: ${cost} instantiations over an empty file`);
    expect(cost).toBeLessThanOrEqual(PER_OPERATION_CONSUMER);
    const generated = loaded
      .filter((f) => f.startsWith(path.join(root, "packages")))
      .map((f) => path.basename(f));
    // The modules of what the three calls name: their operations' groups and the components those refer to; of the
    // operations' modules, theirs only.
    const layout = model.perOperation!;
    const groups = ["thingsList", "tasksCreate", "thingsReport"].map((fn) => {
      const { operationId } = model.client.methods.find((m) => m.fn === fn)!;
      return `${layout.ops.get(operationId)}.d.ts`;
    });
    for (const own of [...groups, "ThingList.d.ts", "Thing.d.ts"]) expect(generated).toContain(own);
    const opModules = loaded
      .filter((f) => f.includes(`${path.sep}ops${path.sep}`))
      .map((f) => path.basename(f));
    expect(new Set(opModules)).toEqual(new Set(groups));
    expect(layout.groups.size).toBeLessThan(model.client.methods.length);
    for (const whole of ["schema.d.ts", "names.d.ts", "operations.d.ts", "functions.d.ts", "client.d.ts"])
      expect(generated).not.toContain(whole);
  }, 60_000);

  it("each function sends what the full client's method sends, and takes the full client too", async () => {
    const full = (await import(path.join(ergonomic, "dist", "index.js")))[model.client.clientClass];
    const { [`${model.client.coreClass}Lite`]: Lite } = await import(
      path.join(ergonomic, "dist", "generated", "fn-core.js")
    );
    const credentials = Object.fromEntries(
      model.provider.credentials.map((c) => [c.option, `test-${c.option}`]),
    );
    const options = { ...credentials, env: {}, baseUrl: capture.url, maxRetries: 0 };
    const fn = async (name: string) =>
      (
        await import(
          path.join(ergonomic, "dist", "generated", "fn", `${model.perOperation!.fns.get(name)}.js`)
        )
      )[name];
    const calls: [string, (c: any) => Promise<unknown>, (f: any, c: any) => Promise<unknown>][] = [
      ["thingsList", (c) => c.things.list(), (f, c) => f(c)],
      ["tasksCreate", (c) => c.tasks.create({ name: "a" }), (f, c) => f(c, { name: "a" })],
      [
        "thingsReport",
        (c) => c.things.report("t 1", { "X-Export-Format": "csv", locale: "fr" }),
        (f, c) => f(c, "t 1", { "X-Export-Format": "csv", locale: "fr" }),
      ],
    ];
    const sent = async (call: () => Promise<unknown>) => {
      capture.reset();
      capture.respondWith({ body: { id: "t1", data: [] } });
      await call();
      const { method, pathname, rawQuery, headers, body } = capture.only();
      const { "user-agent": _agent, "x-request-id": _request, "idempotency-key": _key, ...rest } = headers;
      return { method, pathname, rawQuery, headers: rest, body };
    };
    for (const [name, byMethod, byFunction] of calls) {
      const f = await fn(name);
      const expected = await sent(() => byMethod(new full(options)));
      expect(expected.pathname).not.toBe("");
      expect([name, await sent(() => byFunction(f, new Lite(options)))]).toEqual([name, expected]);
      expect([name, await sent(() => byFunction(f, new full(options)))]).toEqual([name, expected]);
    }
  }, 60_000);
  it("the package README's per-operation example type-checks, runs, and reaches the server", async () => {
    const examples = await readmeExamples(path.join(ergonomic, "README.md"), "ts");
    const example = examples.find((code) => code.includes(`"@agentruns/${id}/fn"`));
    expect(example).toBeDefined();
    const env = Object.fromEntries([
      ...model.provider.credentials.map((c) => [c.env, `test-${c.option}`]),
      [model.provider.baseUrlEnv[0]!, capture.url],
    ]);
    capture.reset();
    capture.respondWith({ body: { data: [] } });
    await runExample(ergonomic, example!, env, { typescript: true });
    expect(capture.requests).toHaveLength(1);
  }, 60_000);
});

describe("the layout's rules", () => {
  it("is on by default for documents of 6 million characters or more, and an entry can turn it on or off", () => {
    // Operations whose descriptions make the document as large as asked.
    const doc = (chars: number) => ({
      openapi: "3.0.3",
      info: { title: "Many", version: "1" },
      servers: [{ url: "https://api.example.com" }],
      paths: Object.fromEntries(
        Array.from({ length: 10 }, (_, i) => [
          `/r${i}`,
          {
            get: {
              operationId: `get${i}`,
              description: "x".repeat(Math.ceil(chars / 10)),
              responses: { "204": { description: "ok" } },
            },
          },
        ]),
      ),
    });
    const entry = { id: "many", title: "Many", spec: "specs/many.json" };
    expect(PER_OPERATION_FROM).toBe(6_000_000);
    expect(buildModel(entry, doc(PER_OPERATION_FROM)).perOperation?.ops.size).toBe(10);
    expect(buildModel(entry, doc(PER_OPERATION_FROM - 2_000)).perOperation).toBeUndefined();
    expect(
      buildModel({ ...entry, perOperation: false }, doc(PER_OPERATION_FROM)).perOperation,
    ).toBeUndefined();
    expect(buildModel({ ...entry, perOperation: true }, doc(10)).perOperation?.fns.size).toBe(10);
  });

  it("names files that stay distinct on case-insensitive file systems and avoid Windows' device names", () => {
    const files = portableFileNames(["User", "user", "USER", "User_2", "con", "Aux", "list"]);
    expect([...files.values()]).toEqual(["User", "user_2", "USER_3", "User_2_2", "con_", "Aux_", "list"]);
    const folded = [...files.values()].map((f) => f.toLowerCase());
    expect(new Set(folded).size).toBe(folded.length);
  });
});
