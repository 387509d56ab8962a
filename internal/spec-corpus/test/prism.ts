// A Prism mock server (@stoplight/prism-cli, on 127.0.0.1) for a spec, and request values that satisfy a schema:
// what the corpus uses to call real operations and read Prism's verdict on each request.
import { freePort } from "@agentruns/testkit";
import { spawn, type ChildProcess } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sampleValue } from "../../../scripts/src/example-value.js";
import { resolveRef } from "../../../scripts/src/json-ref.js";

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
type Json = Record<string, any>;

/** Starts `prism mock` on a document (written to `file` first); resolves when it serves. */
export async function startPrism(
  doc: Json,
  file: string,
): Promise<{ url: string; stop(): void; log(): string }> {
  await writeFile(file, JSON.stringify(doc));
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      path.join(here, "node_modules/@stoplight/prism-cli/dist/index.js"),
      "mock",
      file,
      "-h",
      "127.0.0.1",
      "-p",
      String(port),
    ],
    {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, SCARF_ANALYTICS: "false", DO_NOT_TRACK: "1" },
    },
  );
  let log = "";
  child.stdout!.on("data", (c) => (log += c));
  child.stderr!.on("data", (c) => (log += c));
  const started = Date.now();
  while (!/Prism is listening/.test(log)) {
    if (child.exitCode !== null || Date.now() - started > 120_000) {
      child.kill();
      throw new Error(`prism did not start:\n${log.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url: `http://127.0.0.1:${port}`, stop: () => void child.kill(), log: () => log };
}

/** The normalized document's refs are all local and resolvable: the generator's own resolver serves. */
const resolve = (doc: Json, node: Json | undefined): Json | undefined => resolveRef(doc, node as Json);

/** A value the schema accepts, its examples first (what the mock checks against), or undefined when it would be a guess. */
const valueFor = (doc: Json, raw: Json | undefined): unknown => sampleValue(doc, raw, { examples: true });

/** The parameters and JSON body a call needs, filled from the schemas; undefined when some cannot be. */
export function requestFor(
  doc: Json,
  method: string,
  p: string,
): { params: Json; body?: unknown } | undefined {
  const item = doc.paths[p];
  const op = item[method.toLowerCase()];
  // Only operations that declare a 2xx answer (a websocket upgrade, say, has none to mock).
  if (!Object.keys(op.responses ?? {}).some((status) => /^2/.test(status))) return undefined;
  const params: Json = { path: {}, query: {}, header: {} };
  for (const raw of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
    const param = resolve(doc, raw)!;
    if (param.in === "cookie" || !(param.in in params)) continue;
    if (!param.required && param.in !== "path") continue;
    const value = param.example ?? valueFor(doc, param.schema);
    if (value === undefined || (typeof value === "object" && param.in !== "query")) return undefined;
    params[param.in][param.name] = value;
  }
  let body: unknown;
  const content = resolve(doc, op.requestBody)?.content;
  if (content) {
    const json = Object.keys(content).find((t) => /json/i.test(t));
    if (!json) return undefined; // uploads are exercised by the features fixture
    body = valueFor(doc, content[json].schema);
    if (body === undefined) return undefined;
  }
  return { params, ...(body === undefined ? {} : { body }) };
}
